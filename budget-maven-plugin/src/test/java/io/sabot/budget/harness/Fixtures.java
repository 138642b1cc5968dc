package io.sabot.budget.harness;

import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.MetricUnit;
import io.sabot.budget.core.model.Mode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pools and results with known numbers for the harness's unit tests. */
final class Fixtures {

    private Fixtures() {
    }

    static BenchmarkResult template(String id) {
        Metric primary = new Metric("primary", 1, Double.NaN, Double.NaN, Double.NaN, MetricUnit.parse("us/op"),
                Direction.LOWER_IS_BETTER, Map.of(), List.of(new double[] {1}), List.of());
        return new BenchmarkResult(new BenchmarkKey("io.sabot.budget.harness.CalibratedWorkBenchmark.work", Mode.AVERAGE_TIME,
                Map.of("id", id)), 1, 1, "17", "OpenJDK", "17", "1.37", List.of(), primary, Map.of());
    }

    /** {@code forks} forks of {@code iterations} iterations: fork f, iteration i is {@code mean * (1 + wiggle(f, i))}. */
    static List<double[]> forks(int forks, int iterations, double mean, double wiggle) {
        List<double[]> out = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            double[] fork = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                double sign = ((f * 7 + i * 3) % 5 - 2) / 2.0; // -1 .. +1, fixed pattern
                fork[i] = mean * (1 + wiggle * sign);
            }
            out.add(fork);
        }
        return out;
    }

    /** A pool of {@code benchmarks} benchmarks, each with the same forks scaled to mean {@code mean}. */
    static Map<BenchmarkResult, List<double[]>> pool(int benchmarks, int forks, int iterations, double mean, double wiggle) {
        Map<BenchmarkResult, List<double[]>> pool = new LinkedHashMap<>();
        for (int b = 0; b < benchmarks; b++) {
            pool.put(template(String.format("%02d", b)), forks(forks, iterations, mean * (b + 1), wiggle));
        }
        return pool;
    }
}
