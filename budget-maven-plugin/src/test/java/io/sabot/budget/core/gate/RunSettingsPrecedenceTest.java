package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.fork.JmhCommandLine;
import io.sabot.budget.core.io.BudgetFileParser;
import io.sabot.budget.core.model.JmhOptions;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Run settings, first match wins: POM/command-line parameters, quick mode, the budget file's
 * {@code jmh:} section; then the benchmarks' annotations and JMH's defaults (nothing on the command
 * line). JVM arguments add up, the file's first; the profilers default to gc.
 */
class RunSettingsPrecedenceTest {

    static final String FILE = """
            version: 1
            jmh:
              forks: 2
              warmup: 3 x 1s
              measurement: 5 x 500ms
              profilers: [stack]
              jvm-args: [-Xmx1g]
            budgets: []
            """;

    static final String EMPTY_FILE = "version: 1\nbudgets: []\n";

    /** The JMH options of the fork command, between the main class and the fixed -foe/-rf options. */
    private static List<String> options(String budgetFile, RunOverrides overrides) throws Exception {
        GateSettings settings = new GateSettings(Path.of("budgets.yml"), true, Path.of("baseline.json"), Path.of("out"),
                true, false, false, Optional.empty(), Optional.empty(), "it:precedence", Optional.empty(), 20);
        ForkSettings fork = BudgetGate.forkSettings(settings, overrides,
                BudgetFileParser.parse("budgets.yml", new StringReader(budgetFile)).jmh());
        List<String> command = JmhCommandLine.build(fork);
        return command.subList(command.indexOf("org.openjdk.jmh.Main") + 1, command.indexOf("-foe"));
    }

    private static RunOverrides pom(Optional<Integer> forks, Optional<Duration> measurementTime,
                                    Optional<List<String>> profilers, List<String> jvmArgs, boolean quick) {
        return new RunOverrides(Path.of("java"), List.of(), Path.of("."), List.of(), List.of(), new JmhOptions(forks,
                Optional.empty(), Optional.empty(), Optional.empty(), measurementTime, profilers, jvmArgs), List.of(),
                Duration.ofMinutes(1), quick, 0);
    }

    private static RunOverrides nothing(boolean quick) {
        return pom(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), quick);
    }

    @Test
    void withNothingSetJmhDecidesAndTheGcProfilerRuns() throws Exception {
        assertThat(options(EMPTY_FILE, nothing(false))).containsExactly("-prof", "gc");
    }

    @Test
    void theBudgetFileSetsWhatNothingAboveItSets() throws Exception {
        assertThat(options(FILE, nothing(false))).containsExactly("-f", "2", "-wi", "3", "-w", "1s", "-i", "5", "-r", "500ms",
                "-prof", "stack", "-jvmArgsPrepend", "-Xmx1g");
    }

    @Test
    void quickModeWinsOverTheFileButLeavesProfilersAndJvmArgsToIt() throws Exception {
        assertThat(options(FILE, nothing(true))).containsExactly("-f", "1", "-wi", "2", "-w", "200ms", "-i", "3", "-r", "200ms",
                "-prof", "stack", "-jvmArgsPrepend", "-Xmx1g");
        assertThat(options(EMPTY_FILE, nothing(true))).containsExactly("-f", "1", "-wi", "2", "-w", "200ms", "-i", "3",
                "-r", "200ms", "-prof", "gc");
    }

    @Test
    void pomParametersWinOverQuickModeAndTheFileAndJvmArgsAddUp() throws Exception {
        assertThat(options(FILE, pom(Optional.of(4), Optional.of(Duration.ofSeconds(2)), Optional.of(List.of("gc", "perfnorm")),
                List.of("-Xss1m"), true)))
                .containsExactly("-f", "4", "-wi", "2", "-w", "200ms", "-i", "3", "-r", "2s", "-prof", "gc", "-prof", "perfnorm",
                        "-jvmArgsPrepend", "-Xmx1g -Xss1m");
        assertThat(options(FILE, pom(Optional.of(3), Optional.empty(), Optional.empty(), List.of(), false)))
                .containsExactly("-f", "3", "-wi", "3", "-w", "1s", "-i", "5", "-r", "500ms", "-prof", "stack",
                        "-jvmArgsPrepend", "-Xmx1g");
    }
}
