package io.sabot.engine.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sabot.engine.state.BackendConfig;
import io.sabot.engine.state.KeyValueState;
import io.sabot.engine.state.MemoryStateBackend;
import io.sabot.engine.state.Serializers;
import io.sabot.engine.state.StateDescriptor;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Spec, memory state: get and put over 1M ops/s, a 70/30 get/put mix over 800K ops/s, LRU eviction
 * under 1 us, 10 KB values over 100K ops/s, batches over 5M ops/s. Peers in the same run: HashMap
 * (no eviction: the ceiling), LinkedHashMap in access order (the textbook LRU), Caffeine (a
 * production cache with size limit and TTL). Project targets: get at least 20M ops/s and half of
 * HashMap; put with LRU and TTL at least 0.7x Caffeine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class MemoryStateBenchmark {

    static final int KEYS = 100_000;
    static final int MASK = 131_071; // keys cycle over a range a little larger than KEYS: ~25% misses
    static final StateDescriptor<Long, byte[]> STATE = new StateDescriptor<>("bench", Serializers.LONG, Serializers.BYTES);

    static final int VALUE_SIZE = 16;
    static final int LARGE_VALUE_SIZE = 10 * 1024;
    static final int LARGE_KEYS = 1_000;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private KeyValueState<Long, byte[]> lruTtl;
    private KeyValueState<Long, byte[]> evicting;
    private HashMap<Long, byte[]> hashMap;
    private LinkedHashMap<Long, byte[]> linkedHashMap;
    private Cache<Long, byte[]> caffeine;
    private Long[] keys;
    private byte[] value;
    private byte[] largeValue;
    private KeyValueState<Long, byte[]> large;
    private int i;
    private int largeI;

    @Setup
    public void setUp() {
        value = new byte[VALUE_SIZE];
        largeValue = new byte[LARGE_VALUE_SIZE];
        new Random(5).nextBytes(largeValue);
        keys = new Long[MASK + 1];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = (long) k * 7919; // boxed once: the benchmarks measure the maps, not boxing
        }
        // Full from the start, so getLargeValue reads 10 KB values instead of missing in an empty namespace.
        large = new MemoryStateBackend(BackendConfig.lru(LARGE_KEYS)).state(STATE);
        for (int k = 0; k < LARGE_KEYS; k++) {
            large.put(keys[k], largeValue.clone());
        }
        lruTtl = new MemoryStateBackend(new BackendConfig(KEYS, Duration.ofMinutes(10), System::nanoTime)).state(STATE);
        evicting = new MemoryStateBackend(BackendConfig.lru(1_000)).state(STATE);
        hashMap = new HashMap<>();
        linkedHashMap = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
                return size() > KEYS;
            }
        };
        // Maintenance (eviction, expiry) on the calling thread: by default Caffeine hands it to the
        // common pool, i.e. to the machine's other core, and the peer would be timed without it.
        caffeine = Caffeine.newBuilder().maximumSize(KEYS).expireAfterWrite(Duration.ofMinutes(10))
                .executor(Runnable::run).build();
        for (int k = 0; k < KEYS; k++) {
            lruTtl.put(keys[k], value);
            hashMap.put(keys[k], value);
            linkedHashMap.put(keys[k], value);
            caffeine.put(keys[k], value);
        }
    }

    private Long nextKey() {
        return keys[(i = (i + 1) & MASK)];
    }

    /** STATE-001: get on the engine's backend (LRU + TTL). */
    @Benchmark
    public byte[] get() {
        return lruTtl.get(nextKey());
    }

    /** STATE-002: put on the engine's backend (LRU + TTL, updating or evicting). */
    @Benchmark
    public void put() {
        lruTtl.put(nextKey(), value);
    }

    /** STATE-003: 70% gets, 30% puts; every get's result is consumed. */
    @Benchmark
    @OperationsPerInvocation(10)
    public void mixed(Blackhole bh) {
        for (int n = 0; n < 7; n++) {
            bh.consume(lruTtl.get(nextKey()));
        }
        for (int n = 0; n < 3; n++) {
            lruTtl.put(nextKey(), value);
        }
    }

    /** STATE-004: every put evicts the least recently used entry of a full 1,000-entry namespace. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void evictingPut() {
        evicting.put(nextKey(), value);
    }

    /** STATE-005: put of a freshly produced 10 KB value (the copy is what a job pays to produce it). */
    @Benchmark
    public void putLargeValue() {
        large.put(nextKey(), largeValue.clone());
    }

    /**
     * STATE-005: reading a 10 KB value: the get, then every 8-byte word of the value folded into
     * the result (a get alone returns a reference, so the value's size would never matter). Every
     * key is present: cycles over the 1,000 keys filled in setUp, 10 MB of values.
     */
    @Benchmark
    public long getLargeValue() {
        largeI = largeI + 1 == LARGE_KEYS ? 0 : largeI + 1;
        return readThrough(large.get(keys[largeI]));
    }

    static long readThrough(byte[] value) {
        long folded = 0;
        for (int at = 0; at <= value.length - Long.BYTES; at += Long.BYTES) {
            folded ^= (long) WORDS.get(value, at);
        }
        return folded;
    }

    /** STATE-006: a batch of 1,000 puts (score per put). */
    @Benchmark
    @OperationsPerInvocation(1_000)
    public void batchPut() {
        for (int n = 0; n < 1_000; n++) {
            lruTtl.put(nextKey(), value);
        }
    }

    /** Peer: HashMap get (no eviction, no expiry). */
    @Benchmark
    public byte[] hashMapGet() {
        return hashMap.get(nextKey());
    }

    /** Peer: LinkedHashMap in access order get. */
    @Benchmark
    public byte[] linkedHashMapGet() {
        return linkedHashMap.get(nextKey());
    }

    /** Peer: Caffeine get (size limit + TTL). */
    @Benchmark
    public byte[] caffeineGet() {
        return caffeine.getIfPresent(nextKey());
    }

    /** Peer: Caffeine put (size limit + TTL). */
    @Benchmark
    public void caffeinePut() {
        caffeine.put(nextKey(), value);
    }

    /** Peer of the implementation-vs-naive comparison: a synchronized HashMap, the naive shared state. */
    @Benchmark
    public byte[] synchronizedMapGet() {
        synchronized (hashMap) {
            return hashMap.get(nextKey());
        }
    }
}
