package io.sabot.engine.state;

import java.util.Objects;

/** Names a piece of keyed state (its namespace) and how its keys and values are serialized. */
public record StateDescriptor<K, V>(String namespace, TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {

    public StateDescriptor {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(keySerializer, "keySerializer");
        Objects.requireNonNull(valueSerializer, "valueSerializer");
        if (namespace.isEmpty()) {
            throw new IllegalArgumentException("namespace must not be empty");
        }
    }
}
