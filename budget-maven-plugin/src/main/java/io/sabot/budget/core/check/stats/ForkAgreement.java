package io.sabot.budget.core.check.stats;

import java.util.Arrays;
import java.util.Optional;

/**
 * Recognises a benchmark whose forks disagree: the fork means fall into two groups separated by far
 * more than the iterations of one fork vary. That is the signature of a bimodal JIT outcome (one
 * fork inlines, the next does not) or of a machine that changed speed between forks. A verdict on
 * such a benchmark rests on how many forks landed in each group, so the report says so instead of
 * presenting the mean as if it were stable.
 */
public final class ForkAgreement {

    /** The gap must be this many within-fork standard deviations... */
    static final double GAP_IN_WITHIN_FORK_SD = 4;
    /** ...and this large relative to the mean, so that tiny but very steady differences are not flagged. */
    static final double MIN_RELATIVE_GAP = 0.05;

    private ForkAgreement() {
    }

    /**
     * @return a sentence describing the split, or empty when the forks agree (or there are fewer than
     *         two forks, or too few iterations per fork to know their spread)
     */
    public static Optional<String> split(Samples samples, String unit) {
        if (samples.forkCount() < 2) {
            return Optional.empty();
        }
        double[] means = samples.forkMeans();
        double[] sorted = means.clone();
        Arrays.sort(sorted);
        int gapAt = 0;
        double gap = 0;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] - sorted[i - 1] > gap) {
                gap = sorted[i] - sorted[i - 1];
                gapAt = i;
            }
        }
        double range = sorted[sorted.length - 1] - sorted[0];
        double withinSd = pooledWithinForkSd(samples);
        if (Double.isNaN(withinSd) || gap == 0) {
            return Optional.empty();
        }
        double overall = Math.abs(samples.mean());
        boolean separated = gap > GAP_IN_WITHIN_FORK_SD * withinSd && gap > MIN_RELATIVE_GAP * overall;
        // One clear gap, not a continuous spread of many forks.
        boolean twoGroups = gap >= 0.5 * range;
        if (!separated || !twoGroups) {
            return Optional.empty();
        }
        double low = Arrays.stream(sorted, 0, gapAt).average().orElseThrow();
        double high = Arrays.stream(sorted, gapAt, sorted.length).average().orElseThrow();
        return Optional.of("forks disagree: " + gapAt + " fork(s) near " + format(low) + " " + unit + " and "
                + (sorted.length - gapAt) + " near " + format(high) + " " + unit + " ("
                + io.sabot.budget.core.model.Quantity.fixed((high - low) * 100 / Math.abs(low), 0)
                + "% apart) while iterations within a fork vary by "
                + io.sabot.budget.core.model.Quantity.fixed(withinSd * 100 / overall, 1) + "%; bimodal (JIT or machine),"
                + " so its verdicts depend on how many forks land in each group; more forks (budget.forks) make them stable");
    }

    /** Square root of the mean within-fork variance; NaN when no fork has two iterations. */
    static double pooledWithinForkSd(Samples samples) {
        double sumSquares = 0;
        int degrees = 0;
        for (int f = 0; f < samples.forkCount(); f++) {
            double[] fork = samples.fork(f);
            if (fork.length < 2) {
                continue;
            }
            double mean = Arrays.stream(fork).average().orElseThrow();
            for (double v : fork) {
                sumSquares += (v - mean) * (v - mean);
            }
            degrees += fork.length - 1;
        }
        return degrees == 0 ? Double.NaN : Math.sqrt(sumSquares / degrees);
    }

    private static String format(double value) {
        return io.sabot.budget.core.model.Quantity.format(value);
    }
}
