package io.sabot.engine.state;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Keyed state of one task (partition). Like the state backends of other stream engines, a backend
 * is owned by one task thread unless its class documentation says otherwise.
 */
public interface StateBackend extends AutoCloseable {

    /** The state of the descriptor's namespace, created on first use. */
    <K, V> KeyValueState<K, V> state(StateDescriptor<K, V> descriptor);

    /**
     * Writes a consistent snapshot of all namespaces as files into {@code emptyDirectory}. The
     * caller (the checkpoint storage) makes those files durable.
     */
    void snapshot(Path emptyDirectory) throws IOException;

    /** Replaces the whole state with the snapshot previously written into {@code snapshotDirectory}. */
    void restore(Path snapshotDirectory) throws IOException;

    StateStatistics statistics();

    /**
     * Writes several entries of one namespace. Backends with a cheaper bulk write (RocksDB's
     * {@code WriteBatch}) override it.
     */
    default <K, V> void putAll(StateDescriptor<K, V> descriptor, java.util.Map<K, V> entries) {
        KeyValueState<K, V> state = state(descriptor);
        entries.forEach(state::put);
    }

    /**
     * True when every get and put serializes and crosses into another store (RocksDB), so that a
     * caller gains from buffering its writes ({@link WriteBehindBuffer}); false for heap state.
     */
    default boolean serializesOnAccess() {
        return false;
    }

    @Override
    void close();
}
