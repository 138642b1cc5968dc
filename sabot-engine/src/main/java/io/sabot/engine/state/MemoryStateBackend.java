package io.sabot.engine.state;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Keyed state on the heap. Objects are kept as they are (no serialization on the hot path); the
 * serializers are used only for snapshots. Each namespace is an access-ordered hash map, so get and
 * put are O(1), a hit allocates nothing, and the least recently used entry is evicted first once a
 * namespace holds {@link BackendConfig#maxEntriesPerNamespace()} entries. With a TTL, entries expire
 * that long after their last write: lazily when read, or all at once by {@link #expireNow()}.
 *
 * <p>Not thread-safe: like the state of a stream task, one backend belongs to one task thread. For
 * several threads sharing state use {@link StripedMemoryStateBackend}.
 */
public final class MemoryStateBackend implements StateBackend {

    static final int SNAPSHOT_MAGIC = 0x5AB0_57A7;
    private static final int SNAPSHOT_VERSION = 1;

    private final BackendConfig config;
    private final long ttlNanos;
    private final Map<String, Namespace<?, ?>> namespaces = new HashMap<>();
    /** Restored namespaces not yet claimed by a descriptor, kept as bytes until their serializers are known. */
    private final Map<String, List<RawEntry>> pendingRestore = new HashMap<>();
    private long hits;
    private long misses;
    private long evictions;
    private long expirations;
    private boolean closed;

    public MemoryStateBackend(BackendConfig config) {
        this.config = config;
        this.ttlNanos = config.ttl().toNanos();
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

    /** Removes every expired entry now; returns how many expired. */
    public int expireNow() {
        checkOpen();
        if (!config.expires()) {
            return 0;
        }
        long now = config.clock().getAsLong();
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
            ns.map.clear();
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
            entries += ns.map.size();
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
        return ttlNanos == 0 ? Long.MAX_VALUE : config.clock().getAsLong() + ttlNanos;
    }

    /** One value with its expiry time; updated in place so an overwrite does not allocate. */
    private static final class Slot<V> {
        V value;
        long expiresAt;

        Slot(V value, long expiresAt) {
            this.value = value;
            this.expiresAt = expiresAt;
        }
    }

    private record RawEntry(byte[] key, byte[] value, long remainingTtlNanos) {
    }

    private final class Namespace<K, V> implements KeyValueState<K, V> {
        final StateDescriptor<K, V> descriptor;
        final LinkedHashMap<K, Slot<V>> map;

        Namespace(StateDescriptor<K, V> descriptor) {
            this.descriptor = descriptor;
            int max = config.maxEntriesPerNamespace();
            this.map = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<K, Slot<V>> eldest) {
                    if (size() > max) {
                        evictions++;
                        return true;
                    }
                    return false;
                }
            };
        }

        @Override
        public V get(K key) {
            checkOpen();
            Slot<V> slot = map.get(key);
            if (slot == null) {
                misses++;
                return null;
            }
            if (slot.expiresAt != Long.MAX_VALUE && config.clock().getAsLong() >= slot.expiresAt) {
                map.remove(key);
                expirations++;
                misses++;
                return null;
            }
            hits++;
            return slot.value;
        }

        @Override
        public void put(K key, V value) {
            checkOpen();
            if (value == null) {
                throw new IllegalArgumentException("null values are not stored; use delete(key)");
            }
            Slot<V> slot = map.get(key);
            if (slot != null) {
                slot.value = value;
                slot.expiresAt = expiryFromNow();
            } else {
                map.put(key, new Slot<>(value, expiryFromNow()));
            }
        }

        @Override
        public void delete(K key) {
            checkOpen();
            map.remove(key);
        }

        @Override
        public boolean contains(K key) {
            checkOpen();
            Slot<V> slot = map.get(key);
            return slot != null && (slot.expiresAt == Long.MAX_VALUE || config.clock().getAsLong() < slot.expiresAt);
        }

        @Override
        public void scan(BiConsumer<? super K, ? super V> visitor) {
            checkOpen();
            long now = config.expires() ? config.clock().getAsLong() : 0;
            // Iterate a copy: the visitor may read state, which reorders an access-ordered map.
            for (Map.Entry<K, Slot<V>> e : new ArrayList<>(map.entrySet())) {
                if (e.getValue().expiresAt == Long.MAX_VALUE || now < e.getValue().expiresAt) {
                    visitor.accept(e.getKey(), e.getValue().value);
                }
            }
        }

        int expire(long now) {
            int expired = 0;
            for (Iterator<Slot<V>> it = map.values().iterator(); it.hasNext(); ) {
                if (now >= it.next().expiresAt) {
                    it.remove();
                    expired++;
                }
            }
            expirations += expired;
            return expired;
        }

        /** Least recently used first, so a restore rebuilds the same eviction order. */
        void write(Path file) throws IOException {
            long now = config.expires() ? config.clock().getAsLong() : 0;
            List<RawEntry> entries = new ArrayList<>(map.size());
            for (Map.Entry<K, Slot<V>> e : map.entrySet()) {
                long remaining = e.getValue().expiresAt == Long.MAX_VALUE ? -1 : e.getValue().expiresAt - now;
                if (remaining == -1 || remaining > 0) {
                    entries.add(new RawEntry(descriptor.keySerializer().serialize(e.getKey()),
                            descriptor.valueSerializer().serialize(e.getValue().value), remaining));
                }
            }
            writeRaw(file, descriptor.namespace(), entries);
        }

        void load(List<RawEntry> entries) {
            long now = config.expires() ? config.clock().getAsLong() : 0;
            for (RawEntry e : entries) {
                long expiresAt = e.remainingTtlNanos() < 0 || !config.expires() ? Long.MAX_VALUE : now + e.remainingTtlNanos();
                map.put(descriptor.keySerializer().deserialize(e.key()),
                        new Slot<>(descriptor.valueSerializer().deserialize(e.value()), expiresAt));
            }
        }
    }

    private static void writeRaw(Path file, String namespace, List<RawEntry> entries) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(SNAPSHOT_MAGIC);
            out.writeInt(SNAPSHOT_VERSION);
            out.writeUTF(namespace);
            out.writeInt(entries.size());
            for (RawEntry e : entries) {
                out.writeInt(e.key().length);
                out.write(e.key());
                out.writeInt(e.value().length);
                out.write(e.value());
                out.writeLong(e.remainingTtlNanos());
            }
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
