package io.sabot.budget.core.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a fork can go wrong ends in a named ForkException carrying the command, the exit code
 * and the log tail. The "java" here is a shell script, so each fault is exact and takes milliseconds.
 */
class ForkRunnerFaultsTest {

    private static final Duration GENEROUS = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @BeforeEach
    void needsShell() {
        assumeThat(FakeJava.posixShellAvailable()).as("these tests need /bin/sh").isTrue();
    }

    private ForkException fail(String body) throws Exception {
        ForkSettings settings = FakeJava.settings(FakeJava.script(dir, body), dir, GENEROUS);
        try {
            new ForkRunner().run(settings, ForkListener.NONE);
        } catch (ForkException e) {
            return e;
        }
        throw new AssertionError("the fork was expected to fail");
    }

    @Test
    void garbageOnStdoutAndExitZeroWithoutResultsIsNamedWithCommandExitCodeAndTail() throws Exception {
        ForkException e = fail("""
                echo '# Run progress: 50.00% complete, ETA 00:00:01'
                echo 'No matching benchmarks. Miss-spelled regexp?'
                printf 'binary \\001\\033[31m\\377\\376 junk\\n'
                echo 'Result "it.Fake.work":'
                echo '  12.3 +- 0.1 us/op'
                printf 'no newline at the end'
                exit 0
                """);
        assertThat(e.getMessage()).startsWith("The JMH fork exited normally but wrote no results to "
                + dir.resolve("budget/results.json"));
        assertThat(e.exitCode()).isZero();
        assertThat(e.command()).contains("fake-java.sh", "org.openjdk.jmh.Main", "-rff");
        assertThat(e.getMessage()).contains("Command: ", "Exit code: 0", "Last 6 lines of " + dir.resolve("budget/fork.log"));
        assertThat(e.logTail()).contains("No matching benchmarks. Miss-spelled regexp?", "no newline at the end");
        // The words a benchmark printed are not mistaken for JMH refusing the includes.
        assertThat(e.getMessage()).doesNotContain("found no benchmark matching");
    }

    @Test
    void garbageOnStdoutDoesNotSpoilAGoodRun() throws Exception {
        Path java = FakeJava.script(dir, """
                echo 'No matching benchmarks. Miss-spelled regexp?'
                echo '# Run progress: 200.00% complete, ETA never'
                echo '# Benchmark: '
                printf '\\377\\376\\000\\n'
                echo '[ {"benchmark": "it.Fake.work"} ]' > "$RFF"
                exit 0
                """);
        ForkRun run = new ForkRunner().run(FakeJava.settings(java, dir, GENEROUS), ForkListener.NONE);
        assertThat(run.exitCode()).isZero();
        assertThat(run.resultsFile()).hasContent("[ {\"benchmark\": \"it.Fake.work\"} ]");
        assertThat(run.logTail()).hasSize(4);
    }

    @Test
    void resultsRemovedBeforeExitAreReportedMissing() throws Exception {
        ForkException e = fail("""
                echo '[]' > "$RFF"
                echo 'the benchmark cleaned up more than it should'
                rm -f "$RFF"
                """);
        assertThat(e.getMessage()).contains("exited normally but wrote no results", "Exit code: 0",
                "the benchmark cleaned up more than it should");
    }

    @Test
    void emptyResultsFileIsReportedMissing() throws Exception {
        ForkException e = fail(": > \"$RFF\"");
        assertThat(e.getMessage()).contains("exited normally but wrote no results");
        assertThat(e.getMessage()).contains("The fork wrote nothing (" + dir.resolve("budget/fork.log") + ")");
    }

    @Test
    void truncatedResultsComeBackForTheCallerToJudgeWithEverythingToNameTheFailure() throws Exception {
        Path java = FakeJava.script(dir, """
                echo 'JMH says it is done'
                printf '[ {"benchmark": "it.Fake.work", "primaryMetric": {"score": 1' > "$RFF"
                """);
        ForkRun run = new ForkRunner().run(FakeJava.settings(java, dir, GENEROUS), ForkListener.NONE);
        ForkException e = run.failure("results are unusable");
        assertThat(e.getMessage()).startsWith("results are unusable")
                .contains("Command: " + run.command(), "Exit code: 0", "  | JMH says it is done");
    }

    @Test
    void outOfMemoryIsNamedWithTheHeapSetting() throws Exception {
        ForkException e = fail("""
                echo '# Benchmark: it.Hog.keep'
                echo '<failure>'
                echo 'java.lang.OutOfMemoryError: Java heap space'
                echo '	at it.Hog.keep(Hog.java:12)'
                for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32; do
                  echo "filler line $i"
                done
                exit 1
                """);
        assertThat(e.exitCode()).isEqualTo(1);
        // The OutOfMemoryError line has scrolled out of the 30-line tail; the cause is still named.
        assertThat(e.logTail()).noneMatch(l -> l.contains("OutOfMemoryError"));
        assertThat(e.getMessage()).startsWith("The JMH fork failed with exit code 1: the benchmark JVM ran out of memory"
                + " (java.lang.OutOfMemoryError)").contains("-Dbudget.jvmArgs=-Xmx2g");
    }

    @Test
    void aForkKilledBySignalSaysSo() throws Exception {
        ForkException e = fail("""
                echo 'about to be killed'
                kill -9 $$
                """);
        assertThat(e.exitCode()).isEqualTo(137);
        assertThat(e.getMessage()).startsWith("The JMH fork failed with exit code 137: the JVM was killed by signal 9 (SIGKILL")
                .contains("Exit code: 137", "about to be killed");
    }

    @Test
    void jmhRefusingTheIncludesIsNamed() throws Exception {
        ForkException e = fail("""
                echo 'No matching benchmarks. Miss-spelled regexp?'
                echo 'Use EXTRA verbose mode to debug the pattern matching.'
                exit 1
                """);
        assertThat(e.getMessage()).startsWith("JMH found no benchmark matching the includes/excludes [it.Some] / []")
                .contains("-Dbudget.includes", "Exit code: 1");
    }

    private static final String JMH_LOCKED = "echo 'ERROR: org.openjdk.jmh.runner.RunnerException: ERROR: Another JMH instance"
            + " might be running. Unable to acquire the JMH lock (/tmp/jmh.lock), exiting.'; exit 1";

    @Test
    void anotherJmhRunOnTheMachineIsWaitedFor() throws Exception {
        Path attempts = dir.resolve("attempts");
        Path java = FakeJava.script(dir, """
                echo x >> "%s"
                if [ "$(wc -l < "%s")" -lt 3 ]; then %s; fi
                echo '[]' > "$RFF"
                """.formatted(attempts, attempts, JMH_LOCKED));
        List<String> notes = new ArrayList<>();
        ForkListener listener = new ForkListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
        ForkRun run = new ForkRunner(Duration.ofMillis(50)).run(FakeJava.settings(java, dir, GENEROUS), listener);
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readAllLines(attempts)).hasSize(3);
        assertThat(notes).singleElement().asString().startsWith("Another JMH run on this machine holds JMH's lock file");
    }

    @Test
    void anotherJmhRunHoldingTheLockForTheWholeTimeoutIsNamed() throws Exception {
        Path java = FakeJava.script(dir, JMH_LOCKED);
        ForkSettings settings = FakeJava.settings(java, dir, Duration.ofSeconds(3));
        assertThatThrownBy(() -> new ForkRunner(Duration.ofMillis(50)).run(settings, ForkListener.NONE))
                .isInstanceOf(ForkException.class)
                // Whether the deadline passes between attempts or during one, the lock is named.
                .hasMessageContaining("JMH's lock file (" + ForkRunner.JMH_LOCK_FILE + ")")
                .hasMessageContaining("timeout of 3 s");
        // (The log tail shows JMH's own refusal only when the deadline falls between attempts: an
        // attempt killed by the deadline may have written nothing yet, so it is not asserted here.)
    }

    @Test
    void lockWordsPrintedByABenchmarkAreNotMistakenForJmhsLock() throws Exception {
        Path attempts = dir.resolve("attempts");
        ForkException e = fail("""
                echo x >> "%s"
                echo '# JMH version: 1.37'
                %s
                """.formatted(attempts, JMH_LOCKED));
        assertThat(e.getMessage()).startsWith("The JMH fork failed with exit code 1 (");
        assertThat(Files.readAllLines(attempts)).hasSize(1);
    }

    @Test
    void aJavaThatCannotStartIsNamed() {
        ForkSettings settings = FakeJava.settings(dir.resolve("no-such-java"), dir, GENEROUS);
        assertThatThrownBy(() -> new ForkRunner().run(settings, ForkListener.NONE))
                .isInstanceOf(ForkException.class)
                .hasMessageStartingWith("Cannot start the JMH fork: ")
                .hasMessageContaining("-Dbudget.jvm")
                .hasMessageContaining("Command: " + dir.resolve("no-such-java"));
    }

    @Test
    void timeoutKillsTheWholeProcessTree() throws Exception {
        // The fork starts a grandchild (as JMH starts benchmark JVMs) that records its own pid, then hangs.
        Path pidFile = dir.resolve("grandchild.pid");
        Path java = FakeJava.script(dir, """
                sh -c 'echo $$ > "%1$s"; exec sleep 300' &
                while [ ! -s "%1$s" ]; do sleep 0.05; done
                echo 'grandchild started'
                exec sleep 300
                """.formatted(pidFile));
        ForkSettings settings = FakeJava.settings(java, dir, Duration.ofSeconds(3));
        assertThatThrownBy(() -> new ForkRunner().run(settings, ForkListener.NONE))
                .isInstanceOf(ForkException.class)
                .hasMessageStartingWith("The JMH fork did not finish within the timeout of 3 s and was killed with all"
                        + " its child processes")
                .hasMessageContaining("Command: ")
                .hasMessageContaining("grandchild started");
        long grandchild = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(FakeJava.awaitGone(grandchild)).as("grandchild %d survived", grandchild).isTrue();
    }
}
