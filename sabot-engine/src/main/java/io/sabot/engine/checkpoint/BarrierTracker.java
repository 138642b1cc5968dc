package io.sabot.engine.checkpoint;

/**
 * Aligns checkpoint barriers over the input partitions of one task. After a partition delivers the
 * barrier of the current checkpoint it is blocked (the task must not read it, so no record after the
 * barrier leaks into the snapshot) until every partition has delivered it; then the task snapshots
 * and all partitions are released. A barrier of a newer checkpoint cancels an unfinished alignment;
 * a cancel marker releases the blocked partitions. Each step is O(1) and allocation-free.
 *
 * <p>Not thread-safe: owned by the task thread that reads the partitions.
 */
public final class BarrierTracker {

    /** What the task does when an alignment ends. */
    public interface Handler {
        /** Every partition delivered the barrier: snapshot now, then partitions are released. */
        void aligned(long checkpointId);

        /** The alignment of {@code checkpointId} was given up; partitions are released. */
        default void cancelled(long checkpointId) {
        }
    }

    private final boolean[] blocked;
    private final Handler handler;
    private long current = -1;
    private int arrived;

    public BarrierTracker(int partitions, Handler handler) {
        if (partitions <= 0) {
            throw new IllegalArgumentException("partitions must be positive, was " + partitions);
        }
        this.blocked = new boolean[partitions];
        this.handler = handler;
    }

    public boolean isBlocked(int partition) {
        return blocked[partition];
    }

    /** The checkpoint being aligned, or -1. */
    public long currentCheckpoint() {
        return arrived > 0 ? current : -1;
    }

    public void onBarrier(int partition, long checkpointId) {
        if (checkpointId < current || (checkpointId == current && arrived == 0)) {
            return; // stale: an older checkpoint, or one already aligned or cancelled
        }
        if (checkpointId > current) {
            if (arrived > 0) {
                long abandoned = current;
                release();
                handler.cancelled(abandoned);
            }
            current = checkpointId;
        }
        if (blocked[partition]) {
            return; // a duplicate barrier from the same partition
        }
        blocked[partition] = true;
        if (++arrived == blocked.length) {
            release();
            handler.aligned(checkpointId);
        }
    }

    /** Checkpoint {@code checkpointId} was aborted upstream: stop aligning it. */
    public void onCancel(long checkpointId) {
        if (checkpointId == current && arrived > 0) {
            release();
            handler.cancelled(checkpointId);
        }
        if (checkpointId > current) {
            current = checkpointId; // barriers of it arriving later are stale
        }
    }

    private void release() {
        java.util.Arrays.fill(blocked, false);
        arrived = 0;
    }
}
