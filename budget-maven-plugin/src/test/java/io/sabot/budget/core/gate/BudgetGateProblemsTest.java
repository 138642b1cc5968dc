package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.budget.core.check.Statistics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What user input cannot be evaluated stops budget:compare with a message naming the budget, the benchmark and the fix. */
class BudgetGateProblemsTest {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    /** A SampleTime result without rawDataHistogram, as another tool may export JMH's results. */
    static final String SAMPLE_TIME_WITHOUT_HISTOGRAM = """
            [ { "jmhVersion": "1.37", "benchmark": "com.example.PipelineBenchmark.latency", "mode": "sample", "threads": 1,
                "forks": 1, "jvmArgs": [], "jdkVersion": "17.0.15", "vmName": "OpenJDK 64-Bit Server VM",
                "vmVersion": "17.0.15+6",
                "primaryMetric": { "score": 12.0, "scoreError": 1.0, "scoreConfidence": [11.0, 13.0],
                  "scorePercentiles": { "50.0": 10.0, "99.0": 40.0 }, "scoreUnit": "us/op" },
                "secondaryMetrics": {} } ]
            """;

    @TempDir
    Path dir;

    @Test
    void aPercentileTheResultsDoNotHoldNamesTheBudgetTheBenchmarkAndTheFix() throws Exception {
        Path budgets = dir.resolve("performance-budgets.yml");
        Files.writeString(budgets, "version: 1\nbudgets:\n  - id: LAT-97\n    benchmark: \"*.PipelineBenchmark.latency\"\n"
                + "    p97: 1ms\n");
        Path results = dir.resolve("results.json");
        Files.writeString(results, SAMPLE_TIME_WITHOUT_HISTOGRAM);
        GateSettings settings = new GateSettings(budgets, false, results, dir.resolve("out"), true, false, false,
                Optional.empty(), Optional.empty(), "it:problems", Optional.empty(), 20);
        List<String> console = new ArrayList<>();
        BudgetGate gate = new BudgetGate(Statistics.standard(), null, new StandardReporter(settings, console::add, NOW, List.of()),
                java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));

        assertThatThrownBy(() -> gate.compare(settings, results, results)).isInstanceOf(GateException.class)
                .hasMessageContaining("performance-budgets.yml:3:")
                .hasMessageContaining("budget 'LAT-97' limits p97 of PipelineBenchmark.latency (sample), but its results"
                        + " hold no SampleTime histogram (rawDataHistogram) and JMH reported no p97 (only p50, p99)")
                .hasMessageContaining("limit a percentile the results hold, or give results JMH wrote with -rf json");
    }

    /** The three files are read side by side; the error reported is still the first a sequential read meets. */
    @Test
    void compareReportsTheBudgetFileFirstThenTheResultsThenTheBaseline() throws Exception {
        Path budgets = dir.resolve("performance-budgets.yml");
        Path results = dir.resolve("results.json");
        Path baseline = dir.resolve("baseline.json");
        Files.writeString(budgets, "version: 1\nbudgets: [\n");
        Files.writeString(results, "[ {");
        Files.writeString(baseline, "");
        GateSettings settings = new GateSettings(budgets, false, baseline, dir.resolve("out"), true, false, false,
                Optional.empty(), Optional.empty(), "it:order", Optional.empty(), 20);
        BudgetGate gate = new BudgetGate(Statistics.standard(), null, new StandardReporter(settings, line -> { }, NOW, List.of()),
                java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));

        assertThatThrownBy(() -> gate.compare(settings, results, baseline)).isInstanceOf(GateException.class)
                .hasMessageStartingWith("Invalid budget file");
        Files.writeString(budgets, "version: 1\nbudgets: []\n");
        assertThatThrownBy(() -> gate.compare(settings, results, baseline)).isInstanceOf(GateException.class)
                .hasMessageStartingWith("Cannot read the results to compare");
        Files.writeString(results, SAMPLE_TIME_WITHOUT_HISTOGRAM);
        assertThatThrownBy(() -> gate.compare(settings, results, baseline)).isInstanceOf(GateException.class)
                .hasMessageStartingWith("Cannot read the baseline to compare against").hasMessageContaining("file is empty");
    }
}
