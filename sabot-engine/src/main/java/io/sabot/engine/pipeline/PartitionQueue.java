package io.sabot.engine.pipeline;

/**
 * The bounded in-flight channel between a source partition and the operator: transactions and
 * barriers in order, each with the nanosecond time it was emitted (for end-to-end latency).
 * A fixed ring, so passing an event allocates nothing.
 *
 * <p>Public so that benchmarks inject barriers into the same channels the pipeline reads; owned by
 * one task thread.
 */
public final class PartitionQueue {

    /** The checkpoint barrier a source injects into its partition's queue. */
    public record Barrier(long checkpointId) {
    }

    private final Object[] items;
    private final long[] emittedAt;
    private int head;
    private int size;

    public PartitionQueue(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        items = new Object[capacity];
        emittedAt = new long[capacity];
    }

    public boolean isFull() {
        return size == items.length;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    /** Barriers may exceed the capacity by one slot each so a trigger never fails on a full queue. */
    public void add(Object item, long nanos) {
        if (size == items.length) {
            throw new IllegalStateException("partition queue overflow");
        }
        int tail = (head + size) % items.length;
        items[tail] = item;
        emittedAt[tail] = nanos;
        size++;
    }

    /** Appends the barrier of checkpoint {@code checkpointId}: what a source does when a checkpoint is triggered. */
    public void addBarrier(long checkpointId, long nanos) {
        add(new Barrier(checkpointId), nanos);
    }

    public Object peek() {
        return items[head];
    }

    public long peekEmittedAt() {
        return emittedAt[head];
    }

    public Object poll() {
        Object item = items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        size--;
        return item;
    }
}
