package io.sabot.engine.state;

import java.util.function.BiConsumer;

/** Keyed state of one namespace of a {@link StateBackend}. */
public interface KeyValueState<K, V> {

    /** The value for {@code key}, or {@code null} when absent (or expired/evicted). */
    V get(K key);

    void put(K key, V value);

    void delete(K key);

    boolean contains(K key);

    /** Visits every live entry of this namespace; order is backend-specific. */
    void scan(BiConsumer<? super K, ? super V> visitor);
}
