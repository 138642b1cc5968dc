package io.sabot.budget.core.check;

import io.sabot.budget.core.model.Dimension;
import io.sabot.budget.core.model.MetricUnit;
import java.util.Optional;

/**
 * Expresses a measured interval in the unit a budget was written in. Same dimension: a plain
 * factor. Time per op against ops per time: the reciprocal, which is exact only for one thread, so
 * it is refused for multi-threaded benchmarks.
 */
public final class UnitBridge {

    private UnitBridge() {
    }

    static Optional<Interval> convert(Interval measured, MetricUnit from, MetricUnit to, int threads) {
        if (from.isComparableTo(to)) {
            return Optional.of(measured.scaled(from.toBase() / to.toBase()));
        }
        if (threads == 1 && isReciprocal(from.dimension(), to.dimension())) {
            return Optional.of(new Interval(
                    reciprocal(measured.high(), from, to),
                    reciprocal(measured.estimate(), from, to),
                    reciprocal(measured.low(), from, to),
                    measured.method()));
        }
        return Optional.empty();
    }

    /** {@code value} in {@code from} expressed in {@code to}, or empty when the units do not convert. */
    public static java.util.OptionalDouble value(double value, MetricUnit from, MetricUnit to, int threads) {
        return convert(new Interval(value, value, value, ""), from, to, threads)
                .map(i -> java.util.OptionalDouble.of(i.estimate())).orElse(java.util.OptionalDouble.empty());
    }

    private static boolean isReciprocal(Dimension a, Dimension b) {
        return (a == Dimension.TIME_PER_OP && b == Dimension.OPS_PER_TIME)
                || (a == Dimension.OPS_PER_TIME && b == Dimension.TIME_PER_OP);
    }

    /** ns/op and ops/s are each other's reciprocal scaled by 1e9. */
    private static double reciprocal(double value, MetricUnit from, MetricUnit to) {
        double base = value * from.toBase();
        return 1e9 / base / to.toBase();
    }

    static String mismatch(String budgetId, String what, MetricUnit measured, MetricUnit limit, int threads) {
        String hint = threads > 1 && measured.dimension() != Dimension.OTHER
                ? " (a time/throughput conversion is exact only for single-threaded benchmarks; this one runs " + threads + " threads)"
                : "";
        return "budget '" + budgetId + "': " + what + " is measured in " + measured + " but the limit is in " + limit
                + hint + "; write the limit in a unit comparable to " + measured;
    }
}
