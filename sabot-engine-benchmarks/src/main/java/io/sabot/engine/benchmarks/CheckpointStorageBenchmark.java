package io.sabot.engine.benchmarks;

import io.sabot.engine.checkpoint.BackgroundCheckpointWriter;
import io.sabot.engine.checkpoint.CheckpointStorage;
import io.sabot.engine.checkpoint.CompletedCheckpoint;
import io.sabot.engine.state.BackendConfig;
import io.sabot.engine.state.KeyValueState;
import io.sabot.engine.state.MemoryStateBackend;
import io.sabot.engine.state.Serializers;
import io.sabot.engine.state.StateDescriptor;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A checkpoint of a large state, in its three parts, each with a setup of its own (JMH sets up
 * only the states of the benchmark it runs):
 *
 * <ul>
 *   <li>{@link #memorySnapshot} (spec: a 100 MB state snapshot under 100 ms): the synchronous
 *       phase, the time processing pauses for. {@code MemoryStateBackend.snapshot} of 100 MB in
 *       ~1 KB entries, as the spec's test fills its backend (102,400 string keys and values).</li>
 *   <li>{@link #storeCheckpoint} against {@link #diskFloor}: the asynchronous phase, what
 *       {@code BackgroundCheckpointWriter} does while processing goes on (move, CRC32C, fsync,
 *       manifest, atomic rename, retention), measured against the least any durable store of the
 *       same bytes pays: forcing them to disk right after they were written.</li>
 *   <li>{@link #recoverLatest} (spec: recovery of 100 MB under 500 ms): find and verify the latest
 *       checkpoint and restore its state into a fresh backend, with the checkpoint's files in the
 *       page cache ({@code cache=warm}: the spec's test, and a restart on the same machine) or
 *       evicted from it before every recovery ({@code cache=cold}: a restart after the machine
 *       lost its page cache).</li>
 * </ul>
 *
 * Also {@link #smallCheckpoint}: durable checkpoints per second of a small state (beyond the spec,
 * whose checkpoints-per-second test times the trigger only: {@code CheckpointBenchmark}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CheckpointStorageBenchmark {

    static final StateDescriptor<String, String> STATE = new StateDescriptor<>("test-state", Serializers.STRING, Serializers.STRING);
    static final int ENTRY_BYTES = 1024;

    /** The spec's state: {@code megabytes * 1024} entries of a 14-character key and a 1,024-character value. */
    static MemoryStateBackend largeState(int megabytes) {
        MemoryStateBackend backend = new MemoryStateBackend(BackendConfig.unbounded());
        KeyValueState<String, String> state = backend.state(STATE);
        for (int i = 0; i < megabytes * 1024; i++) {
            String number = tenDigits(i);
            state.put("key_" + number, ("value_" + number).repeat(ENTRY_BYTES / 16));
        }
        return backend;
    }

    /**
     * {@code String.format("%010d", n)} for n >= 0, without the formatter: its 204,800 formats cost each cold
     * fork that builds the state about 0.7 s of set-up (measured in docs/test-command-time.md).
     */
    static String tenDigits(int n) {
        String digits = Integer.toString(n);
        return "0".repeat(10 - digits.length()) + digits;
    }

    /** The spec's state on the heap; a snapshot directory that is empty before every snapshot. */
    @State(Scope.Benchmark)
    public static class Snapshot {
        @Param({"100"})
        public int megabytes;

        Path root;
        Path directory;
        MemoryStateBackend backend;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            root = Files.createTempDirectory("sabot-snapshot-bench");
            directory = root.resolve("snapshot");
            backend = largeState(megabytes);
        }

        /**
         * The previous snapshot is deleted before it is written back (its pages are still dirty:
         * deleting drops them), so every snapshot writes into the page cache of an idle disk.
         */
        @Setup(Level.Invocation)
        public void emptyDirectory() throws IOException {
            deleteTree(directory);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            backend.close();
            deleteTree(root);
        }
    }

    /** The checkpoint store, given before every write the snapshot files a backend has just written. */
    @State(Scope.Benchmark)
    public static class Store {
        @Param({"100"})
        public int megabytes;

        Path root;
        Path snapshot;
        BackgroundCheckpointWriter writer;
        long nextId = 1;
        byte[] bytes;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            root = Files.createTempDirectory("sabot-store-bench");
            snapshot = root.resolve("snapshot");
            bytes = randomBytes(megabytes);
            writer = new BackgroundCheckpointWriter(new CheckpointStorage(root.resolve("checkpoints"), 1));
        }

        /** A state backend has just written its snapshot file: in the page cache, not yet durable. */
        @Setup(Level.Invocation)
        public void freshSnapshot() throws IOException {
            Files.createDirectories(snapshot);
            Files.write(snapshot.resolve("state.bin"), bytes);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            writer.close();
            deleteTree(root);
        }
    }

    /** The same bytes as {@link Store}'s, written fresh to a file of their own before every force. */
    @State(Scope.Benchmark)
    public static class Floor {
        @Param({"100"})
        public int megabytes;

        Path root;
        Path file;
        byte[] bytes;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            root = Files.createTempDirectory("sabot-floor-bench");
            file = root.resolve("floor.bin");
            bytes = randomBytes(megabytes);
        }

        /**
         * The previous file is deleted and the deletion made durable first (forcing the directory
         * commits it), so the measured force writes this file and does not also commit the
         * previous one's deletion.
         */
        @Setup(Level.Invocation)
        public void freshFile() throws IOException {
            Files.deleteIfExists(file);
            try (FileChannel dir = FileChannel.open(root, StandardOpenOption.READ)) {
                dir.force(true);
            }
            Files.write(file, bytes);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            deleteTree(root);
        }
    }

    /** One checkpoint of the spec's state, stored once; for a cold recovery its files leave the page cache before each one. */
    @State(Scope.Benchmark)
    public static class Recovery {
        @Param({"100"})
        public int megabytes;

        @Param({"warm", "cold"})
        public String cache;

        Path root;
        CheckpointStorage storage;
        List<Path> files;
        long entries;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            root = Files.createTempDirectory("sabot-recovery-bench");
            storage = new CheckpointStorage(root.resolve("checkpoints"), 1);
            Path scratch = root.resolve("snapshot");
            MemoryStateBackend source = largeState(megabytes);
            entries = source.statistics().entries();
            source.snapshot(scratch);
            source.close();
            CompletedCheckpoint checkpoint = storage.write(1, scratch, new byte[16]);
            try (Stream<Path> walk = Files.walk(checkpoint.directory())) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            MemoryStateBackend restored = recover(storage);
            if (restored.statistics().entries() != entries) {
                throw new IllegalStateException("recovery restored " + restored.statistics().entries() + " of " + entries + " entries");
            }
            restored.close();
        }

        @Setup(Level.Invocation)
        public void pageCache() throws IOException, InterruptedException {
            if (cache.equals("cold")) {
                for (Path file : files) {
                    evictFromPageCache(file);
                }
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            deleteTree(root);
        }
    }

    /** A 64 KB state checkpointed as often as possible. */
    @State(Scope.Benchmark)
    public static class Small {
        Path root;
        Path snapshot;
        CheckpointStorage storage;
        long nextId = 1;
        final byte[] bytes = new byte[64 * 1024];

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            root = Files.createTempDirectory("sabot-ckpt-small");
            snapshot = root.resolve("snapshot");
            storage = new CheckpointStorage(root.resolve("checkpoints"), 2);
        }

        @Setup(Level.Invocation)
        public void freshSnapshot() throws IOException {
            Files.createDirectories(snapshot);
            Files.write(snapshot.resolve("state.bin"), bytes);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            deleteTree(root);
        }
    }

    /** CKPT-005: the synchronous phase of a checkpoint: snapshot 100 MB of heap state (~1 KB entries) into files. */
    @Benchmark
    public Path memorySnapshot(Snapshot s) throws IOException {
        s.backend.snapshot(s.directory);
        return s.directory;
    }

    /** CKPT-007: the asynchronous phase: store a fresh 100 MB snapshot durably, on the background writer as the pipeline does. */
    @Benchmark
    public CompletedCheckpoint storeCheckpoint(Store s) throws IOException {
        s.writer.start(s.nextId++, s.snapshot, new byte[16]);
        return s.writer.await();
    }

    /** Peer of CKPT-007, the disk's floor: force to disk the same bytes, just written to a new file. */
    @Benchmark
    public long diskFloor(Floor f) throws IOException {
        try (FileChannel channel = FileChannel.open(f.file, StandardOpenOption.WRITE)) {
            channel.force(true);
            return channel.size();
        }
    }

    /** CKPT-006: find and verify the latest checkpoint (every byte checksummed), restore its state into a fresh backend. */
    @Benchmark
    public MemoryStateBackend recoverLatest(Recovery r) throws IOException {
        return recover(r.storage);
    }

    /** CKPT-003-D: durable checkpoints per second of a small (64 KB) state. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public CompletedCheckpoint smallCheckpoint(Small small) throws IOException {
        return small.storage.write(small.nextId++, small.snapshot, new byte[16]);
    }

    /** What a restarting job does with its state: the latest intact checkpoint, restored into an empty backend. */
    static MemoryStateBackend recover(CheckpointStorage storage) throws IOException {
        CompletedCheckpoint checkpoint = storage.latest().checkpoint().orElseThrow();
        MemoryStateBackend backend = new MemoryStateBackend(BackendConfig.unbounded());
        backend.state(STATE); // registered first, as a job's operators do: restore deserializes into it
        backend.restore(checkpoint.stateDirectory());
        return backend;
    }

    static byte[] randomBytes(int megabytes) {
        byte[] data = new byte[megabytes << 20];
        new Random(1).nextBytes(data);
        return data;
    }

    /**
     * Drops the file's (clean) pages from the page cache with {@code posix_fadvise(DONTNEED)}, through
     * GNU dd ({@code iflag=nocache}); the JDK has no call for it. Directory entries and inodes stay
     * cached.
     */
    static void evictFromPageCache(Path file) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("dd", "if=" + file, "iflag=nocache", "count=0", "status=none"));
        Process dd;
        try {
            dd = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cache=cold needs GNU dd (coreutils) to evict files from the page cache: " + e.getMessage(), e);
        }
        String output = new String(dd.getInputStream().readAllBytes());
        if (dd.waitFor() != 0) {
            throw new IOException("cache=cold: " + String.join(" ", command) + " failed (GNU dd with iflag=nocache needed): " + output);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
