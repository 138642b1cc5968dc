package io.sabot.budget.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CPU-bound process beside the benchmarks: a shell busy loop ({@code while :; do :; done}), pinned
 * to one core with {@code taskset} where it exists, so the other core is what JMH's forks are left
 * with (and a fork that lands on the busy core shares it). Started by the harness and always stopped
 * by it: {@link #close} at the end of the phase, a shutdown hook should the harness exit early.
 */
final class CpuLoad implements AutoCloseable {

    static final String LOOP = "while :; do :; done";

    private final Process process;
    private final Thread hook;
    private final String description;

    private CpuLoad(Process process, String description) {
        this.process = process;
        this.description = description;
        this.hook = new Thread(this::kill, "verdict-quality cpu load stopper");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The command: pinned to {@code core} when {@code taskset} is at hand, else anywhere. */
    static List<String> command(boolean taskset, int core) {
        List<String> command = new ArrayList<>();
        if (taskset) {
            command.addAll(List.of("taskset", "-c", String.valueOf(core)));
        }
        command.addAll(List.of("sh", "-c", LOOP));
        return command;
    }

    static CpuLoad start(int core) throws IOException {
        boolean taskset = Files.isExecutable(Path.of("/usr/bin/taskset")) || Files.isExecutable(Path.of("/bin/taskset"));
        List<String> command = command(taskset, core);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new CpuLoad(process, "busy loop `" + String.join(" ", command) + "` (pid " + process.pid() + ", "
                + (taskset ? "pinned to core " + core : "not pinned: no taskset") + ")");
    }

    String description() {
        return description;
    }

    boolean alive() {
        return process.isAlive();
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs (or ran) kill() itself
        }
    }
}
