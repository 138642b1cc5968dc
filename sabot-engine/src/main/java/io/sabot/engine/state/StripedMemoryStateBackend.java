package io.sabot.engine.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * Thread-safe keyed state for several worker threads: keys are spread over independent
 * {@link MemoryStateBackend} stripes by hash, each guarded by its own lock, so threads working on
 * different keys rarely wait for each other. Size limits and TTL apply per stripe.
 */
public final class StripedMemoryStateBackend implements StateBackend {

    private final MemoryStateBackend[] stripes;
    /** 32 minus log2(stripe count): {@link #stripeOf} keeps that many top bits of the mixed hash. */
    private final int stripeShift;

    public StripedMemoryStateBackend(BackendConfig config, int stripeCount) {
        if (stripeCount <= 0 || Integer.bitCount(stripeCount) != 1) {
            throw new IllegalArgumentException("stripeCount must be a power of two, was " + stripeCount);
        }
        int perStripe = config.maxEntriesPerNamespace() == Integer.MAX_VALUE
                ? Integer.MAX_VALUE : Math.max(1, config.maxEntriesPerNamespace() / stripeCount);
        BackendConfig stripeConfig = config.withMaxEntriesPerNamespace(perStripe);
        stripeShift = 32 - Integer.numberOfTrailingZeros(stripeCount);
        stripes = new MemoryStateBackend[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = new MemoryStateBackend(stripeConfig);
        }
    }

    @Override
    public <K, V> KeyValueState<K, V> state(StateDescriptor<K, V> descriptor) {
        @SuppressWarnings("unchecked")
        KeyValueState<K, V>[] parts = new KeyValueState[stripes.length];
        for (int i = 0; i < stripes.length; i++) {
            synchronized (stripes[i]) {
                parts[i] = stripes[i].state(descriptor);
            }
        }
        return new Striped<>(parts);
    }

    @Override
    public void snapshot(Path emptyDirectory) throws IOException {
        for (int i = 0; i < stripes.length; i++) {
            synchronized (stripes[i]) {
                Path dir = emptyDirectory.resolve("stripe-" + i);
                Files.createDirectories(dir);
                stripes[i].snapshot(dir);
            }
        }
    }

    @Override
    public void restore(Path snapshotDirectory) throws IOException {
        for (int i = 0; i < stripes.length; i++) {
            Path dir = snapshotDirectory.resolve("stripe-" + i);
            if (!Files.isDirectory(dir)) {
                throw new IOException(snapshotDirectory + " has no " + dir.getFileName() + ": it was written with a"
                        + " different stripe count than " + stripes.length);
            }
            synchronized (stripes[i]) {
                stripes[i].restore(dir);
            }
        }
    }

    @Override
    public StateStatistics statistics() {
        long hits = 0, misses = 0, evictions = 0, expirations = 0, entries = 0;
        for (MemoryStateBackend stripe : stripes) {
            StateStatistics s;
            synchronized (stripe) {
                s = stripe.statistics();
            }
            hits += s.hits();
            misses += s.misses();
            evictions += s.evictions();
            expirations += s.expirations();
            entries += s.entries();
        }
        return new StateStatistics(hits, misses, evictions, expirations, entries);
    }

    @Override
    public void close() {
        for (MemoryStateBackend stripe : stripes) {
            synchronized (stripe) {
                stripe.close();
            }
        }
    }

    /**
     * The stripe of a hash: the top bits of a multiplicative (Fibonacci) hash. Not the low bits: each
     * stripe's hash table (ClockTable) indexes its buckets by the low bits of the same hash, so keys sharing their low
     * bits would crowd 1/stripes of the buckets into long (treeified) chains.
     */
    static int stripeOf(int hashCode, int stripeShift) {
        return stripeShift == 32 ? 0 : (hashCode * 0x9E3779B9) >>> stripeShift;
    }

    private final class Striped<K, V> implements KeyValueState<K, V> {
        private final KeyValueState<K, V>[] parts;

        Striped(KeyValueState<K, V>[] parts) {
            this.parts = parts;
        }

        private int stripe(Object key) {
            return stripeOf(key.hashCode(), stripeShift);
        }

        @Override
        public V get(K key) {
            int i = stripe(key);
            synchronized (stripes[i]) {
                return parts[i].get(key);
            }
        }

        @Override
        public void put(K key, V value) {
            int i = stripe(key);
            synchronized (stripes[i]) {
                parts[i].put(key, value);
            }
        }

        @Override
        public void delete(K key) {
            int i = stripe(key);
            synchronized (stripes[i]) {
                parts[i].delete(key);
            }
        }

        @Override
        public boolean contains(K key) {
            int i = stripe(key);
            synchronized (stripes[i]) {
                return parts[i].contains(key);
            }
        }

        @Override
        public void scan(BiConsumer<? super K, ? super V> visitor) {
            for (int i = 0; i < parts.length; i++) {
                synchronized (stripes[i]) {
                    parts[i].scan(visitor);
                }
            }
        }
    }
}
