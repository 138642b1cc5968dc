package io.sabot.engine.benchmarks;

import io.sabot.engine.checkpoint.CheckpointStorage;
import io.sabot.engine.checkpoint.CompletedCheckpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
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
 * Spec, checkpoint storage: a 100 MB snapshot written in under 100 ms, recovered in under 500 ms,
 * more than 100 checkpoints/s of a small state. Peer: a plain FileChannel write (with fsync) of the
 * same bytes, the floor any crash-safe write has to pay.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CheckpointStorageBenchmark {

    /** A 100 MB state: its snapshot files are rewritten before every measured write (not measured). */
    @State(Scope.Benchmark)
    public static class Large {
        @Param({"100"})
        public int megabytes;

        Path root;
        Path snapshot;
        CheckpointStorage storage;
        long nextId = 1;
        ByteBuffer bytes;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            root = Files.createTempDirectory("sabot-ckpt-bench");
            snapshot = root.resolve("snapshot");
            byte[] data = new byte[megabytes << 20];
            new Random(1).nextBytes(data);
            bytes = ByteBuffer.wrap(data);
            storage = new CheckpointStorage(root.resolve("checkpoints"), 1);
            freshSnapshot();
            storage.write(nextId++, snapshot, new byte[16]); // something to recover from
        }

        /** A state backend has just written its snapshot files (in the page cache, not yet durable). */
        @Setup(Level.Invocation)
        public void freshSnapshot() throws IOException {
            Files.createDirectories(snapshot);
            Files.write(snapshot.resolve("state.bin"), bytes.array());
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

    /** CKPT-005: make a 100 MB snapshot durable crash-safely (move, CRC32C, fsync, manifest, rename). */
    @Benchmark
    public CompletedCheckpoint writeSnapshot(Large large) throws IOException {
        return large.storage.write(large.nextId++, large.snapshot, new byte[16]);
    }

    /** Peer of CKPT-005: the same bytes written once with a FileChannel and forced to disk. */
    @Benchmark
    public long fileChannelWrite(Large large) throws IOException {
        Path file = large.root.resolve("peer.bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = large.bytes.duplicate();
            long written = 0;
            while (bytes.hasRemaining()) {
                written += channel.write(bytes);
            }
            channel.force(true);
            return written;
        }
    }

    /** CKPT-006: find and verify the latest checkpoint (every byte checksummed) before restoring it. */
    @Benchmark
    public Object recoverLatest(Large large) throws IOException {
        return large.storage.latest().checkpoint().orElseThrow();
    }

    /** CKPT-003: checkpoints per second of a small (64 KB) state. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public CompletedCheckpoint smallCheckpoint(Small small) throws IOException {
        return small.storage.write(small.nextId++, small.snapshot, new byte[16]);
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
