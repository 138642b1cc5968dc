package io.sabot.budget.core.io;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One piece of work run on a thread of its own while the caller does another that does not depend
 * on it: reading the baseline while the results are read, writing report.html while the other
 * reports are written. A cold JVM interprets each piece slowly, and the second core otherwise only
 * compiles.
 *
 * @param <T> what the work returns
 */
public final class Beside<T> {

    /** The work; it may throw one checked exception type, which {@link #join} rethrows. */
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private final FutureTask<T> task;

    private Beside(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts {@code work} on a daemon thread named after it. */
    public static <T> Beside<T> start(String name, Work<T, ? extends Exception> work) {
        FutureTask<T> task = new FutureTask<>(work::run);
        Thread thread = new Thread(task, "budget " + name);
        thread.setDaemon(true);
        thread.start();
        return new Beside<>(task);
    }

    /**
     * Waits for the work and returns its value, or throws what it threw: its exception of type
     * {@code type}, an unchecked exception or error as is, any other wrapped in an IllegalStateException.
     */
    public <E extends Exception> T join(Class<E> type) throws E {
        try {
            return done();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (type.isInstance(cause)) {
                throw type.cast(cause);
            }
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Waits for the work to end, however it ends, so that nothing of it runs on after the caller failed. */
    public void await() {
        try {
            done();
        } catch (ExecutionException ignored) {
            // the caller's own failure is the one reported
        }
    }

    /** The work's value; an interrupt does not abandon the work, it is passed on once the work is done. */
    private T done() throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
