package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.history.HistoryEntry;
import io.sabot.budget.core.history.HistoryFile;
import io.sabot.budget.core.io.ResultFiles;
import io.sabot.budget.core.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** budget:compare against the history, end to end through the gate and the standard reporter. */
class BudgetGateHistoryTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path dir;

    /** Plain JMH JSON of one avgt benchmark, two forks around {@code mean} us/op. */
    static String jmhJson(double mean) {
        return String.format(Locale.ROOT, """
                [ { "jmhVersion": "1.37", "benchmark": "com.example.ParserBenchmark.parse", "mode": "avgt", "threads": 1,
                    "forks": 2, "jvmArgs": [], "jdkVersion": "17.0.15", "vmName": "OpenJDK 64-Bit Server VM",
                    "vmVersion": "17.0.15+6",
                    "primaryMetric": { "score": %1$s, "scoreError": 1.0, "scoreConfidence": [%2$s, %3$s],
                      "scorePercentiles": {}, "scoreUnit": "us/op",
                      "rawData": [[%4$s, %1$s, %5$s], [%5$s, %1$s, %4$s]] },
                    "secondaryMetrics": {} } ]
                """, mean, mean - 1, mean + 1, mean * 0.99, mean * 1.01);
    }

    private GateSettings settings(Optional<Path> history) {
        return new GateSettings(dir.resolve("none.yml"), false, dir.resolve("baseline.json"), dir.resolve("out"),
                true, false, false, Optional.empty(), Optional.empty(), "it:history", history, 20);
    }

    private Path history(double... scores) throws Exception {
        Path file = dir.resolve(".budget/history.jsonl");
        for (int i = 0; i < scores.length; i++) {
            Path json = dir.resolve("run" + i + ".json");
            Files.writeString(json, jmhJson(scores[i]));
            HistoryFile.append(file, HistoryEntry.of(ResultFiles.read(json), NOW.minusSeconds(3600L * (scores.length - i)),
                    Optional.of(String.format("%040x", i + 1)), Optional.empty()));
        }
        return file;
    }

    private Path current(double mean) throws Exception {
        Path file = dir.resolve("current.json");
        Files.writeString(file, jmhJson(mean));
        return file;
    }

    private final List<String> console = new ArrayList<>();

    private BudgetGate gate(GateSettings settings) {
        return new BudgetGate(Statistics.standard(), null, new StandardReporter(settings, console::add, NOW, List.of()),
                java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    }

    @Test
    void aSlowdownAgainstTheHistoryMedianFailsAndTheReportDrawsTheTrend() throws Exception {
        Path history = history(100, 101, 99, 100, 250, 100.5);
        GateSettings settings = settings(Optional.of(history));

        GateOutcome outcome = gate(settings).compareWithHistory(settings, current(140));

        CheckResult regression = outcome.evaluation().results().get(0);
        assertThat(regression.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(regression.baseline()).hasValue(100.25);
        assertThat(outcome.fails()).isTrue();
        assertThat(outcome.evaluation().notes()).first().asString().startsWith("Baseline: median of up to 20 earlier runs")
                .contains("6 used");
        String html = Files.readString(dir.resolve("out/report.html"));
        assertThat(html).contains("id=\"chart-0-trend\"").contains("\"xLabels\":[\"0000000000\"")
                .contains(history + " (median of the last 20 runs)");
    }

    @Test
    void theSameSpeedAsTheHistoryPasses() throws Exception {
        GateSettings settings = settings(Optional.of(history(100, 101, 99, 100.5)));
        GateOutcome outcome = gate(settings).compareWithHistory(settings, current(100.2));
        assertThat(outcome.evaluation().results()).singleElement().extracting(CheckResult::verdict).isEqualTo(Verdict.PASS);
        assertThat(outcome.fails()).isFalse();
    }

    @Test
    void theRunBeingJudgedIsNotItsOwnBaseline() throws Exception {
        Path history = history(100, 101, 99);
        Path judged = current(140);
        HistoryFile.append(history, HistoryEntry.of(ResultFiles.read(judged), NOW, Optional.empty(), Optional.empty()));
        GateSettings settings = settings(Optional.of(history));

        GateOutcome outcome = gate(settings).compareWithHistory(settings, judged);

        assertThat(outcome.evaluation().results().get(0).baseline()).hasValue(100);
        assertThat(outcome.evaluation().notes()).contains("The history's record of these very results was left out of the baseline");

        Path alone = dir.resolve("alone.jsonl");
        HistoryFile.append(alone, HistoryEntry.of(ResultFiles.read(judged), NOW, Optional.empty(), Optional.empty()));
        GateSettings onlyItself = settings(Optional.of(alone));
        assertThatThrownBy(() -> gate(onlyItself).compareWithHistory(onlyItself, judged))
                .isInstanceOf(GateException.class).hasMessageContaining("holds only the run being compared");
    }

    @Test
    void withoutAHistoryFileTheErrorSaysWhichParameterToSet() throws Exception {
        GateSettings settings = settings(Optional.empty());
        assertThatThrownBy(() -> gate(settings).compareWithHistory(settings, current(100)))
                .isInstanceOf(GateException.class).hasMessageContaining("set <history> (-Dbudget.history=...)");
        GateSettings missing = settings(Optional.of(dir.resolve("nothing.jsonl")));
        assertThatThrownBy(() -> gate(missing).compareWithHistory(missing, current(100)))
                .isInstanceOf(GateException.class)
                .hasMessageContaining("nothing.jsonl does not exist; run budget:check with -Dbudget.history=");
    }

    @Test
    void aHistoryOfOnlyTornLinesSaysSo() throws Exception {
        Path file = dir.resolve("torn.jsonl");
        Files.writeString(file, "{\"v\":1,\"time\":\"2026-");
        GateSettings settings = settings(Optional.of(file));
        assertThatThrownBy(() -> gate(settings).compareWithHistory(settings, current(100)))
                .isInstanceOf(GateException.class)
                .hasMessageContaining("torn.jsonl holds no complete run")
                .hasMessageContaining("torn.jsonl:1: skipped an incomplete last line");
    }

    @Test
    void anOrdinaryCompareAlsoWritesTheHtmlWithTheHistoryTrend() throws Exception {
        Path history = history(100, 101);
        Files.writeString(dir.resolve("baseline.json"), jmhJson(100));
        GateSettings settings = settings(Optional.of(history));
        GateOutcome outcome = gate(settings).compare(settings, current(100.5), dir.resolve("baseline.json"));
        assertThat(outcome.fails()).isFalse();
        String html = Files.readString(dir.resolve("out/report.html"));
        assertThat(html).contains("data-charts=\"2\"").contains("2 runs; trends show the last 20");
    }
}
