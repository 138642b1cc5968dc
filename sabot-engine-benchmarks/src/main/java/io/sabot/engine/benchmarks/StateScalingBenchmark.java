package io.sabot.engine.benchmarks;

import io.sabot.engine.state.BackendConfig;
import io.sabot.engine.state.KeyValueState;
import io.sabot.engine.state.Serializers;
import io.sabot.engine.state.StateDescriptor;
import io.sabot.engine.state.StripedMemoryStateBackend;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Spec, memory state: throughput scaling with workers, reported at 1, 2, 4 and 8 threads (70/30
 * get/put on shared, lock-striped state). This machine has 2 cores: beyond 2 threads the numbers
 * show contention and time slicing, not parallel speed-up. Peer: a Collections.synchronizedMap.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class StateScalingBenchmark {

    static final int KEYS = 65_536;
    static final StateDescriptor<Long, Long> STATE = new StateDescriptor<>("scaling", Serializers.LONG, Serializers.LONG);

    private KeyValueState<Long, Long> striped;
    private Map<Long, Long> synchronizedMap;
    private Long[] keys;

    @Setup
    public void setUp() {
        striped = new StripedMemoryStateBackend(BackendConfig.unbounded(), 64).state(STATE);
        synchronizedMap = Collections.synchronizedMap(new HashMap<>());
        keys = new Long[KEYS];
        for (int k = 0; k < KEYS; k++) {
            keys[k] = (long) k;
            striped.put(keys[k], keys[k]);
            synchronizedMap.put(keys[k], keys[k]);
        }
    }

    private Object work(Map<Long, Long> map, KeyValueState<Long, Long> state) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Long key = keys[random.nextInt(KEYS)];
        if (random.nextInt(10) < 7) {
            return state != null ? state.get(key) : map.get(key);
        }
        if (state != null) {
            state.put(key, key);
        } else {
            map.put(key, key);
        }
        return key;
    }

    @Benchmark
    @Threads(1)
    public Object striped1() {
        return work(null, striped);
    }

    @Benchmark
    @Threads(2)
    public Object striped2() {
        return work(null, striped);
    }

    @Benchmark
    @Threads(4)
    public Object striped4() {
        return work(null, striped);
    }

    @Benchmark
    @Threads(8)
    public Object striped8() {
        return work(null, striped);
    }

    /** Peer at 2 threads: one global lock. */
    @Benchmark
    @Threads(2)
    public Object synchronizedMap2() {
        return work(synchronizedMap, null);
    }
}
