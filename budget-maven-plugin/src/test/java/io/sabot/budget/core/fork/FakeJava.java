package io.sabot.budget.core.fork;

import io.sabot.budget.core.model.JmhOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * A shell script standing in for the java launcher, so fork faults (garbage output, missing or
 * truncated results, crashes, hangs) can be produced exactly and quickly. The plugin calls it as
 * {@code java @argfile org.openjdk.jmh.Main ... -rff RESULTS}; the script sees {@code $RFF}.
 */
public final class FakeJava {

    private FakeJava() {
    }

    public static boolean posixShellAvailable() {
        return Files.isExecutable(Path.of("/bin/sh"));
    }

    /** Writes the script into {@code directory} and returns its path. */
    public static Path script(Path directory, String body) throws IOException {
        Path script = directory.resolve("fake-java.sh");
        String text = "#!/bin/sh\n"
                + "RFF=''; prev=''\n"
                + "for a in \"$@\"; do if [ \"$prev\" = '-rff' ]; then RFF=\"$a\"; fi; prev=\"$a\"; done\n"
                + body + "\n";
        Files.writeString(script, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    public static ForkSettings settings(Path java, Path directory, Duration timeout) {
        return new ForkSettings(java, List.of(), directory, directory.resolve("budget"), List.of("it.Some"), List.of(),
                JmhOptions.NONE.withForks(1), List.of(), timeout);
    }

    /** Waits a little for a killed process to disappear (SIGKILL is delivered, not awaited); true when it did. */
    public static boolean awaitGone(long pid) throws InterruptedException {
        for (int i = 0; i < 100 && isRunning(pid); i++) {
            Thread.sleep(50);
        }
        return !isRunning(pid);
    }

    /** True while the process exists and is not a zombie (an orphan that nobody reaped yet is dead). */
    public static boolean isRunning(long pid) {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            try {
                String text = Files.readString(stat);
                // "pid (comm) S ...": the state follows the last ')'.
                char state = text.substring(text.lastIndexOf(')') + 2).charAt(0);
                return state != 'Z' && state != 'X';
            } catch (IOException e) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
