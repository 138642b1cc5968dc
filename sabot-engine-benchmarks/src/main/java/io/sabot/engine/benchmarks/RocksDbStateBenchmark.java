package io.sabot.engine.benchmarks;

import io.sabot.engine.state.KeyValueState;
import io.sabot.engine.state.RocksDbConfig;
import io.sabot.engine.state.RocksDbStateBackend;
import io.sabot.engine.state.Serializers;
import io.sabot.engine.state.StateDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * Spec, RocksDB state: get and put throughput, and the memory backend 10 to 100 times faster on
 * small state. Peer: raw rocksdbjni with the same options (WAL off, 64 MiB block cache, no
 * compression), which bounds what the backend's serialization and bookkeeping may cost. Project
 * target: the backend at least 0.75x raw rocksdbjni.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class RocksDbStateBenchmark {

    static final int KEYS = 100_000;
    static final int MASK = 131_071;
    static final StateDescriptor<Long, Long> STATE = new StateDescriptor<>("bench", Serializers.LONG, Serializers.LONG);

    private Path directory;
    private RocksDbStateBackend backend;
    private KeyValueState<Long, Long> state;
    private LRUCache cache;
    private Options options;
    private RocksDB raw;
    private WriteOptions writeOptions;
    private ReadOptions readOptions;
    private Long[] keys;
    private byte[][] rawKeys;
    private byte[] rawValue;
    private int i;

    @Setup(Level.Trial)
    public void setUp() throws IOException, RocksDBException {
        directory = Files.createTempDirectory("sabot-rocks-bench");
        backend = new RocksDbStateBackend(RocksDbConfig.defaults(directory.resolve("backend")));
        state = backend.state(STATE);
        cache = new LRUCache(64L << 20);
        options = new Options().setCreateIfMissing(true).setWriteBufferSize(32L << 20)
                .setCompressionType(CompressionType.NO_COMPRESSION)
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache));
        raw = RocksDB.open(options, directory.resolve("raw").toString());
        writeOptions = new WriteOptions().setDisableWAL(true);
        readOptions = new ReadOptions();
        keys = new Long[MASK + 1];
        rawKeys = new byte[MASK + 1][];
        rawValue = ByteBuffer.allocate(8).putLong(42).array();
        for (int k = 0; k <= MASK; k++) {
            keys[k] = (long) k;
            rawKeys[k] = ByteBuffer.allocate(8).putLong(k).array();
            if (k < KEYS) {
                state.put(keys[k], 42L);
                raw.put(writeOptions, rawKeys[k], rawValue);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        readOptions.close();
        writeOptions.close();
        raw.close();
        options.close();
        cache.close();
        backend.close();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private int next() {
        return i = (i + 1) & MASK;
    }

    /** ROCKS-001: get through the engine's backend. */
    @Benchmark
    public Long get() {
        return state.get(keys[next()]);
    }

    /** ROCKS-002: put through the engine's backend. */
    @Benchmark
    public void put() {
        state.put(keys[next()], 7L);
    }

    /** Peer: raw rocksdbjni get, same options, pre-serialized keys. */
    @Benchmark
    public byte[] rawGet() throws RocksDBException {
        return raw.get(readOptions, rawKeys[next()]);
    }

    /** Peer: raw rocksdbjni put. */
    @Benchmark
    public void rawPut() throws RocksDBException {
        raw.put(writeOptions, rawKeys[next()], rawValue);
    }
}
