package io.sabot.engine.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Keyed state in RocksDB: one column family per namespace, keys and values serialized on every
 * access. Snapshots use RocksDB's native {@link Checkpoint} (hard links of the immutable SST files,
 * so a snapshot costs little more than a flush). Every native object is owned here and closed in
 * {@link #close()}, in reverse order of creation.
 *
 * <p>Single-owner, like {@link MemoryStateBackend}: one backend per task thread.
 */
public final class RocksDbStateBackend implements StateBackend {

    static {
        RocksDB.loadLibrary();
    }

    private static final String CHECKPOINT_SUBDIRECTORY = "rocksdb";

    private final RocksDbConfig config;
    private final LRUCache blockCache;
    private final ColumnFamilyOptions columnOptions;
    private final DBOptions dbOptions;
    private final WriteOptions writeOptions;
    private final ReadOptions readOptions;
    private final Map<String, Column<?, ?>> columns = new HashMap<>();
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private RocksDB db;
    private long hits;
    private long misses;
    private boolean closed;

    public RocksDbStateBackend(RocksDbConfig config) throws IOException {
        this.config = config;
        this.blockCache = new LRUCache(config.blockCacheBytes());
        BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(blockCache);
        this.columnOptions = new ColumnFamilyOptions()
                .setTableFormatConfig(table)
                .setWriteBufferSize(config.writeBufferBytes())
                .setCompressionType(CompressionType.NO_COMPRESSION); // latency over disk space
        this.dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        this.writeOptions = new WriteOptions().setDisableWAL(config.disableWal());
        this.readOptions = new ReadOptions();
        try {
            Files.createDirectories(config.directory());
            open();
        } catch (RocksDBException | IOException e) {
            closeNative();
            throw new IOException("cannot open RocksDB in " + config.directory() + ": " + e.getMessage(), e);
        }
    }

    private void open() throws RocksDBException {
        List<byte[]> existing;
        try (Options options = new Options()) {
            existing = RocksDB.listColumnFamilies(options, config.directory().toString());
        }
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions));
        for (byte[] name : existing) {
            if (!new String(name, StandardCharsets.UTF_8).equals("default")) {
                descriptors.add(new ColumnFamilyDescriptor(name, columnOptions));
            }
        }
        List<ColumnFamilyHandle> opened = new ArrayList<>();
        db = RocksDB.open(dbOptions, config.directory().toString(), descriptors, opened);
        handles.addAll(opened);
        for (int i = 1; i < descriptors.size(); i++) {
            String name = new String(descriptors.get(i).getName(), StandardCharsets.UTF_8);
            Column<?, ?> column = columns.get(name);
            if (column != null) {
                column.handle = opened.get(i);
            } else {
                orphanHandles.put(name, opened.get(i));
            }
        }
    }

    /** Column families found on disk whose descriptor has not been registered yet. */
    private final Map<String, ColumnFamilyHandle> orphanHandles = new HashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> KeyValueState<K, V> state(StateDescriptor<K, V> descriptor) {
        checkOpen();
        Column<?, ?> existing = columns.get(descriptor.namespace());
        if (existing != null) {
            if (!existing.descriptor.equals(descriptor)) {
                throw new IllegalArgumentException("namespace '" + descriptor.namespace()
                        + "' is already registered with other serializers");
            }
            return (KeyValueState<K, V>) existing;
        }
        ColumnFamilyHandle handle = orphanHandles.remove(descriptor.namespace());
        if (handle == null) {
            try {
                handle = db.createColumnFamily(new ColumnFamilyDescriptor(
                        descriptor.namespace().getBytes(StandardCharsets.UTF_8), columnOptions));
            } catch (RocksDBException e) {
                throw new IllegalStateException("cannot create column family '" + descriptor.namespace() + "': " + e.getMessage(), e);
            }
            handles.add(handle);
        }
        Column<K, V> column = new Column<>(descriptor, handle);
        columns.put(descriptor.namespace(), column);
        return column;
    }

    /** Writes several entries of one namespace atomically in one {@link WriteBatch}. */
    @Override
    public <K, V> void putAll(StateDescriptor<K, V> descriptor, Map<K, V> entries) {
        Column<K, V> column = column(descriptor);
        try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<K, V> e : entries.entrySet()) {
                batch.put(column.handle, descriptor.keySerializer().serialize(e.getKey()),
                        descriptor.valueSerializer().serialize(e.getValue()));
            }
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("batch write to '" + descriptor.namespace() + "' failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean serializesOnAccess() {
        return true;
    }

    @SuppressWarnings("unchecked")
    private <K, V> Column<K, V> column(StateDescriptor<K, V> descriptor) {
        return (Column<K, V>) state(descriptor);
    }

    @Override
    public void snapshot(Path emptyDirectory) throws IOException {
        checkOpen();
        Files.createDirectories(emptyDirectory);
        Path target = emptyDirectory.resolve(CHECKPOINT_SUBDIRECTORY);
        try (Checkpoint checkpoint = Checkpoint.create(db)) {
            checkpoint.createCheckpoint(target.toString());
        } catch (RocksDBException e) {
            throw new IOException("RocksDB checkpoint into " + target + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void restore(Path snapshotDirectory) throws IOException {
        checkOpen();
        Path source = snapshotDirectory.resolve(CHECKPOINT_SUBDIRECTORY);
        if (!Files.isDirectory(source)) {
            throw new IOException(snapshotDirectory + " holds no RocksDB checkpoint (missing " + CHECKPOINT_SUBDIRECTORY + "/)");
        }
        closeDatabase();
        deleteRecursively(config.directory());
        copyRecursively(source, config.directory());
        try {
            open();
        } catch (RocksDBException e) {
            throw new IOException("cannot reopen RocksDB from the checkpoint " + source + ": " + e.getMessage(), e);
        }
        for (Column<?, ?> column : columns.values()) {
            if (!handles.contains(column.handle) || column.handle == null) {
                // The snapshot did not have this namespace: it restores as empty.
                try {
                    column.handle = db.createColumnFamily(new ColumnFamilyDescriptor(
                            column.descriptor.namespace().getBytes(StandardCharsets.UTF_8), columnOptions));
                    handles.add(column.handle);
                } catch (RocksDBException e) {
                    throw new IOException("cannot recreate column family '" + column.descriptor.namespace() + "'", e);
                }
            }
        }
    }

    @Override
    public StateStatistics statistics() {
        long entries = 0;
        for (Column<?, ?> column : columns.values()) {
            try {
                entries += db.getLongProperty(column.handle, "rocksdb.estimate-num-keys");
            } catch (RocksDBException e) {
                // an estimate only; leave it out
            }
        }
        return new StateStatistics(hits, misses, 0, 0, entries);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeNative();
    }

    private void closeNative() {
        closeDatabase();
        readOptions.close();
        writeOptions.close();
        dbOptions.close();
        columnOptions.close();
        blockCache.close();
    }

    /** Handles before the database, as RocksDB requires. */
    private void closeDatabase() {
        for (ColumnFamilyHandle handle : handles) {
            handle.close();
        }
        handles.clear();
        orphanHandles.clear();
        for (Column<?, ?> column : columns.values()) {
            column.handle = null;
        }
        if (db != null) {
            db.close();
            db = null;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("state backend is closed");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private final class Column<K, V> implements KeyValueState<K, V> {
        final StateDescriptor<K, V> descriptor;
        ColumnFamilyHandle handle;

        Column(StateDescriptor<K, V> descriptor, ColumnFamilyHandle handle) {
            this.descriptor = descriptor;
            this.handle = handle;
        }

        @Override
        public V get(K key) {
            checkOpen();
            try {
                byte[] bytes = db.get(handle, readOptions, descriptor.keySerializer().serialize(key));
                if (bytes == null) {
                    misses++;
                    return null;
                }
                hits++;
                return descriptor.valueSerializer().deserialize(bytes);
            } catch (RocksDBException e) {
                throw new IllegalStateException("RocksDB get from '" + descriptor.namespace() + "' failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void put(K key, V value) {
            checkOpen();
            try {
                db.put(handle, writeOptions, descriptor.keySerializer().serialize(key), descriptor.valueSerializer().serialize(value));
            } catch (RocksDBException e) {
                throw new IllegalStateException("RocksDB put to '" + descriptor.namespace() + "' failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void delete(K key) {
            checkOpen();
            try {
                db.delete(handle, writeOptions, descriptor.keySerializer().serialize(key));
            } catch (RocksDBException e) {
                throw new IllegalStateException("RocksDB delete in '" + descriptor.namespace() + "' failed: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean contains(K key) {
            checkOpen();
            try {
                return db.get(handle, readOptions, descriptor.keySerializer().serialize(key)) != null;
            } catch (RocksDBException e) {
                throw new IllegalStateException("RocksDB get from '" + descriptor.namespace() + "' failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void scan(BiConsumer<? super K, ? super V> visitor) {
            checkOpen();
            try (RocksIterator it = db.newIterator(handle, readOptions)) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    visitor.accept(descriptor.keySerializer().deserialize(it.key()), descriptor.valueSerializer().deserialize(it.value()));
                }
            }
        }
    }
}
