package io.sabot.budget.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One entry of the budget file.
 *
 * @param limit      what is limited; empty for a budget that only sets {@code regression}/{@code level}
 * @param regression allowed slowdown against the baseline for matched benchmarks, as a fraction (0.10)
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

    /** True when this budget applies to the result: the name matches and every listed @Param equals. */
    public boolean appliesTo(BenchmarkKey key) {
        if (!benchmark.matches(key.benchmark())) {
            return false;
        }
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (!param.getValue().equals(key.params().get(param.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
