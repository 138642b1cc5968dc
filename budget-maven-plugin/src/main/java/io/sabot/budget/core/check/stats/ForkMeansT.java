package io.sabot.budget.core.check.stats;

import io.sabot.budget.core.check.Interval;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Quantity;
import org.apache.commons.math3.stat.StatUtils;

/**
 * t-intervals on the log scale from fork means, with the fork variance given (a benchmark's own, or
 * steadied by the build's {@link ForkVariancePrior}). The fork is the replicate: iterations of one
 * fork share its JIT decisions and memory layout, so they cannot stand in for more forks.
 */
final class ForkMeansT {

    private ForkMeansT() {
    }

    /** Interval of the mean score: the mean of the fork means times exp(±t·se). */
    static Interval score(Samples samples, ForkSpread spread, double level, String source) {
        double center = StatUtils.mean(samples.forkMeans());
        double halfWidth = quantile(level, spread.degreesOfFreedom()) * Math.sqrt(spread.logVariance() / samples.forkCount());
        return new Interval(center * Math.exp(-halfWidth), samples.mean(), center * Math.exp(halfWidth),
                method(level, spread, samples.forkCount() + " fork" + (samples.forkCount() == 1 ? "" : "s"), source));
    }

    /** Interval of the slowdown from {@code before} to {@code after} (positive = worse in {@code direction}). */
    static Interval slowdown(Samples before, Samples after, Direction direction, ForkSpread spread, double level, String source) {
        double logRatio = Math.log(StatUtils.mean(after.forkMeans()) / StatUtils.mean(before.forkMeans()));
        double se = Math.sqrt(spread.logVariance() * (1.0 / before.forkCount() + 1.0 / after.forkCount()));
        double q = quantile(level, spread.degreesOfFreedom());
        double s1 = direction.slowdown(1, Math.exp(logRatio - q * se));
        double s2 = direction.slowdown(1, Math.exp(logRatio + q * se));
        return new Interval(Math.min(s1, s2), direction.slowdown(before.mean(), after.mean()), Math.max(s1, s2),
                method(level, spread, before.forkCount() + "+" + after.forkCount() + " forks", source));
    }

    /** Interval of {@code numerator / denominator}, each side with its own spread (Welch-Satterthwaite degrees of freedom). */
    static Interval ratio(Samples numerator, ForkSpread numeratorSpread, Samples denominator, ForkSpread denominatorSpread,
                          double level, String source) {
        double vn = numeratorSpread.logVariance() / numerator.forkCount();
        double vd = denominatorSpread.logVariance() / denominator.forkCount();
        double df = Math.pow(vn + vd, 2)
                / (vn * vn / numeratorSpread.degreesOfFreedom() + vd * vd / denominatorSpread.degreesOfFreedom());
        double center = StatUtils.mean(numerator.forkMeans()) / StatUtils.mean(denominator.forkMeans());
        double halfWidth = quantile(level, df) * Math.sqrt(vn + vd);
        return new Interval(center * Math.exp(-halfWidth), numerator.mean() / denominator.mean(), center * Math.exp(halfWidth),
                "t " + percent(level) + " of the ratio of fork means (" + numerator.forkCount() + "/" + denominator.forkCount()
                        + " forks, df " + Quantity.fixed(df, 0) + (source.isEmpty() ? "" : ", " + source) + ")");
    }

    private static double quantile(double level, double degreesOfFreedom) {
        // Beyond a few hundred degrees of freedom t is the normal distribution to four digits.
        double df = Math.min(Math.max(degreesOfFreedom, 1), 1e6);
        return Quantiles.studentT(df, 1 - (1 - level) / 2);
    }

    private static String method(double level, ForkSpread spread, String forks, String source) {
        return "t " + percent(level) + " on the fork means of " + forks + " (df " + Quantity.fixed(spread.degreesOfFreedom(), 0)
                + (source.isEmpty() ? "" : ", " + source) + ")";
    }

    /** A confidence level as a percentage, with as many decimals as it takes not to read as 100% (Bonferroni levels). */
    static String percent(double level) {
        double p = level * 100;
        if (p == Math.rint(p)) {
            return (long) p + "%";
        }
        String text = Quantity.fixed(p, 2);
        for (int decimals = 3; decimals <= 8 && text.startsWith("100"); decimals++) {
            text = Quantity.fixed(p, decimals);
        }
        return text + "%";
    }
}
