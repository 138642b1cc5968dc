package io.sabot.engine.pipeline;

/**
 * The bounded in-flight channel between a source partition and the operator: transactions and
 * barriers in order, each with the nanosecond time it was emitted (for end-to-end latency).
 * A fixed ring, so passing an event allocates nothing.
 */
final class PartitionQueue {

    private final Object[] items;
    private final long[] emittedAt;
    private int head;
    private int size;

    PartitionQueue(int capacity) {
        items = new Object[capacity];
        emittedAt = new long[capacity];
    }

    boolean isFull() {
        return size == items.length;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Barriers may exceed the capacity by one slot each so a trigger never fails on a full queue. */
    void add(Object item, long nanos) {
        if (size == items.length) {
            throw new IllegalStateException("partition queue overflow");
        }
        int tail = (head + size) % items.length;
        items[tail] = item;
        emittedAt[tail] = nanos;
        size++;
    }

    Object peek() {
        return items[head];
    }

    long peekEmittedAt() {
        return emittedAt[head];
    }

    Object poll() {
        Object item = items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        size--;
        return item;
    }
}
