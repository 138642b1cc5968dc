package io.sabot.budget.core.fork;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The processes the build started and is waiting for (JMH's JVMs, the listing JVM, the baseline code's
 * Maven build and git): when the build's own JVM is stopped (Ctrl-C, a CI job cancelled with SIGTERM) they
 * are killed with their trees, as surefire kills its forks, instead of running on at full CPU as orphans.
 *
 * <p>The shutdown hook exists only while something runs: it is added with the first process and removed
 * with the last, so a long-lived Maven JVM (mvnd, an IDE) keeps no hook, and no class of this plugin, after the build.
 */
public final class ChildProcesses {

    private static final Set<Process> RUNNING = new HashSet<>();
    private static Thread hook;

    private ChildProcesses() {
    }

    /** Starts watching {@code process}; call {@link #finished} when it has ended or been killed. */
    public static synchronized void started(Process process) {
        RUNNING.add(process);
        if (hook == null) {
            hook = new Thread(ChildProcesses::killAll, "budget-kill-child-processes");
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    public static synchronized void finished(Process process) {
        RUNNING.remove(process);
        if (RUNNING.isEmpty() && hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return; // the hook is running or about to: it kills what is left
            }
            hook = null;
        }
    }

    static synchronized boolean hooked() {
        return hook != null;
    }

    /** Kills every watched process with its tree (the shutdown hook's work). */
    static void killAll() {
        List<Process> running;
        synchronized (ChildProcesses.class) {
            running = List.copyOf(RUNNING);
        }
        running.forEach(ChildProcesses::killTree);
    }

    /**
     * Kills {@code process} and every process it started (a fork: JMH's benchmark JVMs and whatever a
     * benchmark started; a Maven build: its forks), children first and in rounds, since a dying child may just have started another.
     * Every process seen is remembered: once its parent is dead an orphan is no longer a descendant.
     */
    public static void killTree(Process process) {
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        for (int round = 0; round < 5; round++) {
            List<ProcessHandle> tree = process.descendants().toList();
            if (!seen.addAll(tree)) {
                break;
            }
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(seen::add);
        seen.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
