package io.sabot.budget.core.fork;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs JMH in a separate JVM and waits for it. Output goes to {@code fork.log} line by line (and to
 * the listener for progress); a fork that outlives its timeout is killed with its whole process
 * tree, since JMH starts a further JVM per benchmark fork. Runs never overlap: not within one build
 * (a JVM-wide lock), and not with another build's JMH on the machine (JMH's lock file, waited for).
 */
public final class ForkRunner implements BenchmarkFork {

    static final int TAIL_LINES = 30;
    private static final Pattern PROGRESS = Pattern.compile("# Run progress: ([0-9.]+% complete), ETA (\\S+)");
    private static final String NO_MATCH = "No matching benchmarks";
    private static final String OUT_OF_MEMORY = "java.lang.OutOfMemoryError";
    /** What JMH prints when another JMH run on the machine holds its lock file. */
    private static final String JMH_LOCKED = "Unable to acquire the JMH lock";
    static final Path JMH_LOCK_FILE = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
    static final Duration DEFAULT_LOCK_RETRY = Duration.ofSeconds(2);
    // One measurement at a time per build JVM: parallel modules (-T) would otherwise measure each
    // other's load, and JMH refuses a second concurrent run on the same machine anyway.
    private static final ReentrantLock MEASUREMENT = new ReentrantLock(true);

    private final Duration lockRetry;

    public ForkRunner() {
        this(DEFAULT_LOCK_RETRY);
    }

    /** @param lockRetry how long to wait before trying again when another JMH run holds JMH's lock */
    ForkRunner(Duration lockRetry) {
        this.lockRetry = lockRetry;
    }

    /**
     * @return the finished run, whose results file exists and is not empty (its content is the caller's to check)
     * @throws ForkException when the fork cannot start, fails, times out or writes no results
     */
    @Override
    public ForkRun run(ForkSettings settings, ForkListener listener) throws ForkException, IOException {
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

    private ForkRun runExclusively(ForkSettings settings, ForkListener listener) throws ForkException, IOException {
        Files.createDirectories(settings.outputDirectory());
        Files.writeString(settings.argFile(), JmhCommandLine.argFileContent(settings.classpath()), StandardCharsets.UTF_8);
        List<String> command = JmhCommandLine.build(settings);
        String shown = JmhCommandLine.display(command);
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        boolean waitedForLock = false;
        while (true) {
            Files.deleteIfExists(settings.resultsFile());
            Attempt attempt = attempt(settings, command, shown, deadline, listener, waitedForLock);
            OutputPump pump = attempt.pump();
            int exit = attempt.exit();
            if (exit != 0 && pump.sawJmhLockRefusal()) {
                // Another build on this machine is measuring; running beside it would spoil both runs.
                if (deadline - System.nanoTime() > lockRetry.toNanos()) {
                    if (!waitedForLock) {
                        listener.note("Another JMH run on this machine holds JMH's lock file; waiting for it to finish"
                                + " (measurements never overlap; the wait counts against <timeout>)");
                        waitedForLock = true;
                    }
                    try {
                        Thread.sleep(lockRetry.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ForkException("Interrupted while waiting for another JMH run on this machine to finish",
                                shown, exit, pump.tail(), settings.logFile());
                    }
                    continue;
                }
                throw new ForkException("Another JMH run on this machine held JMH's lock file (" + JMH_LOCK_FILE
                        + ") for the whole timeout of " + settings.timeout().toSeconds() + " s. Wait for it to finish,"
                        + " or raise <timeout> (-Dbudget.timeout)", shown, exit, pump.tail(), settings.logFile());
            }
            failIfUnsuccessful(settings, shown, exit, pump);
            return new ForkRun(settings.resultsFile(), shown, exit, pump.tail(), settings.logFile());
        }
    }

    private record Attempt(int exit, OutputPump pump) {
    }

    /** Names the failure of a finished attempt, if it failed. */
    private static void failIfUnsuccessful(ForkSettings settings, String shown, int exit, OutputPump pump)
            throws ForkException, IOException {
        // Only JMH's own refusal counts: a benchmark may print the same words and still exit 0.
        if (exit != 0 && pump.sawNoMatch()) {
            throw new ForkException("JMH found no benchmark matching the includes/excludes "
                    + settings.includes() + " / " + settings.excludes() + ". Check <includes> (-Dbudget.includes)"
                    + theBenchmarksThereAre(settings), shown, exit, pump.tail(), settings.logFile());
        }
        if (exit != 0) {
            throw new ForkException("The JMH fork failed with exit code " + exit + failureCause(exit, pump),
                    shown, exit, pump.tail(), settings.logFile());
        }
        if (!Files.isRegularFile(settings.resultsFile()) || Files.size(settings.resultsFile()) == 0) {
            throw new ForkException("The JMH fork exited normally but wrote no results to " + settings.resultsFile()
                    + ". Something in the benchmark JVM ended JMH early or removed the file; see the log",
                    shown, exit, pump.tail(), settings.logFile());
        }
    }

    /** Starts JMH once and waits for it until the deadline; a fork still running then is killed with its tree. */
    private Attempt attempt(ForkSettings settings, List<String> command, String shown, long deadline,
                            ForkListener listener, boolean waitedForLock) throws ForkException {
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
        ChildProcesses.started(process);
        try {
            return await(process, settings, shown, deadline, listener, waitedForLock);
        } finally {
            ChildProcesses.finished(process);
        }
    }

    private Attempt await(Process process, ForkSettings settings, String shown, long deadline, ForkListener listener,
                          boolean waitedForLock) throws ForkException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // nothing reads JMH's standard input; a pipe that cannot be closed changes nothing
        }
        OutputPump pump = new OutputPump(process, settings.logFile(), listener);
        Thread pumpThread = new Thread(pump, "budget-fork-output");
        pumpThread.setDaemon(true);
        pumpThread.start();

        boolean finished;
        try {
            finished = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            ChildProcesses.killTree(process);
            Thread.currentThread().interrupt();
            throw new ForkException("Interrupted while waiting for the JMH fork; it was killed", shown, -1,
                    pump.tail(), settings.logFile());
        }
        if (!finished) {
            ChildProcesses.killTree(process);
            join(pumpThread);
            String lock = waitedForLock || pump.sawJmhLockRefusal()
                    ? "; part of that time went to waiting for another JMH run on this machine, which held JMH's lock file ("
                    + JMH_LOCK_FILE + ")" : "";
            throw new ForkException("The JMH fork did not finish within the timeout of " + settings.timeout().toSeconds()
                    + " s and was killed with all its child processes" + lock + ". Raise <timeout> (-Dbudget.timeout)"
                    + " or run fewer benchmarks (-Dbudget.includes=...)", shown, -1, pump.tail(), settings.logFile());
        }
        join(pumpThread);
        if (pump.error() != null) {
            throw pump.error();
        }
        return new Attempt(process.exitValue(), pump);
    }

    /** "; the benchmarks on the classpath: A.x, B.y" (JMH lists them in a JVM of its own), for a filter that matched none. */
    private static String theBenchmarksThereAre(ForkSettings settings) {
        try {
            List<String> names = BenchmarkLister.list(settings.rerun(List.of(), settings.outputDirectory().resolve("list-all")))
                    .stream().map(ListedBenchmark::name).map(io.sabot.budget.core.model.BenchmarkKey::shortName).toList();
            if (names.isEmpty()) {
                return "; JMH lists no benchmark on the classpath at all";
            }
            int shown = Math.min(names.size(), 20);
            return "; the benchmarks on the classpath: " + String.join(", ", names.subList(0, shown))
                    + (names.size() > shown ? " and " + (names.size() - shown) + " more" : "");
        } catch (ForkException | IOException e) {
            return " (listing the benchmarks on the classpath failed too: " + e.getMessage() + ")";
        }
    }

    /** The most likely cause of a non-zero exit, named so people know what to change. */
    private static String failureCause(int exit, OutputPump pump) {
        if (pump.sawOutOfMemory()) {
            return ": the benchmark JVM ran out of memory (" + OUT_OF_MEMORY + "). Give the benchmark JVMs more heap"
                    + " with <jvmArgs> (-Dbudget.jvmArgs=-Xmx2g) or jmh.jvm-args in the budget file, or make the"
                    + " benchmark keep less";
        }
        if (exit > 128 && exit < 160) {
            return ": the JVM was killed by signal " + (exit - 128) + (exit - 128 == 9
                    ? " (SIGKILL; often the operating system's out-of-memory killer, see dmesg)" : "")
                    + "; a JVM crash leaves an hs_err_pid*.log file in the working directory";
        }
        return " (a benchmark threw, the JVM could not start, or JMH rejected its options)";
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
        private volatile boolean outOfMemory;
        private volatile boolean jmhLocked;
        private volatile boolean jmhStarted;
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
            if (line.contains(OUT_OF_MEMORY)) {
                outOfMemory = true;
            }
            if (line.contains(NO_MATCH)) {
                noMatch = true;
            }
            if (line.startsWith("# JMH version") || line.startsWith("# Benchmark: ")) {
                jmhStarted = true;
            }
            if (line.contains(JMH_LOCKED) && !jmhStarted) {
                jmhLocked = true;
            }
            try {
                listener.line(line);
                if (line.startsWith("# Benchmark: ")) {
                    listener.benchmarkStarted(line.substring("# Benchmark: ".length()).trim());
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

        /** JMH refused to start because of its lock file (it says so before it starts anything). */
        boolean sawJmhLockRefusal() {
            return jmhLocked;
        }

        boolean sawOutOfMemory() {
            return outOfMemory;
        }

        ForkException error() {
            IOException e = error;
            return e == null ? null : new ForkException("Cannot write the fork log " + log + ": " + e.getMessage(),
                    "", -1, tail(), log);
        }
    }
}
