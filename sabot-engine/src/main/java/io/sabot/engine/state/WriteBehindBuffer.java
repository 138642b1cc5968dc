package io.sabot.engine.state;

import java.util.HashMap;
import java.util.Map;

/**
 * Holds the puts to one namespace on the heap and writes them to the backend together with
 * {@link StateBackend#putAll} (one {@code WriteBatch} on RocksDB) on {@link #flush}, or when
 * {@code maxEntries} keys are buffered. Reads see the buffered values first, so a key updated
 * several times between flushes is serialized and written once. The owner flushes before every
 * snapshot, so snapshots hold every write.
 *
 * <p>With {@code maxEntries} 0 it writes through: every put goes to the backend at once (heap
 * state, where a buffer would only add a second lookup).
 */
public final class WriteBehindBuffer<K, V> {

    private final StateBackend backend;
    private final StateDescriptor<K, V> descriptor;
    private final KeyValueState<K, V> state;
    private final int maxEntries;
    private final Map<K, V> buffered = new HashMap<>();

    public WriteBehindBuffer(StateBackend backend, StateDescriptor<K, V> descriptor, int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative, was " + maxEntries);
        }
        this.backend = backend;
        this.descriptor = descriptor;
        this.state = backend.state(descriptor);
        this.maxEntries = maxEntries;
    }

    /** The buffered value of {@code key}, else the backend's; {@code null} when neither has one. */
    public V get(K key) {
        V value = buffered.get(key);
        return value != null ? value : state.get(key);
    }

    public void put(K key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null values are not stored");
        }
        if (maxEntries == 0) {
            state.put(key, value);
            return;
        }
        buffered.put(key, value);
        if (buffered.size() >= maxEntries) {
            flush();
        }
    }

    /** Writes every buffered entry to the backend. */
    public void flush() {
        if (!buffered.isEmpty()) {
            backend.putAll(descriptor, buffered);
            buffered.clear();
        }
    }

    /** How many keys are waiting for {@link #flush}. */
    public int bufferedCount() {
        return buffered.size();
    }
}
