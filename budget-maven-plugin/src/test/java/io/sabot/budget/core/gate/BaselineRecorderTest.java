package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.budget.core.check.Statistics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineRecorderTest {

    @TempDir
    Path dir;
    private Path results;
    private Path report;
    private GateSettings settings;

    @BeforeEach
    void aPairedRunWhoseCheckFailedARegression() throws Exception {
        Path budget = dir.resolve("budget");
        Files.createDirectories(budget);
        results = budget.resolve("results.json");
        Files.writeString(results, """
                [{"jmhVersion": "1.37", "benchmark": "it.WorkBenchmark.work", "mode": "avgt", "threads": 1, "forks": 2,
                  "jdkVersion": "17", "vmName": "VM", "params": {},
                  "primaryMetric": {"score": 2.5, "scoreError": 0.1, "scoreConfidence": [2.4, 2.6], "scoreUnit": "us/op",
                                    "rawData": [[2.5, 2.5], [2.5, 2.5]]},
                  "secondaryMetrics": {}}]
                """);
        report = budget.resolve("report.json");
        Files.writeString(report, """
                {"schemaVersion": 1, "checks": [
                  {"id": "regression", "kind": "REGRESSION", "benchmark": "it.WorkBenchmark.work", "level": "ERROR",
                   "verdict": "FAIL", "message": "WorkBenchmark.work (avgt) is 30% slower than the baseline code"},
                  {"id": "regression", "kind": "REGRESSION", "benchmark": "it.WorkBenchmark.steady", "level": "ERROR",
                   "verdict": "PASS", "message": "WorkBenchmark.steady (avgt) is 1% faster than the baseline code"}]}
                """);
        Files.writeString(dir.resolve("performance-budgets.yml"), "version: 1\nbudgets:\n  - {id: W, benchmark: '*', max: 1s}\n");
        settings = new GateSettings(dir.resolve("performance-budgets.yml"), true, dir.resolve("baseline.json"), budget,
                true, false, false, Optional.empty(), Optional.empty(), "test", Optional.empty(), 20);
    }

    private BaselineRecorder.Recorded record(Optional<String> reason) throws Exception {
        return new BaselineRecorder(Statistics.standard()).record(settings, results, reason, Instant.now(),
                Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    @Test
    void aRunWhoseOwnCheckFailedARegressionNeedsAReason() throws Exception {
        assertThatThrownBy(() -> record(Optional.empty()))
                .isInstanceOf(BaselineRefusedException.class)
                .hasMessageContaining("with a run whose own check failed its regression checks (" + report + ")")
                .hasMessageContaining("WorkBenchmark.work (avgt) is 30% slower than the baseline code")
                .hasMessageNotContaining("steady")
                .hasMessageContaining("-Dbudget.reason=");
        assertThat(dir.resolve("baseline.json")).doesNotExist();

        record(Optional.of("the new tokenizer is worth it"));
        assertThat(dir.resolve("baseline.json")).exists();
    }

    @Test
    void aReportOlderThanTheResultsBelongsToAnotherRunAndIsNotRead() throws Exception {
        Files.setLastModifiedTime(report, FileTime.from(Instant.now().minusSeconds(3600)));
        Files.setLastModifiedTime(results, FileTime.from(Instant.now()));

        record(Optional.empty());
        assertThat(dir.resolve("baseline.json")).exists();
    }
}
