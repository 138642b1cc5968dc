package io.sabot.budget.core.check.stats;

import io.sabot.budget.core.check.Interval;
import io.sabot.budget.core.model.Direction;
import java.util.Optional;
import org.apache.commons.math3.stat.StatUtils;

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
        double mb = StatUtils.mean(b);
        double mc = StatUtils.mean(c);
        if (mb <= 0 || mc <= 0) {
            return Optional.empty();
        }
        double vb = StatUtils.variance(b, mb) / (b.length * mb * mb);
        double vc = StatUtils.variance(c, mc) / (c.length * mc * mc);
        double se = Math.sqrt(vb + vc);
        if (se == 0) {
            return Optional.empty();
        }
        double df = Math.pow(vb + vc, 2) / (vb * vb / (b.length - 1) + vc * vc / (c.length - 1));
        double q = Quantiles.studentT(Math.max(1, df), 1 - (1 - level) / 2);
        double logRatio = Math.log(mc / mb);
        double lowRatio = Math.exp(logRatio - q * se);
        double highRatio = Math.exp(logRatio + q * se);
        // ratio = after / before; slowdown is increasing in the ratio for time, decreasing for throughput
        double s1 = direction.slowdown(1, lowRatio);
        double s2 = direction.slowdown(1, highRatio);
        String method = String.format(java.util.Locale.ROOT, "Welch t %.2f%% on %d+%d fork means", level * 100, b.length, c.length);
        return Optional.of(new Interval(Math.min(s1, s2), direction.slowdown(before.mean(), after.mean()), Math.max(s1, s2), method));
    }

    /**
     * The slowdown when only one side has several forks (typically a baseline recorded with more forks
     * than a quick build runs): the fork-to-fork variance is a property of the benchmark on this
     * machine, so the side with forks estimates it for both, with that side's degrees of freedom.
     * The single fork's mean then carries the full fork variance, which an interval over its
     * iterations alone would leave out.
     *
     * @return empty unless exactly one side has at least two forks and they show some spread
     */
    static Optional<Interval> slowdownWithSharedForkVariance(Samples before, Samples after, Direction direction, double level) {
        Samples measured = before.forkCount() >= 2 ? before : after;
        if (measured.forkCount() < 2 || (before.forkCount() >= 2 && after.forkCount() >= 2)) {
            return Optional.empty();
        }
        double[] forkMeans = measured.forkMeans();
        double[] logs = new double[forkMeans.length];
        for (int i = 0; i < logs.length; i++) {
            if (forkMeans[i] <= 0) {
                return Optional.empty();
            }
            logs[i] = Math.log(forkMeans[i]);
        }
        double logVariance = StatUtils.variance(logs);
        if (logVariance == 0) {
            return Optional.empty();
        }
        double mb = StatUtils.mean(before.forkMeans());
        double mc = StatUtils.mean(after.forkMeans());
        double se = Math.sqrt(logVariance * (1.0 / before.forkCount() + 1.0 / after.forkCount()));
        int df = forkMeans.length - 1;
        double q = Quantiles.studentT(df, 1 - (1 - level) / 2);
        double logRatio = Math.log(mc / mb);
        double s1 = direction.slowdown(1, Math.exp(logRatio - q * se));
        double s2 = direction.slowdown(1, Math.exp(logRatio + q * se));
        String method = String.format(java.util.Locale.ROOT, "t %.2f%% with the fork variance of the %d-fork side (%d+%d forks)",
                level * 100, measured.forkCount(), before.forkCount(), after.forkCount());
        return Optional.of(new Interval(Math.min(s1, s2), direction.slowdown(before.mean(), after.mean()), Math.max(s1, s2), method));
    }
}
