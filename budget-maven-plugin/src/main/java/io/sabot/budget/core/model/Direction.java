package io.sabot.budget.core.model;

/**
 * Which way a metric gets better. Always derived from the JMH mode and unit of a result, never from
 * a benchmark's name.
 */
public enum Direction {
    /** Throughput-like metrics (ops/s): a larger value is better. */
    HIGHER_IS_BETTER,
    /** Time-per-operation and allocation metrics (ns/op, B/op): a smaller value is better. */
    LOWER_IS_BETTER;

    /**
     * Signed relative change from {@code baseline} to {@code measured}, positive when the measured
     * value is worse. A throughput drop from 100 to 90 and a time rise from 100 to 110 are both +0.10.
     */
    public double slowdown(double baseline, double measured) {
        if (baseline == 0) {
            return measured == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        double change = (measured - baseline) / baseline;
        return this == LOWER_IS_BETTER ? change : -change;
    }

    /** True when {@code a} is better than or equal to {@code b} in this direction. */
    public boolean atLeastAsGood(double a, double b) {
        return this == LOWER_IS_BETTER ? a <= b : a >= b;
    }
}
