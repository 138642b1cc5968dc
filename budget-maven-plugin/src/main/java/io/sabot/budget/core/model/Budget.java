package io.sabot.budget.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One entry of the budget file.
 *
 * @param limit      what is limited; empty for a budget that only sets {@code regression}/{@code level}
 * @param regression allowed slowdown against the baseline for matched benchmarks, as a fraction (0.10);
 *                   {@link #REGRESSION_OFF} for reference benchmarks that are never judged against a baseline
 */
public record Budget(
        String id,
        BenchmarkPattern benchmark,
        Map<String, String> params,
        Optional<Limit> limit,
        OptionalDouble regression,
        Level level,
        SourceLocation location) {

    public Budget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(benchmark, "benchmark");
        params = Map.copyOf(params);
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(regression, "regression");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(location, "location");
    }

    /**
     * {@code regression: off}: the matched benchmarks are references (a JDK map, a raw library call,
     * a hand-written loop) that the suite's ratio budgets compare with. Their code is the same on both
     * sides of any comparison, so a regression check of them could only report the machine's noise;
     * none is made, and paired mode measures them on the current side only.
     */
    public static final double REGRESSION_OFF = Double.POSITIVE_INFINITY;

    /** True when this budget applies to the result: the name matches and every listed @Param equals. */
    public boolean appliesTo(BenchmarkKey key) {
        return appliesTo(key.benchmark(), key.params());
    }

    /** True when this budget applies to the benchmark at these @Param values, whatever its mode. */
    public boolean appliesTo(String name, Map<String, String> values) {
        if (!benchmark.matches(name)) {
            return false;
        }
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (!param.getValue().equals(values.get(param.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** True when this budget sets {@code regression: off}. */
    public boolean regressionOff() {
        return regression.isPresent() && regression.getAsDouble() == REGRESSION_OFF;
    }
}
