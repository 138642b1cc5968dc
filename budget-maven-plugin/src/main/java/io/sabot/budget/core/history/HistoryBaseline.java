package io.sabot.budget.core.history;

import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.MetricUnit;
import io.sabot.budget.core.model.RunResults;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A baseline made from the history: per benchmark, the median score of its last N runs measured in
 * the same environment as the results being judged.
 *
 * <p>The history keeps one score and the fork means per run, not the iterations, so the regression
 * statistics get one replicate per earlier run: that run's score, winsorized at three robust standard
 * deviations from the median (see {@link #winsorized}), all shifted together so that their mean is
 * the median. The baseline's location is then the median and its spread the run-to-run spread of the
 * project's own builds, which includes the build-to-build noise a single baseline file cannot show,
 * and one wild run moves neither. The usual rules apply unchanged: Welch t
 * on these replicates against the current fork means when both sides have two or more, else the
 * bootstrap, Bonferroni across the build's comparisons. With a single earlier run its fork means are
 * the replicates (as for a baseline file, but without iterations). Percentiles and secondary metrics
 * are not kept, so only the regression checks use this baseline; budget limits judge the current run.
 */
public final class HistoryBaseline {

    static final double WINSOR_LIMIT = 3;

    private HistoryBaseline() {
    }

    /** The baseline and what the report should say about how it was made. */
    public record Baseline(RunResults results, List<String> notes) {
    }

    /**
     * @param current the environment of the results being judged; runs from elsewhere are left out
     * @throws IllegalArgumentException when no run in the history can serve as a baseline, saying why
     */
    public static Baseline of(String source, List<HistoryEntry> entries, int runs, Optional<Environment> current) {
        List<HistoryEntry> comparable = new ArrayList<>();
        int otherEnvironment = 0;
        for (HistoryEntry entry : entries) {
            if (current.isPresent() && entry.environment().isPresent()
                    && !current.get().differencesFrom(entry.environment().get()).isEmpty()) {
                otherEnvironment++;
            } else {
                comparable.add(entry);
            }
        }
        if (comparable.isEmpty()) {
            throw new IllegalArgumentException(source + " holds " + entries.size() + " run(s), none of them measured in this"
                    + " environment" + (entries.isEmpty() ? "" : " (" + String.join("; ", current.get()
                    .differencesFrom(entries.get(entries.size() - 1).environment().orElseThrow())) + ")")
                    + "; run budget:check with -Dbudget.history=" + source + " here first, or compare against a baseline file");
        }
        Set<BenchmarkKey> keys = new LinkedHashSet<>();
        comparable.forEach(e -> e.benchmarks().forEach(b -> keys.add(b.key())));
        List<BenchmarkResult> results = new ArrayList<>();
        int mostRuns = 0;
        for (BenchmarkKey key : keys) {
            Optional<BenchmarkResult> result = median(key, comparable, runs);
            if (result.isPresent()) {
                results.add(result.get());
                long used = comparable.stream().filter(e -> e.find(key).isPresent()).count();
                mostRuns = (int) Math.max(mostRuns, Math.min(runs, used));
            }
        }
        HistoryEntry latest = comparable.get(comparable.size() - 1);
        List<String> notes = new ArrayList<>();
        notes.add("Baseline: median of up to " + runs + " earlier runs per benchmark from " + source
                + " (at most " + mostRuns + " used)");
        if (otherEnvironment > 0) {
            notes.add(otherEnvironment + " run(s) of the history were measured in another environment and left out");
        }
        RunResults baseline = new RunResults(source + " (median of the last " + runs + " runs)", results,
                latest.environment().or(() -> current), Optional.of(latest.time()),
                Optional.of("median of the history up to " + latest.shortCommit()));
        return new Baseline(baseline, notes);
    }

    /** The baseline result of one benchmark; the forks of the result are the replicates described above. */
    static Optional<BenchmarkResult> median(BenchmarkKey key, List<HistoryEntry> entries, int runs) {
        List<HistoryEntry.Benchmark> measured = new ArrayList<>();
        MetricUnit unit = null;
        for (int i = entries.size() - 1; i >= 0 && measured.size() < runs; i--) {
            Optional<HistoryEntry.Benchmark> b = entries.get(i).find(key);
            if (b.isEmpty()) {
                continue;
            }
            MetricUnit u = unitOf(b.get());
            if (u == null || (unit != null && !u.isComparableTo(unit))) {
                continue;
            }
            unit = unit == null ? u : unit;
            measured.add(b.get());
        }
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        double[] scores = new double[measured.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = unitOf(measured.get(i)).convert(measured.get(i).score(), unit);
        }
        double median = median(scores);
        List<double[]> replicates = new ArrayList<>();
        if (scores.length >= 2) {
            double[] kept = winsorized(scores, median);
            double shift = median - Arrays.stream(kept).average().orElseThrow();
            for (double score : kept) {
                replicates.add(new double[] {score + shift});
            }
        } else {
            MetricUnit from = unitOf(measured.get(0));
            for (double forkMean : measured.get(0).forkMeans()) {
                replicates.add(new double[] {from.convert(forkMean, unit)});
            }
        }
        HistoryEntry.Benchmark latest = measured.get(0);
        Metric primary = new Metric("primary", median, Double.NaN, Double.NaN, Double.NaN, unit,
                key.mode().primaryDirection(), Map.of(), replicates, List.of());
        return Optional.of(new BenchmarkResult(key, latest.threads(), replicates.size(), "", "", "", "", List.of(),
                primary, Map.of()));
    }

    private static MetricUnit unitOf(HistoryEntry.Benchmark b) {
        try {
            return MetricUnit.parse(b.unit());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Scores further than {@value #WINSOR_LIMIT} robust standard deviations (1.4826 x the median
     * absolute deviation) from the median are pulled in to that distance, so one wild run can neither
     * move the baseline nor widen its spread; with fewer than three runs there is nothing to judge by.
     */
    static double[] winsorized(double[] scores, double median) {
        if (scores.length < 3) {
            return scores.clone();
        }
        double[] deviations = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            deviations[i] = Math.abs(scores[i] - median);
        }
        double bound = WINSOR_LIMIT * 1.4826 * median(deviations);
        if (bound == 0) {
            return scores.clone();
        }
        double[] kept = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            kept[i] = Math.max(median - bound, Math.min(median + bound, scores[i]));
        }
        return kept;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
