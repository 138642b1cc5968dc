package io.sabot.budget.core.check.stats;

import java.util.Optional;
import org.apache.commons.math3.stat.StatUtils;

/**
 * How far one benchmark's fork means spread, on the log scale: the relative fork-to-fork variance
 * (which includes the iteration noise averaged within each fork) and its degrees of freedom. On the
 * log scale the variance does not depend on the benchmark's unit or size, so spreads of different
 * benchmarks measured on one machine can be compared and pooled ({@link ForkVariancePrior}).
 *
 * @param logVariance      variance of the logarithm of a fork mean; NaN when there are no degrees of freedom
 * @param degreesOfFreedom forks minus one per side that was measured (a pooled variance over the sides)
 */
record ForkSpread(double logVariance, double degreesOfFreedom) {

    /**
     * The variance pooled over {@code sides} (for a regression: the baseline's forks and the current
     * run's forks, each around its own mean, as a code change moves the mean but not the noise).
     *
     * @return empty when a fork mean is not positive (no logarithm)
     */
    static Optional<ForkSpread> of(Samples... sides) {
        double squares = 0;
        int degrees = 0;
        for (Samples side : sides) {
            double[] means = side.forkMeans();
            double[] logs = new double[means.length];
            for (int i = 0; i < means.length; i++) {
                if (!(means[i] > 0)) {
                    return Optional.empty();
                }
                logs[i] = Math.log(means[i]);
            }
            // The side's sum of squares around its own mean (0 for a single fork).
            squares += StatUtils.variance(logs) * (logs.length - 1);
            degrees += logs.length - 1;
        }
        return Optional.of(new ForkSpread(degrees == 0 ? Double.NaN : squares / degrees, degrees));
    }

    boolean hasVariance() {
        return degreesOfFreedom > 0 && logVariance > 0;
    }
}
