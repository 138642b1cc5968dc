package io.sabot.budget.core.report;

import io.sabot.budget.core.check.stats.UndisturbedForkScore;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.MetricUnit;
import io.sabot.budget.core.model.PairedRun;
import io.sabot.budget.core.model.Quantity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The evidence of a paired run for one benchmark, round by round: the score of the baseline code's
 * fork and of this code's fork that ran in the same pair (the benchmark's k-th pair ran fork k-1 of
 * both sides), in this run's unit, and their ratio. A fork's score is the one the paired statistics
 * judge ({@link UndisturbedForkScore}: the mean of its steady iterations without its worst one), so the
 * ratios here are the ones in the check's note.
 */
final class PairedRounds {

    /**
     * One round of one benchmark.
     *
     * @param baselineScore the baseline side's fork score in this run's unit, NaN when that fork is missing
     * @param currentScore  this code's fork score, NaN when that fork is missing
     */
    record Round(int round, boolean baselineFirst, double baselineScore, double currentScore) {

        /** This code over the baseline: above 1 is more time per operation, or more throughput. */
        double ratio() {
            return currentScore / baselineScore;
        }

        String order() {
            return baselineFirst ? "baseline first" : "this code first";
        }
    }

    private PairedRounds() {
    }

    /** How the reports name a fork's score, once per table. */
    static final String SCORE_MEANING = "a fork's score is the mean of its steady iterations without its worst one"
            + " (when three or more are left), as the paired statistics judge it";

    /** A fork score as the reports print it; "-" for a missing fork. */
    static String score(double value) {
        return Double.isFinite(value) ? Quantity.format(value) : "-";
    }

    /** A ratio with three decimals; "-" when a side is missing. */
    static String ratio(double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.3f", ratio) : "-";
    }

    /** The rounds of {@code current} in round order; empty when the baseline side has no such benchmark. */
    static List<Round> of(PairedRun run, BenchmarkResult current) {
        Optional<BenchmarkResult> baseline = run.baseline().find(current.key());
        if (baseline.isEmpty()) {
            return List.of();
        }
        MetricUnit unit = current.primary().unit();
        // Each pair that ran this benchmark added one fork to each side, so its k-th pair holds its k-th fork. That is
        // round k only while it ran in every round: adaptive and confirmation rounds run a subset, so a benchmark
        // decided early and confirmed later ran in rounds 1-3 and 7-9, and its forks 3-5 come from rounds 7-9.
        List<PairedRun.Pair> pairs = new ArrayList<>(run.pairsOf(current.key()));
        pairs.sort(Comparator.comparingInt(PairedRun.Pair::round));
        List<Round> rounds = new ArrayList<>();
        for (int fork = 0; fork < pairs.size(); fork++) {
            PairedRun.Pair pair = pairs.get(fork);
            rounds.add(new Round(pair.round(), pair.baselineFirst(), forkScore(baseline.get().primary(), fork, unit),
                    forkScore(current.primary(), fork, unit)));
        }
        return rounds;
    }

    private static double forkScore(Metric metric, int fork, MetricUnit unit) {
        List<double[]> forks = metric.iterationScores();
        if (fork < 0 || fork >= forks.size() || forks.get(fork).length == 0 || !metric.unit().isComparableTo(unit)) {
            return Double.NaN;
        }
        return metric.unit().convert(UndisturbedForkScore.of(forks.get(fork), metric.direction()), unit);
    }
}
