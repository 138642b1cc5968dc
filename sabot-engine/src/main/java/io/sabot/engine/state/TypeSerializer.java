package io.sabot.engine.state;

/**
 * Turns keys and values into bytes and back. Backends that keep objects on the heap use it only for
 * snapshots; RocksDB uses it on every access.
 */
public interface TypeSerializer<T> {

    byte[] serialize(T value);

    T deserialize(byte[] bytes);
}
