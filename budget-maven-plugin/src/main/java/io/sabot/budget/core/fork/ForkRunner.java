package io.sabot.budget.core.fork;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs JMH in a separate JVM and waits for it. Output goes to {@code fork.log} line by line (and to
 * the listener for progress); a fork that outlives its timeout is killed with its whole process
 * tree, since JMH starts a further JVM per benchmark fork.
 */
public final class ForkRunner implements BenchmarkFork {

    static final int TAIL_LINES = 30;
    private static final Pattern PROGRESS = Pattern.compile("# Run progress: ([0-9.]+% complete), ETA (\\S+)");
    private static final String NO_MATCH = "No matching benchmarks";

    @Override
    public Path run(ForkSettings settings, ForkListener listener) throws ForkException, IOException {
        // One measurement at a time per build JVM: parallel modules (-T) would otherwise measure each
        // other's load, and JMH refuses a second concurrent run on the same machine anyway.
        if (!MEASUREMENT.tryLock()) {
            listener.note("Waiting for another module's benchmarks to finish (measurements never overlap)");
            MEASUREMENT.lock();
        }
        try {
            return runExclusively(settings, listener);
        } finally {
            MEASUREMENT.unlock();
        }
    }

    private static final java.util.concurrent.locks.ReentrantLock MEASUREMENT = new java.util.concurrent.locks.ReentrantLock(true);

    private Path runExclusively(ForkSettings settings, ForkListener listener) throws ForkException, IOException {
        Files.createDirectories(settings.outputDirectory());
        Files.deleteIfExists(settings.resultsFile());
        Files.writeString(settings.argFile(), JmhCommandLine.argFileContent(settings.classpath()), StandardCharsets.UTF_8);
        List<String> command = JmhCommandLine.build(settings);
        String shown = JmhCommandLine.display(command);

        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(settings.workingDirectory().toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new ForkException("Cannot start the JMH fork: " + e.getMessage()
                    + ". Check <jvm> (-Dbudget.jvm) points at a java executable", shown, -1, List.of(), settings.logFile());
        }
        process.getOutputStream().close();
        OutputPump pump = new OutputPump(process, settings.logFile(), listener);
        Thread pumpThread = new Thread(pump, "budget-fork-output");
        pumpThread.setDaemon(true);
        pumpThread.start();

        boolean finished;
        try {
            finished = process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new ForkException("Interrupted while waiting for the JMH fork; it was killed", shown, -1,
                    pump.tail(), settings.logFile());
        }
        if (!finished) {
            killTree(process);
            join(pumpThread);
            throw new ForkException("The JMH fork did not finish within the timeout of " + settings.timeout().toSeconds()
                    + " s and was killed with all its child processes. Raise <timeout> (-Dbudget.timeout) or run fewer"
                    + " benchmarks (-Dbudget.includes=...)", shown, -1, pump.tail(), settings.logFile());
        }
        join(pumpThread);
        if (pump.error() != null) {
            throw pump.error();
        }
        int exit = process.exitValue();
        if (pump.sawNoMatch()) {
            throw new ForkException("JMH found no benchmark matching the includes/excludes "
                    + settings.includes() + " / " + settings.excludes() + ". Check <includes> (-Dbudget.includes)",
                    shown, exit, pump.tail(), settings.logFile());
        }
        if (exit != 0) {
            throw new ForkException("The JMH fork failed with exit code " + exit
                    + " (a benchmark threw, the JVM could not start, or JMH rejected its options)",
                    shown, exit, pump.tail(), settings.logFile());
        }
        if (!Files.isRegularFile(settings.resultsFile()) || Files.size(settings.resultsFile()) == 0) {
            throw new ForkException("The JMH fork exited normally but wrote no results to " + settings.resultsFile(),
                    shown, exit, pump.tail(), settings.logFile());
        }
        return settings.resultsFile();
    }

    /** Kills the fork and every process it started (JMH's benchmark forks), children first. */
    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Descendants started between the first sweep and the parent's death are orphaned, not gone.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies the fork's output to the log and the listener, keeping the last lines for messages. */
    private static final class OutputPump implements Runnable {
        private final Process process;
        private final Path log;
        private final ForkListener listener;
        private final Deque<String> tail = new ArrayDeque<>();
        private volatile boolean noMatch;
        private volatile IOException error;

        OutputPump(Process process, Path log, ForkListener listener) {
            this.process = process;
            this.log = log;
            this.listener = listener;
        }

        @Override
        public void run() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    remember(line);
                    notify(line);
                }
            } catch (IOException e) {
                // A killed process closes its pipe; only a log we cannot write is an error.
                if (!(e.getMessage() != null && e.getMessage().contains("Stream closed"))) {
                    error = e;
                }
            }
        }

        private void notify(String line) {
            try {
                listener.line(line);
                if (line.startsWith("# Benchmark: ")) {
                    listener.benchmarkStarted(line.substring("# Benchmark: ".length()).trim());
                } else if (line.contains(NO_MATCH)) {
                    noMatch = true;
                } else {
                    Matcher m = PROGRESS.matcher(line);
                    if (m.find()) {
                        listener.progress(m.group(1), m.group(2));
                    }
                }
            } catch (RuntimeException e) {
                // A failing progress printer must not lose the fork's output.
            }
        }

        private synchronized void remember(String line) {
            tail.addLast(line);
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }

        synchronized List<String> tail() {
            return new ArrayList<>(tail);
        }

        boolean sawNoMatch() {
            return noMatch;
        }

        ForkException error() {
            IOException e = error;
            return e == null ? null : new ForkException("Cannot write the fork log " + log + ": " + e.getMessage(),
                    "", -1, tail(), log);
        }
    }
}
