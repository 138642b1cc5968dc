package io.sabot.budget.core.check.stats;

import io.sabot.budget.core.check.Interval;
import io.sabot.budget.core.model.Direction;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's t-interval for the ratio of two means, computed on the log scale (delta method) from the
 * per-fork means. Forks are the independent replicates of a JMH run; with few of them the t quantile
 * grows quickly, which is exactly the honesty a gate needs: three forks cannot resolve what thirty can.
 */
final class ForkMeansWelch {

    private ForkMeansWelch() {
    }

    /** Interval of the slowdown from {@code before} to {@code after}, or empty when the forks show no spread at all. */
    static Optional<Interval> slowdown(Samples before, Samples after, Direction direction, double level) {
        double[] b = before.forkMeans();
        double[] c = after.forkMeans();
        double mb = mean(b);
        double mc = mean(c);
        if (mb <= 0 || mc <= 0) {
            return Optional.empty();
        }
        double vb = variance(b, mb) / (b.length * mb * mb);
        double vc = variance(c, mc) / (c.length * mc * mc);
        double se = Math.sqrt(vb + vc);
        if (se == 0) {
            return Optional.empty();
        }
        double df = Math.pow(vb + vc, 2) / (vb * vb / (b.length - 1) + vc * vc / (c.length - 1));
        double q = new TDistribution(null, Math.max(1, df)).inverseCumulativeProbability(1 - (1 - level) / 2);
        double logRatio = Math.log(mc / mb);
        double lowRatio = Math.exp(logRatio - q * se);
        double highRatio = Math.exp(logRatio + q * se);
        // ratio = after / before; slowdown is increasing in the ratio for time, decreasing for throughput
        double s1 = direction.slowdown(1, lowRatio);
        double s2 = direction.slowdown(1, highRatio);
        String method = String.format(java.util.Locale.ROOT, "Welch t %.2f%% on %d+%d fork means", level * 100, b.length, c.length);
        return Optional.of(new Interval(Math.min(s1, s2), direction.slowdown(before.mean(), after.mean()), Math.max(s1, s2), method));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
