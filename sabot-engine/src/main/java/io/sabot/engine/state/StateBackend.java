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

    @Override
    void close();
}
