package io.sabot.budget.core.check.stats;

import io.sabot.budget.core.model.Direction;
import java.util.ArrayList;
import java.util.List;

/**
 * How far a benchmark's scores move from one measurement iteration to the next within a fork, on the
 * log scale, and the least variance that puts on a paired round's log ratio.
 *
 * <p>Why: a fork's score averages a few iterations ({@link UndisturbedForkScore}), so the noise between
 * iterations reaches it divided by their number, and the two forks of a pair ran at different times,
 * so that noise does not cancel in their ratio: a round varies by at least {@code s²/k} of this code
 * plus {@code s²/k} of the baseline code. The rounds' own spread, and the build's pool that steadies
 * it ({@link ForkVariancePrior}), can come out below that by chance, and then a noisy benchmark is
 * judged as if it were a quiet one. It happened: a sampled latency whose mean is a handful of
 * multi-millisecond checkpoint stalls (iterations from 1 to 16 us in one fork) had six rounds that
 * all leaned one way with a spread like the quiet benchmarks', took their pool's variance, and failed
 * identical code at +128%. Its iterations had shown the noise all along; with the floor its interval
 * spans the threshold and the check stays undecided, as nine of ten builds had left it.
 *
 * <p>How: from the iterations each fork's score averages (all but its worst one,
 * {@link UndisturbedForkScore}: the worst is as often a warm-up still ending as a disturbance, and it
 * is not in the score), every pair within a fork, of either side: the difference of two log scores has
 * variance {@code 2 s²}; pooled by their median, so that one odd iteration does not raise the floor.
 * The best iterations of a fork spread less than any of its iterations would (by about a quarter for
 * normal noise), so the floor errs low and binds only where the iterations clearly spread more than
 * the rounds were credited with; the quiet benchmarks' floor stays below their rounds' spread.
 */
final class IterationNoise {

    /** The level of the test that the iterations spread more than the rounds were credited with. */
    static final double SIGNIFICANCE = 0.01;
    /** Fewer differences than this leave the floor at zero: a median of a few says little. */
    static final int MIN_DIFFERENCES = 6;
    /** The median of |Z| for a standard normal Z. */
    private static final double MEDIAN_ABSOLUTE_NORMAL = 0.6744897501960817;

    private IterationNoise() {
    }

    /**
     * The variance of one iteration's log score around its fork's level, from every pair of the
     * iterations a fork's score averages ({@link UndisturbedForkScore#kept}), over all {@code forks};
     * NaN with fewer than {@link #MIN_DIFFERENCES} pairs.
     */
    static double logVariance(List<double[]> forks, Direction direction) {
        return keptLogVariance(kept(forks, direction));
    }

    /** {@link #logVariance} of iterations already reduced to those the scores average. */
    private static double keptLogVariance(List<double[]> keptForks) {
        List<Double> differences = new ArrayList<>();
        for (double[] kept : keptForks) {
            for (int i = 0; i < kept.length; i++) {
                for (int j = i + 1; j < kept.length; j++) {
                    if (positive(kept[i]) && positive(kept[j])) {
                        differences.add(Math.abs(Math.log(kept[i]) - Math.log(kept[j])));
                    }
                }
            }
        }
        if (differences.size() < MIN_DIFFERENCES) {
            return Double.NaN;
        }
        double[] all = differences.stream().mapToDouble(Double::doubleValue).toArray();
        // |difference of two| has median 0.6745 √2 s for normal noise
        double s = SteadyState.median(all) / (MEDIAN_ABSOLUTE_NORMAL * Math.sqrt(2));
        return s * s;
    }

    private static List<double[]> kept(List<double[]> forks, Direction direction) {
        return forks.stream().map(fork -> UndisturbedForkScore.kept(fork, direction)).toList();
    }

    private static boolean positive(double value) {
        return value > 0 && Double.isFinite(value);
    }

    /**
     * The least variance of a paired round's log ratio: the iteration variance of both sides' forks
     * over the number of iterations each fork's score averages, baseline plus current, with the
     * degrees of freedom of the iterations (each fork's kept iterations less one); {@link Floor#NONE}
     * when the iterations are too few to tell.
     */
    static Floor roundFloor(List<double[]> baseline, List<double[]> current, Direction direction) {
        List<double[]> keptBaseline = kept(baseline, direction);
        List<double[]> keptCurrent = kept(current, direction);
        List<double[]> both = new ArrayList<>(keptBaseline);
        both.addAll(keptCurrent);
        double variance = keptLogVariance(both);
        if (!(variance > 0)) {
            return Floor.NONE;
        }
        int degrees = 0;
        for (double[] kept : both) {
            degrees += Math.max(0, kept.length - 1);
        }
        return new Floor(variance * (meanInverseCount(keptBaseline) + meanInverseCount(keptCurrent)), degrees);
    }

    /**
     * The variance a benchmark's iterations put on each of its rounds, and its degrees of freedom.
     *
     * @param logVariance      the least variance of a round's log ratio; 0 when unknown
     * @param degreesOfFreedom the iterations' (each fork's kept iterations less one)
     */
    record Floor(double logVariance, double degreesOfFreedom) {

        static final Floor NONE = new Floor(0, 0);

        /**
         * Whether the iterations spread significantly more than {@code credited} allows a round (one-sided
         * F test at 1%, the test {@link ForkVariancePrior} takes a benchmark out of a pool by). Only then
         * does the floor replace the variance: iterations are not always independent (on a loaded
         * machine the scheduler gives back to the next iteration what it took from one, and a fork's
         * mean spreads less than its iterations suggest), so a floor near the rounds' own spread is no
         * evidence against it.
         */
        boolean clearlyAbove(ForkSpread credited) {
            if (!(logVariance > 0) || !(degreesOfFreedom > 0) || !(credited.degreesOfFreedom() > 0)) {
                return false;
            }
            if (!(credited.logVariance() > 0)) {
                return true;
            }
            return logVariance / credited.logVariance()
                    > Quantiles.fisherF(degreesOfFreedom, credited.degreesOfFreedom(), 1 - SIGNIFICANCE);
        }
    }

    /** The mean over the forks of 1 / (iterations the fork's score averages). */
    private static double meanInverseCount(List<double[]> keptForks) {
        double sum = 0;
        int counted = 0;
        for (double[] kept : keptForks) {
            if (kept.length > 0) {
                sum += 1.0 / kept.length;
                counted++;
            }
        }
        return counted == 0 ? 0 : sum / counted;
    }
}
