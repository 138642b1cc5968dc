package io.sabot.budget.core.paired;

import io.sabot.budget.core.fork.ChildProcesses;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs git and Maven without a shell (every argument is one argv entry, so nothing in a ref or a
 * path is ever interpreted), with a timeout that kills the process tree, and keeps the output in a
 * log file whose tail goes into error messages.
 */
final class Commands {

    static final int TAIL_LINES = 30;

    /** Exit code, and the output (stdout and stderr together). */
    record Result(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }

        String tail() {
            Deque<String> lines = new ArrayDeque<>();
            for (String line : output.split("\n")) {
                lines.addLast(line);
                if (lines.size() > TAIL_LINES) {
                    lines.removeFirst();
                }
            }
            return String.join("\n", lines);
        }
    }

    private Commands() {
    }

    /**
     * @param log where the output goes as well (appended), or null to keep it only in memory
     * @throws IOException when the program cannot be started (not installed)
     */
    static Result run(List<String> command, Path directory, Duration timeout, Path log) throws IOException {
        Path output = Files.createTempFile("budget-command", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")));
            // git must never ask for credentials or open an editor inside a build.
            builder.environment().put("GIT_TERMINAL_PROMPT", "0");
            builder.environment().put("GIT_EDITOR", "true");
            Process process = builder.start();
            boolean finished;
            ChildProcesses.started(process);
            try {
                try {
                    finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    finished = false;
                }
                if (!finished) {
                    ChildProcesses.killTree(process);
                }
            } finally {
                ChildProcesses.finished(process);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (log != null) {
                Files.createDirectories(log.getParent());
                Files.writeString(log, "$ " + String.join(" ", command) + "\n" + text, StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
            return new Result(finished ? process.exitValue() : -1, finished ? text : text + "\n(killed after "
                    + timeout.toSeconds() + " s)");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
