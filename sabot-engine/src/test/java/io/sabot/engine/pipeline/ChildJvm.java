package io.sabot.engine.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A main class of the test classpath running in its own small JVM, its output going to a log file. */
final class ChildJvm {

    private final Process process;
    private final Path log;
    private final List<String> command;

    private ChildJvm(Process process, Path log, List<String> command) {
        this.process = process;
        this.log = log;
        this.command = command;
    }

    static ChildJvm start(Path log, List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath());
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        return new ChildJvm(process, log, command);
    }

    /** Surefire runs tests from a manifest-only jar; its property has the real classpath. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /**
     * Waits until the output has a line starting with {@code marker} (true) or the process ends
     * (false). Fails after {@code timeoutSeconds}, killing the process.
     */
    boolean awaitLine(String marker, long timeoutSeconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            boolean exited = !process.isAlive();
            if (output().lines().anyMatch(l -> l.startsWith(marker))) {
                return true;
            }
            if (exited) {
                return false;
            }
            Thread.sleep(5);
        }
        kill();
        throw new AssertionError("no '" + marker + "' from the child within " + timeoutSeconds + " s\n" + describe());
    }

    /** SIGKILL: the process gets no chance to run shutdown hooks, flush or close anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int awaitExit(long timeoutSeconds) throws InterruptedException, IOException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            kill();
            throw new AssertionError("the child did not end within " + timeoutSeconds + " s\n" + describe());
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** The command and the last 40 lines of output, for failure messages. */
    String describe() throws IOException {
        List<String> lines = output().lines().toList();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        List<String> shown = new ArrayList<>(command);
        shown.set(shown.indexOf("-cp") + 1, "<test classpath>");
        return "command: " + String.join(" ", shown) + "\nexit: " + (process.isAlive() ? "running" : process.exitValue())
                + "\nlog " + log + ":\n" + tail;
    }
}
