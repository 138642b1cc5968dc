package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.check.BudgetEvaluator;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.io.BudgetFileParser;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.MetricUnit;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StarterBudgetsTest {

    @TempDir
    Path dir;

    private static BenchmarkResult result(String name, Mode mode, String unit, Map<String, String> params, double... forks) {
        List<double[]> raw = java.util.Arrays.stream(forks).mapToObj(v -> new double[] {v * 0.99, v, v * 1.01}).toList();
        Metric m = new Metric("primary", java.util.Arrays.stream(forks).average().orElseThrow(), Double.NaN, Double.NaN,
                Double.NaN, MetricUnit.parse(unit), mode.primaryDirection(), Map.of(), raw, List.of());
        return new BenchmarkResult(new BenchmarkKey(name, mode, params), 1, forks.length, "17", "OpenJDK", "17", "1.37",
                List.of(), m, Map.of());
    }

    @Test
    void theStarterFileParsesAndEveryBenchmarkPassesItsOwnStarterLimit() throws Exception {
        RunResults run = new RunResults("results.json", List.of(
                result("io.x.StateBenchmark.get", Mode.THROUGHPUT, "ops/s", Map.of(), 1.234e7, 1.25e7, 1.21e7),
                result("io.x.StateBenchmark.put", Mode.AVERAGE_TIME, "us/op", Map.of("size", "10"), 3.1, 3.0, 3.2),
                result("io.x.StateBenchmark.put", Mode.AVERAGE_TIME, "us/op", Map.of("size", "1\"0 0"), 31, 30, 32)),
                Optional.empty(), Optional.empty(), Optional.empty());
        Path file = dir.resolve("performance-budgets.yml");
        String yaml = StarterBudgets.render(run, file, Instant.parse("2026-12-02T12:00:00Z"));
        Files.writeString(file, yaml);

        BudgetFile budgets = BudgetFileParser.parse(file);
        assertThat(budgets.budgets()).extracting(b -> b.id())
                .containsExactly("StateBenchmark.get", "StateBenchmark.put-size=10", "StateBenchmark.put-size=1\"0 0");
        // run settings of a few seconds a benchmark, not JMH's defaults of minutes
        assertThat(budgets.jmh().forks()).contains(2);
        assertThat(budgets.jmh().warmupIterations()).contains(3);
        assertThat(budgets.jmh().measurementTime()).contains(java.time.Duration.ofSeconds(1));
        assertThat(yaml).contains("about 20 s a benchmark, about 60 s for these 3");
        assertThat(yaml).contains("min: 8200000 ops/s   # measured 12300000 ops/s (thrpt)")
                .contains("max: 4.65 us/op   # measured 3.1 us/op (avgt)")
                .contains("copy\n# this file to " + file);
        Evaluation e = new BudgetEvaluator(Statistics.standard(), false).evaluate(budgets, run, Optional.empty(), Optional.empty());
        assertThat(e.problems()).isEmpty();
        assertThat(e.results()).hasSize(3).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.PASS));
    }

    @Test
    void aLimitIsNeverTighterThanWhatWasMeasured() {
        RunResults run = new RunResults("results.json", List.of(
                result("io.x.B.slow", Mode.AVERAGE_TIME, "ns/op", Map.of(), 999.9, 999.9, 999.9)),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(StarterBudgets.render(run, dir.resolve("p.yml"), Instant.EPOCH)).contains("max: 1500 ns/op");
        assertThat(Direction.LOWER_IS_BETTER).isEqualTo(Mode.AVERAGE_TIME.primaryDirection());
    }
}
