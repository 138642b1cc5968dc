package io.sabot.budget.harness;

import io.sabot.budget.core.model.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The real builds' figures per condition: mode (paired or stored), load (idle or cpu) and injected
 * slowdown. A build that did not finish (a fork failed) is counted apart and in no rate.
 */
final class PairedTally {

    /** One condition's figures. */
    record Row(String mode, String load, double slowdown, int builds, int unfinished, int failedBuilds, long checks, long fails,
               long passes, long inconclusives, long decidedLater, long overturned, int sessions, Duration sessionSpread,
               double meanWallSeconds, double maxWallSeconds, double maxMeasurementSeconds, double maxBaselineMeasurementSeconds,
               double medianEstimate, double medianRoundNoise, double minLoad, double medianLoad, double maxLoad) {

        double failRate() {
            return rate(fails, checks);
        }

        double passRate() {
            return rate(passes, checks);
        }

        double inconclusiveRate() {
            return rate(inconclusives, checks);
        }

        double buildFailRate() {
            return rate(failedBuilds, builds);
        }

        String condition() {
            return PairedPlan.conditionLabel(slowdown);
        }
    }

    private PairedTally() {
    }

    /** Rows in a fixed order: paired before stored, idle before cpu, slowdowns ascending; only conditions with records. */
    static List<Row> rows(List<BuildRecord> records) {
        Map<String, List<BuildRecord>> byCondition = new LinkedHashMap<>();
        records.stream().filter(r -> !r.mode().equals("baseline"))
                .sorted(Comparator.comparing((BuildRecord r) -> r.mode().equals("paired") ? 0 : r.mode().equals("stored") ? 1 : 2)
                        .thenComparing(r -> r.load().equals("idle") ? 0 : 1)
                        .thenComparingDouble(BuildRecord::slowdown))
                .forEach(r -> byCondition.computeIfAbsent(r.mode() + "|" + r.load() + "|" + r.slowdown(), k -> new ArrayList<>()).add(r));
        List<Row> rows = new ArrayList<>();
        for (List<BuildRecord> group : byCondition.values()) {
            rows.add(row(group));
        }
        return rows;
    }

    static Row row(List<BuildRecord> group) {
        BuildRecord first = group.get(0);
        List<BuildRecord> done = group.stream().filter(BuildRecord::finished).toList();
        int failedBuilds = 0;
        long checks = 0;
        long fails = 0;
        long passes = 0;
        long inconclusives = 0;
        long later = 0;
        long overturned = 0;
        List<Double> estimates = new ArrayList<>();
        List<Double> noise = new ArrayList<>();
        List<Double> loads = new ArrayList<>();
        double wall = 0;
        double maxWall = 0;
        double maxMeasured = 0;
        double maxBaseline = 0;
        for (BuildRecord r : done) {
            if (r.anyFail()) {
                failedBuilds++;
            }
            checks += r.checks().size();
            fails += r.count(Verdict.FAIL);
            passes += r.count(Verdict.PASS);
            inconclusives += r.count(Verdict.INCONCLUSIVE);
            for (BuildRecord.Check c : r.checks()) {
                if (c.look() > 1 && c.verdictValue() != Verdict.INCONCLUSIVE) {
                    later++;
                }
                if (c.overturned()) {
                    overturned++;
                }
                if (Double.isFinite(c.estimate())) {
                    estimates.add(c.estimate());
                }
            }
            if (Double.isFinite(r.roundNoise())) {
                noise.add(r.roundNoise());
            }
            double load = firstLoad(r.loadBefore());
            if (Double.isFinite(load)) {
                loads.add(load);
            }
            wall += r.wallSeconds();
            maxWall = Math.max(maxWall, r.wallSeconds());
            maxMeasured = Math.max(maxMeasured, finite(r.measurementSeconds()));
            maxBaseline = Math.max(maxBaseline, finite(r.baselineMeasurementSeconds()));
        }
        TreeSet<String> sessions = new TreeSet<>();
        done.forEach(r -> sessions.add(r.session()));
        Duration spread = sessions.size() < 2 ? Duration.ZERO
                : Duration.between(Instant.parse(sessions.first()), Instant.parse(sessions.last()));
        return new Row(first.mode(), first.load(), first.slowdown(), done.size(), group.size() - done.size(), failedBuilds, checks,
                fails, passes, inconclusives, later, overturned, sessions.size(), spread,
                done.isEmpty() ? Double.NaN : wall / done.size(), maxWall, maxMeasured, maxBaseline, median(estimates),
                median(noise), loads.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN), median(loads),
                loads.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
    }

    /** The row of a mode, load and slowdown, if any build of it was recorded. */
    static java.util.Optional<Row> find(List<Row> rows, String mode, String load, double slowdown) {
        return rows.stream().filter(r -> r.mode().equals(mode) && r.load().equals(load) && r.slowdown() == slowdown).findFirst();
    }

    static double firstLoad(String loadAverages) {
        if (loadAverages == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(loadAverages.trim().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().filter(Objects::nonNull).sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static double rate(long k, long n) {
        return n == 0 ? Double.NaN : k / (double) n;
    }
}
