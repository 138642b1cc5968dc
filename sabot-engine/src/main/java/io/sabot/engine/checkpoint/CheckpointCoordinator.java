package io.sabot.engine.checkpoint;

import java.util.function.LongSupplier;

/**
 * Triggers checkpoints and collects the acknowledgements of every task. Ids are monotonic; up to
 * {@code maxConcurrent} checkpoints may be pending; a checkpoint completes when every task has
 * acknowledged it, and is aborted when a task declines it or when it is older than the timeout at
 * the next {@link #checkTimeouts()} (the caller's scheduler decides how often to call it). When a
 * checkpoint completes, older pending ones are subsumed and aborted, as they can no longer be the
 * latest.
 *
 * <p>Triggering does no I/O and allocates nothing: pending checkpoints live in preallocated slots.
 * All methods are synchronized; tasks acknowledge from their own threads.
 */
public final class CheckpointCoordinator {

    private final int tasks;
    private final long timeoutNanos;
    private final LongSupplier clock;
    private final CheckpointListener listener;
    private final long[] ids;
    private final long[] startedAt;
    private final boolean[][] acked;
    private final int[] ackCount;
    private final boolean[] used;
    private long nextId = 1;
    private long latestCompleted = -1;
    private int pending;

    public CheckpointCoordinator(int tasks, int maxConcurrent, long timeoutNanos, LongSupplier clock, CheckpointListener listener) {
        if (tasks <= 0) {
            throw new IllegalArgumentException("tasks must be positive, was " + tasks);
        }
        if (maxConcurrent <= 0) {
            throw new IllegalArgumentException("maxConcurrent must be positive, was " + maxConcurrent);
        }
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeoutNanos + " ns");
        }
        this.tasks = tasks;
        this.timeoutNanos = timeoutNanos;
        this.clock = clock;
        this.listener = listener;
        this.ids = new long[maxConcurrent];
        this.startedAt = new long[maxConcurrent];
        this.acked = new boolean[maxConcurrent][tasks];
        this.ackCount = new int[maxConcurrent];
        this.used = new boolean[maxConcurrent];
    }

    /**
     * Starts the next checkpoint and injects its barrier.
     *
     * @return the checkpoint id, or -1 when {@code maxConcurrent} checkpoints are already pending
     */
    public synchronized long trigger() {
        int slot = freeSlot();
        if (slot < 0) {
            return -1;
        }
        long id = nextId++;
        long now = clock.getAsLong();
        ids[slot] = id;
        startedAt[slot] = now;
        ackCount[slot] = 0;
        java.util.Arrays.fill(acked[slot], false);
        used[slot] = true;
        pending++;
        listener.injectBarrier(id, now);
        return id;
    }

    /** Task {@code task} has stored its state for checkpoint {@code id}. Late or repeated acks are ignored. */
    public synchronized void acknowledge(int task, long id) {
        checkTask(task);
        int slot = slotOf(id);
        if (slot < 0 || acked[slot][task]) {
            return;
        }
        acked[slot][task] = true;
        if (++ackCount[slot] == tasks) {
            release(slot);
            latestCompleted = Math.max(latestCompleted, id);
            for (int s = 0; s < ids.length; s++) {
                if (used[s] && ids[s] < id) {
                    long old = ids[s];
                    release(s);
                    listener.aborted(old, "subsumed by completed checkpoint " + id);
                }
            }
            listener.completed(id);
        }
    }

    /** Task {@code task} cannot take checkpoint {@code id}: it is aborted. */
    public synchronized void decline(int task, long id, String reason) {
        checkTask(task);
        int slot = slotOf(id);
        if (slot >= 0) {
            release(slot);
            listener.aborted(id, "declined by task " + task + ": " + reason);
        }
    }

    /** Aborts every pending checkpoint older than the timeout; returns how many. */
    public synchronized int checkTimeouts() {
        long now = clock.getAsLong();
        int aborted = 0;
        for (int s = 0; s < ids.length; s++) {
            if (used[s] && now - startedAt[s] >= timeoutNanos) {
                long id = ids[s];
                release(s);
                aborted++;
                listener.aborted(id, "timed out after " + (now - startedAt[s]) / 1_000_000 + " ms");
            }
        }
        return aborted;
    }

    /** The id of the latest completed checkpoint, or -1. */
    public synchronized long latestCompleted() {
        return latestCompleted;
    }

    public synchronized int pendingCount() {
        return pending;
    }

    public synchronized boolean isPending(long id) {
        return slotOf(id) >= 0;
    }

    /** Continues numbering after a restore, so ids stay monotonic across restarts. */
    public synchronized void resumeAfter(long restoredCheckpointId) {
        nextId = Math.max(nextId, restoredCheckpointId + 1);
        latestCompleted = Math.max(latestCompleted, restoredCheckpointId);
    }

    private void release(int slot) {
        used[slot] = false;
        pending--;
    }

    private int freeSlot() {
        for (int s = 0; s < used.length; s++) {
            if (!used[s]) {
                return s;
            }
        }
        return -1;
    }

    private int slotOf(long id) {
        for (int s = 0; s < ids.length; s++) {
            if (used[s] && ids[s] == id) {
                return s;
            }
        }
        return -1;
    }

    private void checkTask(int task) {
        if (task < 0 || task >= tasks) {
            throw new IllegalArgumentException("task index " + task + " out of range 0.." + (tasks - 1));
        }
    }
}
