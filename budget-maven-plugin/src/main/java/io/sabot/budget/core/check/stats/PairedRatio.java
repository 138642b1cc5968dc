package io.sabot.budget.core.check.stats;

import io.sabot.budget.core.check.Interval;
import io.sabot.budget.core.check.Statistics.RegressionDecision;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.Quantity;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.stat.StatUtils;

/**
 * The regression verdict of a paired run. Fork {@code i} of the current side and fork {@code i} of
 * the baseline side ran in the same pair, seconds apart; the unit of evidence is their ratio, on the
 * log scale: {@code d_i = log(current_i / baseline_i)}, oriented so that positive is worse. Whatever
 * the machine did to both forks of a pair (another hour, another VM, a neighbour's load) cancels in
 * {@code d_i}; what is left is the code's difference and the fork-to-fork noise of both forks.
 *
 * <p>A fork's score is the mean of its steady iterations without the worst one ({@link UndisturbedForkScore}):
 * load on a shared machine only ever slows an iteration down. A round far off its benchmark's others (a
 * fork disturbed throughout) is left out, at most one per benchmark ({@link DisturbedRound}).
 *
 * <p>The interval is a t-interval on the mean of the {@code d_i}, at level {@code 1 - alpha/m}
 * (Bonferroni over the build's {@code m} regression checks). Its variance is the benchmark's own,
 * steadied by the build's other benchmarks ({@link ForkVariancePrior} over the paired spreads:
 * benchmarks whose pairs spread significantly more are taken out of the pool and pooled among
 * themselves, or judged on their own when too few, so a few noisy ones cannot make the quiet ones look
 * noisy, nor the reverse), and never below what the iterations of its forks spread ({@link IterationNoise}:
 * a round cannot be steadier than the iterations its forks average). The rule is three-way
 * on the whole interval: FAIL when it lies above the threshold, PASS when below, else INCONCLUSIVE
 * with the number of rounds that would resolve it.
 */
public final class PairedRatio {

    private PairedRatio() {
    }

    /** The log ratios of the paired forks, positive = worse; empty when a side has no usable forks. */
    static Optional<double[]> logRatios(Metric baseline, Metric current, Direction direction) {
        List<double[]> before = baseline.iterationScores();
        List<double[]> after = current.iterationScores();
        int n = Math.min(before.size(), after.size());
        if (n == 0) {
            return Optional.empty();
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double b = UndisturbedForkScore.of(before.get(i), direction);
            double a = UndisturbedForkScore.of(after.get(i), direction);
            if (!(a > 0) || !(b > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
                return Optional.empty();
            }
            double log = Math.log(a / b);
            d[i] = direction == Direction.LOWER_IS_BETTER ? log : -log;
        }
        return Optional.of(d);
    }

    /**
     * What a paired build's checks share: the build's robust round spread ({@link DisturbedRound#scale}) and
     * the pooled variance of the paired log ratios of every benchmark with two or more pairs, each without
     * the disturbed round {@link DisturbedRound} leaves out.
     */
    record Pool(Optional<ForkVariancePrior> variance, double roundScale) {

        /** No build to learn from: every benchmark on its own rounds, none left out. */
        static final Pool NONE = new Pool(Optional.empty(), Double.NaN);
    }

    /** The pool of a paired build (see {@link Pool}). */
    static Pool prior(RunResults current, RunResults baseline) {
        List<double[]> rounds = new ArrayList<>();
        for (BenchmarkResult now : current.results()) {
            Optional<BenchmarkResult> before = baseline.find(now.key());
            if (before.isEmpty()) {
                continue;
            }
            logRatios(before.get().primary(), now.primary(), now.primary().direction()).ifPresent(rounds::add);
        }
        double scale = DisturbedRound.scale(rounds);
        List<ForkSpread> spreads = new ArrayList<>();
        for (double[] d : rounds) {
            double[] kept = DisturbedRound.find(d, scale).map(i -> DisturbedRound.without(d, i)).orElse(d);
            spreads.add(spread(kept));
        }
        return new Pool(ForkVariancePrior.fitWithNoisierClasses(spreads), scale);
    }

    private static ForkSpread spread(double[] d) {
        return d.length < 2 ? new ForkSpread(Double.NaN, 0) : new ForkSpread(StatUtils.variance(d), d.length - 1);
    }

    static RegressionDecision decide(Metric baseline, Metric current, Direction direction, double threshold,
                                     int comparisons, double alpha, Pool pool) {
        Optional<double[]> ratios = logRatios(baseline, current, direction);
        if (ratios.isEmpty()) {
            return new RegressionDecision(Verdict.INCONCLUSIVE, Interval.point(Double.NaN, "no paired forks"),
                    List.of("paired mode: no pair of forks with positive scores on both sides"));
        }
        double[] all = ratios.get();
        Optional<ForkVariancePrior> prior = pool.variance();
        Optional<Integer> disturbed = DisturbedRound.find(all, pool.roundScale());
        double[] d = disturbed.map(i -> DisturbedRound.without(all, i)).orElse(all);
        ForkSpread own = spread(d);
        ForkSpread moderated = prior.map(p -> p.moderate(own)).orElse(own);
        Optional<ForkVariancePrior> varianceClass = prior.flatMap(p -> p.classOf(own));
        String source = prior.isEmpty() ? "own pairs"
                : varianceClass.isEmpty() ? "own pairs: they spread more than the build's other benchmarks"
                : varianceClass.get().describe().replace("fork variance", "pair variance");
        // A round cannot be steadier than the iterations its two forks average (IterationNoise).
        IterationNoise.Floor floor = IterationNoise.roundFloor(baseline.iterationScores(), current.iterationScores(), direction);
        boolean floored = floor.clearlyAbove(moderated);
        ForkSpread used = floored ? new ForkSpread(floor.logVariance(), moderated.degreesOfFreedom()) : moderated;
        if (floored) {
            source += String.format(Locale.ROOT, ", raised to the noise of the forks' own iterations (%s a round)",
                    spreadPercent(floor.logVariance()));
        }
        int m = Math.max(1, comparisons);
        double level = 1 - alpha / m;
        double center = StatUtils.mean(d);
        double estimate = toSlowdown(center, direction);
        List<String> notes = new ArrayList<>();
        notes.add("paired rounds, this code / baseline code: " + roundRatios(all, direction));
        disturbed.ifPresent(i -> notes.add(String.format(Locale.ROOT, "the round with ratio %s left out: it lies %.1f"
                + " robust standard deviations of this build's rounds from this benchmark's median, more than %.0f (a pair"
                + " with a fork disturbed throughout, left out like a fork that crashed)", roundRatios(new double[] {all[i]},
                direction), DisturbedRound.distance(all, i, pool.roundScale()), DisturbedRound.FAR)));
        if (!(used.degreesOfFreedom() > 0) || !(used.logVariance() > 0)) {
            notes.add("paired mode needs two or more rounds with some spread to give an interval; run more rounds"
                    + " (-Dbudget.forks=3 or more)");
            return new RegressionDecision(Verdict.INCONCLUSIVE, new Interval(Double.NEGATIVE_INFINITY, estimate,
                    Double.POSITIVE_INFINITY, "paired, " + d.length + " round" + (d.length == 1 ? "" : "s") + ", no variance"),
                    notes);
        }
        double q = quantile(level, used.degreesOfFreedom());
        double halfWidth = q * Math.sqrt(used.logVariance() / d.length);
        Interval interval = new Interval(toSlowdown(center - halfWidth, direction), estimate,
                toSlowdown(center + halfWidth, direction),
                String.format(Locale.ROOT, "paired t %s over %d%s rounds (df %.0f, %s)%s", ForkMeansT.percent(level), d.length,
                        disturbed.isPresent() ? " of " + all.length : "", used.degreesOfFreedom(), source,
                        m > 1 ? ", Bonferroni over " + m + " checks" : ""));
        Verdict verdict;
        if (interval.low() > threshold) {
            verdict = Verdict.FAIL;
        } else if (interval.high() <= threshold) {
            verdict = Verdict.PASS;
        } else {
            verdict = Verdict.INCONCLUSIVE;
            double logThreshold = fromSlowdown(threshold, direction);
            double distance = Math.abs(logThreshold - center);
            double factor = Math.pow(halfWidth / Math.max(distance, 1e-9), 2);
            long rounds = (long) Math.ceil(d.length * factor);
            double resolves = (Math.exp(halfWidth) - 1) * 100;
            notes.add(String.format(Locale.ROOT, "this run resolves %s around its estimate; %s"
                    + " would resolve the %s threshold", resolves > 1000 ? "no change smaller than 1,000%"
                            : String.format(Locale.ROOT, "changes of about +/-%.1f%%", resolves),
                    factor > 100 ? "more than 100x the rounds" : "about " + Math.max(d.length + 1, rounds) + " rounds in all",
                    Quantity.format(threshold * 100) + "%"));
        }
        return new RegressionDecision(verdict, interval, notes);
    }

    /** A log variance as the relative spread of one round it stands for: "+/-43%". */
    private static String spreadPercent(double logVariance) {
        return String.format(Locale.ROOT, "+/-%.0f%%", (Math.exp(Math.sqrt(logVariance)) - 1) * 100);
    }

    /** Time-like log ratio (positive = worse) as the slowdown fraction {@link Direction#slowdown} reports. */
    static double toSlowdown(double logRatio, Direction direction) {
        return direction == Direction.LOWER_IS_BETTER ? Math.exp(logRatio) - 1 : 1 - Math.exp(-logRatio);
    }

    static double fromSlowdown(double slowdown, Direction direction) {
        return direction == Direction.LOWER_IS_BETTER ? Math.log(1 + slowdown)
                : slowdown >= 1 ? Double.POSITIVE_INFINITY : -Math.log(1 - slowdown);
    }

    /** Each round's ratio as this code / baseline code, the way the scores read (not oriented). */
    private static String roundRatios(double[] d, Direction direction) {
        List<String> parts = new ArrayList<>();
        for (double x : d) {
            parts.add(String.format(Locale.ROOT, "%.3f", Math.exp(direction == Direction.LOWER_IS_BETTER ? x : -x)));
        }
        return String.join(" ", parts);
    }

    private static double quantile(double level, double degreesOfFreedom) {
        double df = Math.min(Math.max(degreesOfFreedom, 1), 1e6);
        return Quantiles.studentT(df, 1 - (1 - level) / 2);
    }
}
