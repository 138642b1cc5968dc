package io.sabot.budget.core.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ChildProcessesTest {

    /** Stands for the build's JVM: starts a long child as the plugin starts JMH, prints its pid, waits. */
    public static final class Build {
        public static void main(String[] args) throws Exception {
            Process child = new ProcessBuilder("sleep", "300").start();
            ChildProcesses.started(child);
            System.out.println(child.pid());
            System.out.flush();
            child.waitFor();
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS) // SIGTERM and sleep(1)
    void aBuildStoppedWithSigtermTakesTheProcessesItStartedWithIt() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process build = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Build.class.getName())
                .redirectErrorStream(true).start();
        long childPid = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(build.getInputStream(), StandardCharsets.UTF_8))) {
            childPid = Long.parseLong(out.readLine().strip());
            Optional<ProcessHandle> child = ProcessHandle.of(childPid);
            assertThat(child).isPresent();
            assertThat(child.get().isAlive()).isTrue();

            build.destroy(); // SIGTERM, as a CI's cancel or kill(1) sends it
            assertThat(build.waitFor(30, TimeUnit.SECONDS)).isTrue();
            child.get().onExit().get(30, TimeUnit.SECONDS);
            assertThat(child.get().isAlive()).isFalse();
        } finally {
            build.destroyForcibly();
            ProcessHandle.of(childPid).ifPresent(ProcessHandle::destroyForcibly); // when the hook failed, no orphan stays
        }
    }

    @Test
    void theHookIsThereOnlyWhileSomethingRuns() throws Exception {
        assertThat(ChildProcesses.hooked()).isFalse();
        Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        Process second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        ChildProcesses.started(first);
        ChildProcesses.started(second);
        assertThat(ChildProcesses.hooked()).isTrue();
        first.waitFor();
        ChildProcesses.finished(first);
        assertThat(ChildProcesses.hooked()).isTrue();
        second.waitFor();
        ChildProcesses.finished(second);
        assertThat(ChildProcesses.hooked()).isFalse();
    }
}
