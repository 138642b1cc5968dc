package io.sabot.budget.core.check;

import io.sabot.budget.core.check.stats.SteadyState;
import io.sabot.budget.core.io.Beside;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.RunResults;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;

/**
 * A run as the checks judge it: in every fork of every benchmark's primary metric, the leading
 * iterations that were still warming up ({@link SteadyState}) are dropped, and benchmarks whose forks
 * never settled are named. Every evaluation applies it to the current run and to the baseline alike.
 *
 * <ul>
 *   <li>Forks stay forks: a fork loses iterations, never a fork its place, so fork {@code i} of one
 *       side still pairs with fork {@code i} of the other, and a fork that never settled is kept whole.</li>
 *   <li>Both sides alike: the margins rest on the benchmark's noise over both sides' forks, and when one
 *       side's forks are too short to judge (a history baseline holds one mean per run, warm-up
 *       included) the other side is not trimmed either, and the note says so.</li>
 *   <li>The score is recomputed as JMH computes it (the mean of all iterations) and so are JMH's error
 *       and 99.9% interval when the result had them; JMH's iteration percentiles of these modes are
 *       left as they were (no check reads them).</li>
 *   <li>Throughput and average time only. SampleTime results carry histograms, not iteration scores,
 *       and their regressions are judged on JMH's own interval, which cannot be recomputed for fewer
 *       iterations; single-shot benchmarks measure cold code on purpose. Both are left untouched, as are
 *       secondary metrics (allocation, gc): the rule's guarantee, that only iterations slower than the
 *       steady part are dropped, holds for the metric it is applied to.</li>
 * </ul>
 */
final class WarmupTrim {

    private WarmupTrim() {
    }

    /** Both runs trimmed, and one note per benchmark and side that was trimmed or did not settle. */
    record Trimmed(RunResults current, Optional<RunResults> baseline, List<String> notes) {

        Trimmed {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Trims both runs with one rule and, per benchmark, one noise level: the iteration noise of its
     * forks in both runs ({@link SteadyState#noise}), so a benchmark's margins are the same on both sides.
     */
    static Trimmed apply(RunResults current, Optional<RunResults> baseline) {
        // The two sides are trimmed independently (each against the other's untrimmed forks): the baseline
        // on a second thread; its notes still follow this run's.
        List<String> baselineNotes = new ArrayList<>();
        Beside<Optional<RunResults>> before = Beside.start("trim baseline",
                () -> baseline.map(b -> trim(b, Optional.of(current), "Baseline ", "this run's", baselineNotes)));
        List<String> notes = new ArrayList<>();
        RunResults now;
        try {
            now = trim(current, baseline, "", "the baseline's", notes);
        } finally {
            before.await();
        }
        Optional<RunResults> trimmedBaseline = before.join(RuntimeException.class);
        notes.addAll(baselineNotes);
        return new Trimmed(now, trimmedBaseline, notes);
    }

    private static RunResults trim(RunResults run, Optional<RunResults> other, String side, String otherSide,
                                   List<String> notes) {
        List<BenchmarkResult> results = new ArrayList<>();
        boolean changed = false;
        for (BenchmarkResult result : run.results()) {
            List<double[]> forks = new ArrayList<>(result.primary().rawData());
            Optional<BenchmarkResult> peer = other.flatMap(o -> o.find(result.key()));
            peer.ifPresent(o -> forks.addAll(o.primary().rawData()));
            // A side whose forks are too short to judge (a history median: one mean per run) cannot lose its
            // warm-up; trimming only the other side would compare steady state with warm-up included.
            Optional<String> untrimmable = peer.filter(p -> !judgeable(p)).map(p -> otherSide);
            BenchmarkResult steady = trim(result, SteadyState.noise(forks), untrimmable, side, notes);
            changed |= steady != result;
            results.add(steady);
        }
        return changed ? new RunResults(run.source(), results, run.environment(), run.recordedAt(), run.reason()) : run;
    }

    /** Throughput or average time with a fork of three iterations or more: the rule can judge it. */
    private static boolean judgeable(BenchmarkResult result) {
        Mode mode = result.key().mode();
        if (mode == Mode.SAMPLE_TIME || mode == Mode.SINGLE_SHOT) {
            return false;
        }
        for (double[] fork : result.primary().rawData()) {
            if (fork.length >= 3) {
                return true;
            }
        }
        return false;
    }

    private static BenchmarkResult trim(BenchmarkResult result, double noise, Optional<String> untrimmable, String side,
                                        List<String> notes) {
        Metric primary = result.primary();
        if (!judgeable(result)) {
            return result;
        }
        List<double[]> kept = new ArrayList<>();
        int trimmed = 0;
        int fewest = Integer.MAX_VALUE;
        int most = 0;
        List<Double> unsettled = new ArrayList<>();
        for (double[] fork : primary.rawData()) {
            SteadyState.Fork steady = SteadyState.of(fork, primary.direction(), noise);
            if (!steady.settled()) {
                unsettled.add(steady.changePerIteration());
            }
            if (steady.dropped() > 0) {
                trimmed++;
                fewest = Math.min(fewest, steady.dropped());
                most = Math.max(most, steady.dropped());
                kept.add(Arrays.copyOfRange(fork, steady.dropped(), fork.length));
            } else {
                kept.add(fork);
            }
        }
        String label = side + result.key().label();
        int forks = primary.rawData().size();
        String first = fewest == most ? iterations(most) : fewest + "-" + most + " iterations";
        if (trimmed > 0 && untrimmable.isPresent()) {
            notes.add(String.format(Locale.ROOT, "%s: %d of %d fork%s still warming up in the first %s, judged whole all the"
                    + " same: %s forks are too short to be trimmed alike", label, trimmed, forks, forks == 1 ? "" : "s",
                    first, untrimmable.get()));
            trimmed = 0;
        } else if (trimmed > 0) {
            notes.add(String.format(Locale.ROOT, "%s: %d of %d fork%s trimmed (first %s still warming up)", label,
                    trimmed, forks, forks == 1 ? "" : "s", first));
        }
        if (!unsettled.isEmpty()) {
            notes.add(String.format(Locale.ROOT, "%s: %d of %d fork%s never settled within the measurement (iterations still"
                            + " %s by %s per iteration): judged on all iterations; give it more warm-up (-Dbudget.warmupIterations)",
                    label, unsettled.size(), forks, forks == 1 ? "" : "s",
                    primary.direction() == Direction.LOWER_IS_BETTER ? "falling" : "rising", percentRange(unsettled)));
        }
        if (trimmed == 0) {
            return result;
        }
        return new BenchmarkResult(result.key(), result.threads(), result.forks(), result.jdkVersion(), result.vmName(),
                result.vmVersion(), result.jmhVersion(), result.jvmArgs(), recomputed(primary, kept), result.secondary());
    }

    private static String iterations(int count) {
        return count == 1 ? "iteration" : count + " iterations";
    }

    /** The primary metric with {@code raw} as its iterations; score, and JMH's error where it had one, from them. */
    private static Metric recomputed(Metric m, List<double[]> raw) {
        double[] all = raw.stream().flatMapToDouble(Arrays::stream).toArray();
        int n = all.length;
        double mean = StatUtils.mean(all);
        double error = Double.NaN;
        if (n > 1 && (Double.isFinite(m.scoreError()) || Double.isFinite(m.confidenceLow()))) {
            // JMH's scoreError: the half-width of a 99.9% t-interval over all iterations.
            error = new TDistribution(null, n - 1).inverseCumulativeProbability(0.9995)
                    * Math.sqrt(StatUtils.variance(all, mean) / n);
        }
        return new Metric(m.name(), mean, error, mean - error, mean + error, m.unit(), m.direction(), m.percentiles(),
                raw, m.histograms());
    }

    private static String percentRange(List<Double> changes) {
        double low = changes.stream().mapToDouble(c -> Math.abs(c) * 100).min().orElseThrow();
        double high = changes.stream().mapToDouble(c -> Math.abs(c) * 100).max().orElseThrow();
        String lowText = percent(low);
        String highText = percent(high);
        return lowText.equals(highText) ? lowText + "%" : lowText + "-" + highText + "%";
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.0f" : "%.1f", value);
    }
}
