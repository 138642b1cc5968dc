package io.sabot.budget.core.gate;

import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.MetricUnit;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.RunResults;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Benchmark results built fork by fork, as JMH reports them (avgt, ns/op, raw samples per fork). */
final class Forks {

    private Forks() {
    }

    static BenchmarkKey key(String benchmark, Map<String, String> params) {
        return new BenchmarkKey(benchmark, Mode.AVERAGE_TIME, params);
    }

    static BenchmarkResult result(BenchmarkKey key, double[]... forks) {
        return new BenchmarkResult(key, 1, forks.length, "17", "OpenJDK", "17", "1.37", List.of(),
                metric("primary", forks), Map.of());
    }

    static Metric metric(String name, double[]... forks) {
        double mean = Arrays.stream(forks).flatMapToDouble(Arrays::stream).average().orElseThrow();
        return new Metric(name, mean, Double.NaN, Double.NaN, Double.NaN, MetricUnit.NS_PER_OP,
                Mode.AVERAGE_TIME.primaryDirection(), Map.of(), List.of(forks), List.of());
    }

    static RunResults run(String source, BenchmarkResult... results) {
        return new RunResults(source, List.of(results), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
