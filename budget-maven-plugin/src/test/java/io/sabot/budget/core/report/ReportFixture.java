package io.sabot.budget.core.report;

import io.sabot.budget.core.check.BudgetEvaluator;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.history.HistoryEntry;
import io.sabot.budget.core.io.BudgetFileParser;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.MetricUnit;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.PairedRun;
import io.sabot.budget.core.model.RunResults;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A report with a broken budget, a passing SampleTime percentile budget, a baseline, a history of
 * three runs, and names full of HTML, quotes, pipes and newlines; {@link #pairedData()} adds the
 * paired run that measured the baseline.
 */
final class ReportFixture {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final String EVIL_CLASS = "io.x.Evil</script><script>alert(1)</script>Bench";
    static final String EVIL_PARAM = "a|b\"c'\n<img src=x onerror=alert(2)>";
    static final String FAST = EVIL_CLASS + ".fast";
    static final String LATENCY = "io.x.LatencyBench.sample";
    static final Environment ENV = new Environment("Eclipse Adoptium", "17.0.9", "OpenJDK 64-Bit Server VM", "Linux",
            "amd64", "Test CPU <b>", 2, "1.37", List.of());
    static final String BUDGETS = """
            version: 1
            budgets:
              - id: "TOO-TIGHT</script>"
                benchmark: "*.fast"
                max: 50ns
              - id: LAT-P99
                benchmark: "*.LatencyBench.sample"
                p99: 10ms
            """;

    final BudgetFile budgets;
    final RunResults current;
    final RunResults baseline;
    final List<HistoryEntry> history;
    final ReportContext context;
    final ReportData data;

    ReportFixture() throws Exception {
        budgets = BudgetFileParser.parse("performance-budgets.yml", new StringReader(BUDGETS));
        current = new RunResults("target/budget/results.json", List.of(
                avgt(FAST, Map.of("size", EVIL_PARAM), new double[] {100, 102, 98, 101}, new double[] {99, 103, 100, 97}),
                sample(LATENCY, 1.0)), Optional.of(ENV), Optional.empty(), Optional.empty());
        baseline = new RunResults("src/perf/baseline.json", List.of(
                avgt(FAST, Map.of("size", EVIL_PARAM), new double[] {90, 91, 89, 90}, new double[] {90, 92, 88, 90}),
                sample(LATENCY, 0.9)), Optional.of(ENV), Optional.of(NOW.minus(Duration.ofDays(3))), Optional.of("first <baseline>"));
        history = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            history.add(HistoryEntry.of(current, NOW.minus(Duration.ofHours(3 - run)),
                    run == 1 ? Optional.empty() : Optional.of(run + "abcdef0123456789abcdef0123456789abcdef0"), Optional.of(ENV)));
        }
        Evaluation evaluation = new BudgetEvaluator(Statistics.standard(), false)
                .evaluate(budgets, current, Optional.of(baseline), Optional.of(ENV));
        context = new ReportContext("io.x:evil<project>", evaluation, Optional.of(ENV), Optional.of(baseline),
                Duration.ofSeconds(75), List.of());
        data = new ReportData(current, budgets, history, Optional.of(".budget/history.jsonl"), 20, List.of(), NOW);
    }

    static final String BASELINE_CODE = "git:HEAD~1 (commit 1a2b3c4d) <i>evil</i>";

    /**
     * The paired run behind this report's baseline: two rounds, each one pair of both benchmarks, the
     * baseline first in round 1. Fork i of the baseline side ran in round i + 1.
     */
    PairedRun paired() {
        return new PairedRun(BASELINE_CODE, baseline, 42L, List.of(
                new PairedRun.Pair(1, List.of(FAST, LATENCY), true),
                new PairedRun.Pair(2, List.of(FAST, LATENCY), false)));
    }

    /** The report's data in paired mode. */
    ReportData pairedData() {
        return data.withPaired(paired());
    }

    static BenchmarkResult avgt(String name, Map<String, String> params, double[]... forks) {
        double sum = 0;
        int n = 0;
        for (double[] fork : forks) {
            for (double v : fork) {
                sum += v;
                n++;
            }
        }
        Metric primary = new Metric("primary", sum / n, Double.NaN, Double.NaN, Double.NaN, MetricUnit.parse("ns/op"),
                Mode.AVERAGE_TIME.primaryDirection(), Map.of(0.0, 97.0, 50.0, 100.0, 100.0, 103.0), List.of(forks), List.of());
        return result(new BenchmarkKey(name, Mode.AVERAGE_TIME, params), primary);
    }

    /** A SampleTime result in ms/op whose percentiles and histogram are {@code scale} times a fixed shape. */
    static BenchmarkResult sample(String name, double scale) {
        Map<Double, Double> percentiles = new HashMap<>();
        double[] grid = {0, 50, 90, 95, 99, 99.9, 99.99, 99.999, 99.9999, 100};
        double[] values = {0.5, 1, 2, 3, 5, 8, 9, 9.5, 9.6, 9.7};
        for (int i = 0; i < grid.length; i++) {
            percentiles.put(grid[i], values[i] * scale);
        }
        List<List<double[][]>> histograms = new ArrayList<>();
        List<double[]> raw = new ArrayList<>();
        for (int fork = 0; fork < 2; fork++) {
            List<double[][]> iterations = new ArrayList<>();
            double[] means = new double[3];
            for (int it = 0; it < 3; it++) {
                iterations.add(new double[][] {{0.5 * scale, 10}, {1 * scale, 500}, {2 * scale, 400}, {5 * scale, 89}, {9.7 * scale, 1}});
                means[it] = 1.5 * scale + fork * 0.01 + it * 0.001;
            }
            histograms.add(iterations);
            raw.add(means);
        }
        Metric primary = new Metric("primary", 1.5 * scale, Double.NaN, Double.NaN, Double.NaN, MetricUnit.parse("ms/op"),
                Mode.SAMPLE_TIME.primaryDirection(), percentiles, raw, histograms);
        return result(new BenchmarkKey(name, Mode.SAMPLE_TIME, Map.of()), primary);
    }

    private static BenchmarkResult result(BenchmarkKey key, Metric primary) {
        return new BenchmarkResult(key, 1, primary.rawData().size(), "17.0.9", "OpenJDK 64-Bit Server VM", "17.0.9", "1.37",
                List.of(), primary, Map.of());
    }
}
