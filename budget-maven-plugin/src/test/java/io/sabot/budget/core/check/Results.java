package io.sabot.budget.core.check;

import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.MetricUnit;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.RunResults;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds results as JMH would report them, with raw samples, for check tests. */
final class Results {

    private Results() {
    }

    /** Two forks of {@code values}, scaled per fork by +/-0.1%, in {@code unit}. */
    static BenchmarkResult result(String name, Mode mode, String unit, Map<String, String> params, double... values) {
        return result(name, mode, unit, params, 1, Map.of(), values);
    }

    static BenchmarkResult result(String name, Mode mode, String unit, Map<String, String> params, int threads,
                                  Map<String, Metric> secondary, double... values) {
        double[] forkA = values.clone();
        double[] forkB = new double[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            forkA[i] = values[i] * 0.999;
            forkB[i] = values[i] * 1.001;
            sum += values[i] * 2;
        }
        double mean = sum / (values.length * 2);
        Metric primary = new Metric("primary", mean, Double.NaN, Double.NaN, Double.NaN, MetricUnit.parse(unit),
                mode.primaryDirection(), Map.of(), List.of(forkA, forkB), List.of());
        return new BenchmarkResult(new BenchmarkKey(name, mode, params), threads, 2, "17", "OpenJDK", "17", "1.37",
                List.of(), primary, secondary);
    }

    static Metric secondary(String name, String unit, double value) {
        return new Metric(name, value, Double.NaN, Double.NaN, Double.NaN, MetricUnit.parse(unit),
                io.sabot.budget.core.model.Direction.LOWER_IS_BETTER, Map.of(),
                List.of(new double[] {value, value, value}, new double[] {value, value, value}), List.of());
    }

    static RunResults run(BenchmarkResult... results) {
        return new RunResults("run.json", List.of(results), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }
}
