package io.sabot.budget.harness;

import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forms simulated builds from measured forks: for every benchmark, the draw's baseline group from the
 * baseline pool, current and confirmation groups from the current pool, each fork cut to the build's
 * iterations. Benchmarks are matched by key (method, mode, @Param values).
 */
final class Builds {

    private Builds() {
    }

    static List<BenchmarkDraw> form(Map<BenchmarkResult, List<double[]>> baselinePool, Map<BenchmarkResult, List<double[]>> currentPool,
                                    BuildSettings settings, BuildDraw draw) {
        Map<BenchmarkKey, List<double[]>> baselineByKey = new LinkedHashMap<>();
        baselinePool.forEach((r, forks) -> baselineByKey.put(r.key(), forks));
        List<BenchmarkDraw> build = new ArrayList<>();
        for (Map.Entry<BenchmarkResult, List<double[]>> e : currentPool.entrySet()) {
            List<double[]> baselineForks = baselineByKey.get(e.getKey().key());
            if (baselineForks == null) {
                throw new IllegalArgumentException("the baseline pool has no " + e.getKey().key().label());
            }
            build.add(new BenchmarkDraw(e.getKey(), settings.baselineSide().group(baselineForks, draw.baselineGroup()),
                    settings.group(e.getValue(), draw.currentGroup()), settings.group(e.getValue(), draw.confirmationGroup())));
        }
        if (build.size() != baselineByKey.size()) {
            throw new IllegalArgumentException("the pools hold different benchmarks: " + baselineByKey.size() + " vs " + build.size());
        }
        return build;
    }

    /**
     * Median over the benchmarks of the slowdown of the whole current pool against the whole baseline
     * pool (every fork, the build's measurement iterations): the change the code really had, against
     * which detection is judged.
     */
    static double measuredSlowdown(Map<BenchmarkResult, List<double[]>> baselinePool, Map<BenchmarkResult, List<double[]>> currentPool,
                                   BuildSettings settings) {
        BuildSettings all = new BuildSettings("all", 1, settings.warmup(), settings.measurement());
        Map<BenchmarkKey, List<double[]>> baselineByKey = new LinkedHashMap<>();
        baselinePool.forEach((r, forks) -> baselineByKey.put(r.key(), forks));
        List<Double> slowdowns = new ArrayList<>();
        for (Map.Entry<BenchmarkResult, List<double[]>> e : currentPool.entrySet()) {
            List<double[]> before = baselineByKey.get(e.getKey().key()).stream().map(all::slice).toList();
            List<double[]> after = e.getValue().stream().map(all::slice).toList();
            slowdowns.add(e.getKey().primary().direction().slowdown(BenchmarkDraw.mean(before), BenchmarkDraw.mean(after)));
        }
        return median(slowdowns);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
