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
@State(Scope.Benchmark)
public class CheckpointStorageBenchmark {

    @Param({"100"})
    public int megabytes;

    private Path root;
    private Path snapshot;
    private Path small;
    private CheckpointStorage storage;
    private CheckpointStorage smallStorage;
    private long nextId = 1;
    private long nextSmallId = 1;
    private ByteBuffer bytes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        root = Files.createTempDirectory("sabot-ckpt-bench");
        snapshot = Files.createDirectories(root.resolve("snapshot"));
        byte[] data = new byte[megabytes << 20];
        new Random(1).nextBytes(data);
        Files.write(snapshot.resolve("state.bin"), data);
        bytes = ByteBuffer.wrap(data);
        small = Files.createDirectories(root.resolve("small"));
        Files.write(small.resolve("state.bin"), new byte[64 * 1024]);
        storage = new CheckpointStorage(root.resolve("checkpoints"), 1);
        smallStorage = new CheckpointStorage(root.resolve("small-checkpoints"), 2);
        storage.write(nextId++, snapshot, new byte[16]); // something to recover from
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** CKPT-005: write a 100 MB snapshot crash-safely (copy, CRC32C, fsync, manifest, rename). */
    @Benchmark
    public CompletedCheckpoint writeSnapshot() throws IOException {
        return storage.write(nextId++, snapshot, new byte[16]);
    }

    /** Peer of CKPT-005: the same bytes written once with a FileChannel and forced to disk. */
    @Benchmark
    public long fileChannelWrite() throws IOException {
        Path file = root.resolve("peer.bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            bytes.rewind();
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
    public Object recoverLatest() throws IOException {
        return storage.latest().checkpoint().orElseThrow();
    }

    /** CKPT-003: checkpoints per second of a small (64 KB) state. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public CompletedCheckpoint smallCheckpoint() throws IOException {
        return smallStorage.write(nextSmallId++, small, new byte[16]);
    }
}
