package io.sabot.engine.state;

import io.sabot.engine.state.ClockTable.Entry;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Keyed state on the heap. Objects are kept as they are (no serialization on the hot path); the
 * serializers are used only for snapshots. Each namespace is a hash map from key to entry, so get and
 * put are O(1) and a hit allocates nothing.
 *
 * <p>Eviction: once a namespace holds {@link BackendConfig#maxEntriesPerNamespace()} entries, a new
 * key evicts one entry chosen by CLOCK (second chance), an approximation of least recently used: the
 * entries sit on a ring swept by a hand; a read or overwrite marks an entry as referenced; the hand
 * clears marks as it passes and evicts the first unmarked entry. So an entry read since the hand last
 * passed it is never the one evicted, but among unread entries the victim is the next on the ring,
 * not necessarily the least recently used one. Exact LRU would relink a list node on every hit,
 * which costs a get several cache misses; a mark is one store to the entry the get already reads.
 *
 * <p>TTL: entries expire that long after their last write: lazily when read, or all at once by
 * {@link #expireNow()}. With {@link BackendConfig.ExpiryCheck#TICKED} (the default) a read may still
 * return an entry up to about one 1 ms tick after its expiry; see that constant.
 *
 * <p>Snapshots keep each namespace's ring order starting at the hand, so a restore rebuilds the same
 * eviction order; the referenced marks are not kept (every restored entry starts unmarked).
 *
 * <p>Not thread-safe: like the state of a stream task, one backend belongs to one task thread. For
 * several threads sharing state use {@link StripedMemoryStateBackend}.
 */
public final class MemoryStateBackend implements StateBackend {

    static final int SNAPSHOT_MAGIC = 0x5AB0_57A7;
    private static final int SNAPSHOT_VERSION = 1;
    /** Snapshot files are written in chunks of this size (one {@code write} call each). */
    static final int SNAPSHOT_BUFFER_BYTES = 1 << 20;
    private static final ThreadLocal<ByteBuffer> SNAPSHOT_BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(SNAPSHOT_BUFFER_BYTES));

    private final BackendConfig config;
    private final long ttlNanos;
    private final LongSupplier clock;
    /** Null when reads read the clock every time (EXACT) or nothing expires. */
    private final ExpiryTicker ticker;
    private final Map<String, Namespace<?, ?>> namespaces = new HashMap<>();
    /** Restored namespaces not yet claimed by a descriptor, kept as bytes until their serializers are known. */
    private final Map<String, List<RawEntry>> pendingRestore = new HashMap<>();
    /** The clock value reads use, and the ticker count when it was read (TICKED only). */
    private long readNow;
    private long readNowTick = -1;
    private long hits;
    private long misses;
    private long evictions;
    private long expirations;
    private boolean closed;

    public MemoryStateBackend(BackendConfig config) {
        // The shared ticker thread starts only once a backend's reads will use it.
        this(config, readsUseTicker(config) ? ExpiryTicker.shared() : null);
    }

    /** Tests pass a manual ticker; it is ignored unless reads use one. */
    MemoryStateBackend(BackendConfig config, ExpiryTicker ticker) {
        this.config = config;
        this.ttlNanos = config.ttl().toNanos();
        this.clock = config.clock();
        this.ticker = readsUseTicker(config) ? Objects.requireNonNull(ticker, "ticker") : null;
    }

    private static boolean readsUseTicker(BackendConfig config) {
        return config.expires() && config.expiryCheck() == BackendConfig.ExpiryCheck.TICKED;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> KeyValueState<K, V> state(StateDescriptor<K, V> descriptor) {
        checkOpen();
        Namespace<?, ?> existing = namespaces.get(descriptor.namespace());
        if (existing != null) {
            if (!existing.descriptor.equals(descriptor)) {
                throw new IllegalArgumentException("namespace '" + descriptor.namespace()
                        + "' is already registered with other serializers");
            }
            return (KeyValueState<K, V>) existing;
        }
        Namespace<K, V> created = new Namespace<>(descriptor);
        namespaces.put(descriptor.namespace(), created);
        List<RawEntry> raw = pendingRestore.remove(descriptor.namespace());
        if (raw != null) {
            created.load(raw);
        }
        return created;
    }

    /** Removes every expired entry now (reading the clock exactly); returns how many expired. */
    public int expireNow() {
        checkOpen();
        if (!config.expires()) {
            return 0;
        }
        long now = clock.getAsLong();
        int expired = 0;
        for (Namespace<?, ?> ns : namespaces.values()) {
            expired += ns.expire(now);
        }
        return expired;
    }

    @Override
    public void snapshot(Path emptyDirectory) throws IOException {
        checkOpen();
        Files.createDirectories(emptyDirectory);
        int index = 0;
        for (Namespace<?, ?> ns : namespaces.values()) {
            ns.write(emptyDirectory.resolve("namespace-" + index++ + ".state"));
        }
        for (Map.Entry<String, List<RawEntry>> pending : pendingRestore.entrySet()) {
            writeRaw(emptyDirectory.resolve("namespace-" + index++ + ".state"), pending.getKey(), pending.getValue());
        }
    }

    @Override
    public void restore(Path snapshotDirectory) throws IOException {
        checkOpen();
        Map<String, List<RawEntry>> restored = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(snapshotDirectory, "namespace-*.state")) {
            for (Path file : files) {
                readRaw(file, restored);
            }
        }
        for (Namespace<?, ?> ns : namespaces.values()) {
            ns.clear();
        }
        pendingRestore.clear();
        for (Map.Entry<String, List<RawEntry>> e : restored.entrySet()) {
            Namespace<?, ?> ns = namespaces.get(e.getKey());
            if (ns != null) {
                ns.load(e.getValue());
            } else {
                pendingRestore.put(e.getKey(), e.getValue());
            }
        }
    }

    @Override
    public StateStatistics statistics() {
        long entries = 0;
        for (Namespace<?, ?> ns : namespaces.values()) {
            entries += ns.size();
        }
        return new StateStatistics(hits, misses, evictions, expirations, entries);
    }

    @Override
    public void close() {
        closed = true;
        namespaces.clear();
        pendingRestore.clear();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("state backend is closed");
        }
    }

    private long expiryFromNow() {
        return ttlNanos == 0 ? Long.MAX_VALUE : clock.getAsLong() + ttlNanos;
    }

    /**
     * The time a read judges expiry by. TICKED re-reads the clock only when the ticker has moved
     * since the last reading, so the value is at most about one tick old and never ahead of the clock.
     */
    private long readTime() {
        if (ticker == null) {
            return clock.getAsLong();
        }
        long tick = ticker.ticks();
        if (tick != readNowTick) {
            readNowTick = tick;
            readNow = clock.getAsLong();
        }
        return readNow;
    }

    private record RawEntry(byte[] key, byte[] value, long remainingTtlNanos) {
    }

    /** A namespace is its table (subclassed, not wrapped: one object less to load on every get). */
    private final class Namespace<K, V> extends ClockTable<K, V> implements KeyValueState<K, V> {
        final StateDescriptor<K, V> descriptor;

        Namespace(StateDescriptor<K, V> descriptor) {
            super(config.maxEntriesPerNamespace());
            this.descriptor = descriptor;
        }

        @Override
        public V get(K key) {
            checkOpen();
            Entry<K, V> entry = find(key);
            if (entry == null) {
                misses++;
                return null;
            }
            if (entry.expiresAt != Long.MAX_VALUE && readTime() >= entry.expiresAt) {
                remove(entry);
                expirations++;
                misses++;
                return null;
            }
            ClockTable.markReferenced(entry);
            hits++;
            return entry.value;
        }

        @Override
        public void put(K key, V value) {
            checkOpen();
            if (value == null) {
                throw new IllegalArgumentException("null values are not stored; use delete(key)");
            }
            Entry<K, V> entry = find(key);
            if (entry != null) {
                entry.value = value;
                entry.expiresAt = expiryFromNow();
                ClockTable.markReferenced(entry);
            } else {
                insertCountingEvictions(key, value, expiryFromNow());
            }
        }

        @Override
        public void delete(K key) {
            checkOpen();
            Entry<K, V> entry = find(key);
            if (entry != null) {
                remove(entry);
            }
        }

        @Override
        public boolean contains(K key) {
            checkOpen();
            Entry<K, V> entry = find(key);
            if (entry == null || (entry.expiresAt != Long.MAX_VALUE && readTime() >= entry.expiresAt)) {
                return false;
            }
            ClockTable.markReferenced(entry);
            return true;
        }

        /** Visits the live entries in ring order from the hand (next eviction candidate first). */
        @Override
        public void scan(BiConsumer<? super K, ? super V> visitor) {
            checkOpen();
            long now = config.expires() ? clock.getAsLong() : 0;
            // Iterate a copy: the visitor may write or delete state, which moves entries on the ring.
            for (Entry<K, V> e : fromHand()) {
                if (e.expiresAt == Long.MAX_VALUE || now < e.expiresAt) {
                    visitor.accept(e.key, e.value);
                }
            }
        }

        private void insertCountingEvictions(K key, V value, long expiresAt) {
            if (insert(key, value, expiresAt) != null) {
                evictions++;
            }
        }

        int expire(long now) {
            int expired = 0;
            // From the end down: the entry moved into a removed place was already checked.
            for (int i = size() - 1; i >= 0; i--) {
                Entry<K, V> e = at(i);
                if (now >= e.expiresAt) {
                    remove(e);
                    expired++;
                }
            }
            expirations += expired;
            return expired;
        }

        /**
         * Ring order from the hand, so a restore rebuilds the same eviction order. Each entry is
         * serialized and copied straight into the backend's snapshot buffer (no list of serialized
         * entries is kept, so the snapshot's garbage dies young); the entry count is patched into
         * the header at the end.
         */
        void write(Path file) throws IOException {
            long now = config.expires() ? clock.getAsLong() : 0;
            TypeSerializer<K> keys = descriptor.keySerializer();
            TypeSerializer<V> values = descriptor.valueSerializer();
            try (SnapshotFile out = new SnapshotFile(file, snapshotBuffer(), descriptor.namespace())) {
                int size = size();
                int start = hand();
                for (int n = 0; n < size; n++) {
                    int i = start + n;
                    Entry<K, V> e = at(i < size ? i : i - size);
                    long remaining = e.expiresAt == Long.MAX_VALUE ? -1 : e.expiresAt - now;
                    if (remaining == -1 || remaining > 0) {
                        out.entry(keys.serialize(e.key), values.serialize(e.value), remaining);
                    }
                }
                out.finish();
            }
        }

        void load(List<RawEntry> entries) {
            long now = config.expires() ? clock.getAsLong() : 0;
            for (RawEntry e : entries) {
                long expiresAt = e.remainingTtlNanos() < 0 || !config.expires() ? Long.MAX_VALUE : now + e.remainingTtlNanos();
                K key = descriptor.keySerializer().deserialize(e.key());
                V value = descriptor.valueSerializer().deserialize(e.value());
                Entry<K, V> existing = find(key);
                if (existing != null) {
                    existing.value = value;
                    existing.expiresAt = expiresAt;
                } else {
                    insertCountingEvictions(key, value, expiresAt);
                }
            }
        }
    }

    private void writeRaw(Path file, String namespace, List<RawEntry> entries) throws IOException {
        try (SnapshotFile out = new SnapshotFile(file, snapshotBuffer(), namespace)) {
            for (RawEntry e : entries) {
                out.entry(e.key(), e.value(), e.remainingTtlNanos());
            }
            out.finish();
        }
    }

    /**
     * The buffer snapshot files are written through: one per snapshotting thread, not per backend,
     * so a striped backend (its stripes snapshotted one after another on the caller's thread) holds
     * one buffer, not one per stripe. A file is written completely before the next one starts.
     */
    private static ByteBuffer snapshotBuffer() {
        return SNAPSHOT_BUFFER.get();
    }

    /**
     * One namespace's snapshot file, written sequentially through a direct buffer with
     * {@link FileChannel#write}: magic, version, namespace (modified UTF-8, as
     * {@link DataOutputStream#writeUTF}), entry count, then per entry key length, key, value length,
     * value, remaining TTL in nanoseconds (-1: none). Big-endian, the layout {@code DataOutputStream}
     * wrote and {@link #readRaw} reads. The count is not known until the entries are written, so
     * it is patched in when the file is closed.
     */
    private static final class SnapshotFile implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer buffer;
        private final int countPosition;
        private final Path file;
        private boolean headerFlushed;
        private boolean finished;
        private int count;

        SnapshotFile(Path file, ByteBuffer buffer, String namespace) throws IOException {
            this.file = file;
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            this.buffer = buffer.clear();
            try {
                // At most 4 + 4 + 2 + 65,535 + 4 bytes: writeUTF refuses longer names, so the header fits the buffer.
                buffer.putInt(SNAPSHOT_MAGIC);
                buffer.putInt(SNAPSHOT_VERSION);
                byte[] name = modifiedUtf8(namespace);
                buffer.putShort((short) name.length);
                buffer.put(name);
                countPosition = buffer.position();
                buffer.putInt(0);
            } catch (IOException | RuntimeException e) {
                channel.close();
                Files.deleteIfExists(file);
                throw e;
            }
        }

        void entry(byte[] key, byte[] value, long remainingTtlNanos) throws IOException {
            ensure(Integer.BYTES);
            buffer.putInt(key.length);
            put(key);
            ensure(Integer.BYTES);
            buffer.putInt(value.length);
            put(value);
            ensure(Long.BYTES);
            buffer.putLong(remainingTtlNanos);
            count++;
        }

        private void put(byte[] bytes) throws IOException {
            if (bytes.length <= buffer.remaining()) {
                buffer.put(bytes);
                return;
            }
            flush();
            if (bytes.length <= buffer.remaining()) {
                buffer.put(bytes);
            } else {
                writeFully(ByteBuffer.wrap(bytes));
            }
        }

        private void ensure(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        private void flush() throws IOException {
            buffer.flip();
            writeFully(buffer);
            buffer.clear();
            headerFlushed = true;
        }

        private void writeFully(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        /** Writes what is buffered and the entry count; a file closed without it is deleted. */
        void finish() throws IOException {
            if (headerFlushed) {
                flush();
                ByteBuffer patch = ByteBuffer.allocate(Integer.BYTES).putInt(0, count);
                while (patch.hasRemaining()) {
                    channel.write(patch, countPosition + patch.position());
                }
            } else {
                buffer.putInt(countPosition, count);
                flush();
            }
            finished = true;
        }

        /** A file not finished (a serializer or a write failed) is removed, as no file was written before. */
        @Override
        public void close() throws IOException {
            channel.close();
            if (!finished) {
                Files.deleteIfExists(file);
            }
        }

        /** The bytes {@link DataOutputStream#writeUTF} writes after its length, checked the same way. */
        private static byte[] modifiedUtf8(String s) throws IOException {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(s.length() + 2);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(s);
            }
            byte[] withLength = bytes.toByteArray();
            return java.util.Arrays.copyOfRange(withLength, 2, withLength.length);
        }
    }

    private static void readRaw(Path file, Map<String, List<RawEntry>> into) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != SNAPSHOT_MAGIC) {
                throw new IOException(file + " is not a memory state snapshot (bad magic number)");
            }
            int version = in.readInt();
            if (version != SNAPSHOT_VERSION) {
                throw new IOException(file + " has snapshot version " + version + ", expected " + SNAPSHOT_VERSION);
            }
            String namespace = in.readUTF();
            int count = in.readInt();
            if (count < 0) {
                throw new IOException(file + " is corrupt: negative entry count");
            }
            List<RawEntry> entries = new ArrayList<>(Math.min(count, 1 << 20));
            for (int i = 0; i < count; i++) {
                entries.add(new RawEntry(readBytes(in, file), readBytes(in, file), in.readLong()));
            }
            into.put(namespace, entries);
        } catch (EOFException e) {
            throw new IOException(file + " is truncated", e);
        }
    }

    private static byte[] readBytes(DataInputStream in, Path file) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (1 << 28)) {
            throw new IOException(file + " is corrupt: record length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
