package io.sabot.engine.state;

import java.nio.file.Path;
import java.util.Objects;

/**
 * RocksDB tuning, chosen for state that is checkpointed by the engine itself.
 *
 * @param directory        working directory of the database (owned by the backend, wiped on restore)
 * @param disableWal       the engine's checkpoints already make state durable, so the write-ahead log
 *                         only costs latency; turn it on if the backend must survive a crash by itself
 * @param blockCacheBytes  LRU block cache shared by all column families (reads of hot keys stay in memory)
 * @param writeBufferBytes memtable size per column family before a flush
 */
public record RocksDbConfig(Path directory, boolean disableWal, long blockCacheBytes, long writeBufferBytes) {

    public RocksDbConfig {
        Objects.requireNonNull(directory, "directory");
        if (blockCacheBytes <= 0) {
            throw new IllegalArgumentException("blockCacheBytes must be positive, was " + blockCacheBytes);
        }
        if (writeBufferBytes < 64 * 1024) {
            throw new IllegalArgumentException("writeBufferBytes must be at least 64 KiB, was " + writeBufferBytes);
        }
    }

    /** WAL off, 64 MiB block cache, 32 MiB write buffers. */
    public static RocksDbConfig defaults(Path directory) {
        return new RocksDbConfig(directory, true, 64L << 20, 32L << 20);
    }

    public RocksDbConfig withWal(boolean enabled) {
        return new RocksDbConfig(directory, !enabled, blockCacheBytes, writeBufferBytes);
    }
}
