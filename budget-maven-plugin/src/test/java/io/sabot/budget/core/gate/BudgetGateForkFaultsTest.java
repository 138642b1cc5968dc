package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.fork.FakeJava;
import io.sabot.budget.core.fork.ForkException;
import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkRunner;
import io.sabot.budget.core.model.JmhOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fork that exits 0 but leaves results the gate cannot use is still a fork failure: the message
 * names the file and what is wrong with it, and carries the command, exit code and log tail.
 */
class BudgetGateForkFaultsTest {

    @TempDir
    Path dir;

    private GateSettings settings;

    @BeforeEach
    void project() throws Exception {
        assumeThat(FakeJava.posixShellAvailable()).as("these tests need /bin/sh").isTrue();
        Path budgets = dir.resolve("performance-budgets.yml");
        Files.writeString(budgets, """
                version: 1
                budgets:
                  - id: SANE
                    benchmark: "*.Fake.work"
                    max: 1s
                """);
        settings = new GateSettings(budgets, true, dir.resolve("src/perf/baseline.json"), dir.resolve("target/budget"),
                true, false, false, Optional.empty(), Optional.empty(), "it:fake", Optional.empty(), 20);
    }

    private GateException check(String forkBody) throws Exception {
        Path classes = dir.resolve("classes/META-INF");
        Files.createDirectories(classes);
        Files.writeString(classes.resolve("BenchmarkList"), "it.Fake.work\n");
        RunOverrides overrides = new RunOverrides(FakeJava.script(dir, forkBody), List.of(dir.resolve("classes")), dir,
                List.of(), List.of(), JmhOptions.NONE, List.of(), Duration.ofMinutes(2), false, 0);
        BudgetGate gate = new BudgetGate(Statistics.standard(), new ForkRunner(), (outcome, current, baseline, env) -> {
        });
        try {
            gate.check(settings, overrides, ForkListener.NONE);
        } catch (GateException e) {
            return e;
        }
        throw new AssertionError("the check was expected to fail");
    }

    @Test
    void truncatedJsonIsAForkFailureWithCommandExitCodeAndTail() throws Exception {
        GateException e = check("""
                echo '# Run complete. Total time: 00:00:01'
                printf '[ {"benchmark": "it.Fake.work", "mode": "avgt", "primaryMetric": {"score": 1.5, "scoreUn' > "$RFF"
                """);
        Path results = dir.resolve("target/budget/results.json");
        assertThat(e.getMessage())
                .startsWith("The JMH fork exited with code 0 but its results are unusable: " + results + ":1:")
                .contains("not valid JSON", "Command: ", "fake-java.sh", "Exit code: 0", "  | # Run complete.");
        assertThat(e.getCause()).isInstanceOf(ForkException.class);
    }

    @Test
    void jsonOfTheWrongShapeIsAForkFailure() throws Exception {
        GateException e = check("""
                echo 'done'
                echo '{"not": "jmh"}' > "$RFF"
                """);
        assertThat(e.getMessage()).startsWith("The JMH fork exited with code 0 but its results are unusable: ")
                .contains("neither JMH JSON results", "Exit code: 0", "  | done");
    }

    @Test
    void anEmptyResultArrayIsAForkFailure() throws Exception {
        GateException e = check("""
                echo 'ran nothing'
                echo '[]' > "$RFF"
                """);
        assertThat(e.getMessage()).startsWith("The JMH fork ran but reported no benchmark results")
                .contains("-Dbudget.includes", "Exit code: 0", "  | ran nothing");
    }

    @Test
    void aMissingResultsFileIsAForkFailure() {
        assertThatThrownBy(() -> {
            throw check("echo 'exited early'");
        }).hasMessageStartingWith("The JMH fork exited normally but wrote no results to ")
                .hasMessageContaining("Exit code: 0")
                .hasMessageContaining("  | exited early");
    }
}
