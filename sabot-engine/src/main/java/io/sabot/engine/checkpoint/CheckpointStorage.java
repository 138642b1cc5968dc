package io.sabot.engine.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Stores checkpoints so that a crash at any moment leaves only complete checkpoints behind, and
 * recovery finds the latest one that is intact.
 *
 * <p>Writing checkpoint N: every file goes into {@code chk-N.inprogress/} and is forced to disk with
 * its CRC32C computed on the way; then the {@code MANIFEST} (file list, sizes, checksums, and a
 * checksum of the manifest itself) is written and forced <em>last</em>; then the directory is renamed
 * atomically to {@code chk-N/} and the parent directory is forced. A directory without a valid
 * manifest, or whose files do not match it, is not a checkpoint. The last {@code retained} complete
 * checkpoints are kept.
 */
public final class CheckpointStorage {

    private static final System.Logger LOG = System.getLogger(CheckpointStorage.class.getName());
    static final String MANIFEST = "MANIFEST";
    static final String METADATA = "_metadata";
    static final String STATE = "state";
    private static final String MANIFEST_HEADER = "sabot-checkpoint 1";
    private static final Pattern COMPLETE = Pattern.compile("chk-(\\d+)");

    /** Crash-test pause points, in the order {@link #write} reaches them. */
    public static final String PAUSE_FILES_MOVED = "checkpoint.files-moved";
    public static final String PAUSE_BEFORE_MANIFEST = "checkpoint.before-manifest";
    public static final String PAUSE_TORN_MANIFEST = "checkpoint.torn-manifest";
    public static final String PAUSE_BEFORE_RENAME = "checkpoint.before-rename";
    public static final String PAUSE_BEFORE_RETENTION = "checkpoint.before-retention";

    private final Path root;
    private final int retained;

    public CheckpointStorage(Path root, int retained) throws IOException {
        if (retained <= 0) {
            throw new IllegalArgumentException("retained must be at least 1, was " + retained);
        }
        this.root = root;
        this.retained = retained;
        Files.createDirectories(root);
    }

    /**
     * Durably stores the state files in {@code snapshotDirectory} and {@code metadata} as checkpoint
     * {@code id}. The snapshot's files are moved into the checkpoint when they are on the same file
     * system (a rename: the bytes are not copied again), else copied; hard-linked files are always
     * copied, so that no two checkpoints share bytes. Either way the snapshot directory is consumed.
     */
    public CompletedCheckpoint write(long id, Path snapshotDirectory, byte[] metadata) throws IOException {
        Path inProgress = root.resolve("chk-" + id + ".inprogress");
        Path complete = root.resolve("chk-" + id);
        if (Files.exists(complete)) {
            throw new IOException("checkpoint " + id + " already exists in " + root);
        }
        deleteRecursively(inProgress);
        Files.createDirectories(inProgress);
        Path stateDir = inProgress.resolve(STATE);
        moveOrCopyTree(snapshotDirectory, stateDir);
        Files.write(inProgress.resolve(METADATA), metadata);
        PausePoint.reach(PAUSE_FILES_MOVED);

        StringBuilder manifest = new StringBuilder(MANIFEST_HEADER).append('\n').append("id ").append(id).append('\n');
        List<Path> files;
        try (Stream<Path> walk = Files.walk(inProgress)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            long crc = checksumAndForce(file);
            manifest.append("file ").append(Files.size(file)).append(' ').append(Long.toHexString(crc)).append(' ')
                    .append(inProgress.relativize(file).toString().replace('\\', '/')).append('\n');
        }
        PausePoint.reach(PAUSE_BEFORE_MANIFEST);
        CRC32C manifestCrc = new CRC32C();
        byte[] body = manifest.toString().getBytes(StandardCharsets.UTF_8);
        manifestCrc.update(body);
        writeAndForce(inProgress.resolve(MANIFEST), manifest.append("crc ").append(Long.toHexString(manifestCrc.getValue())).append('\n')
                .toString().getBytes(StandardCharsets.UTF_8));
        forceDirectory(inProgress);
        PausePoint.reach(PAUSE_BEFORE_RENAME);
        try {
            Files.move(inProgress, complete, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + root + " cannot rename atomically; checkpoints would not be crash-safe", e);
        }
        forceDirectory(root);
        PausePoint.reach(PAUSE_BEFORE_RETENTION);
        applyRetention();
        return new CompletedCheckpoint(id, complete, complete.resolve(STATE), metadata);
    }

    /** The latest intact checkpoint; newer broken ones are skipped with a logged reason. */
    public RecoveryResult latest() throws IOException {
        List<RecoveryResult.Skipped> skipped = new ArrayList<>();
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (name.endsWith(".inprogress")) {
                    skip(skipped, dir, "incomplete: the writer stopped before the checkpoint was finished");
                } else if (COMPLETE.matcher(name).matches()) {
                    candidates.add(dir);
                }
            }
        }
        candidates.sort(Comparator.comparingLong(CheckpointStorage::idOf).reversed());
        for (Path dir : candidates) {
            Optional<String> problem = verify(dir);
            if (problem.isPresent()) {
                skip(skipped, dir, problem.get());
                continue;
            }
            byte[] metadata = Files.readAllBytes(dir.resolve(METADATA));
            return new RecoveryResult(Optional.of(new CompletedCheckpoint(idOf(dir), dir, dir.resolve(STATE), metadata)), skipped);
        }
        return new RecoveryResult(Optional.empty(), skipped);
    }

    /**
     * Deletes the directories of checkpoints whose writer died before finishing them; they can never
     * become valid. Returns how many there were.
     */
    public int deleteIncomplete() throws IOException {
        List<Path> incomplete = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "*.inprogress")) {
            dirs.forEach(incomplete::add);
        }
        for (Path dir : incomplete) {
            deleteRecursively(dir);
        }
        return incomplete.size();
    }

    /** Ids of the complete checkpoint directories, oldest first (not verified). */
    public List<Long> checkpointIds() throws IOException {
        List<Long> ids = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                if (COMPLETE.matcher(dir.getFileName().toString()).matches()) {
                    ids.add(idOf(dir));
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    /** Checks the manifest's own checksum, then every file's size and checksum. */
    static Optional<String> verify(Path dir) throws IOException {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            return Optional.of("no MANIFEST: the checkpoint was never completed");
        }
        String text = Files.readString(manifestFile, StandardCharsets.ISO_8859_1);
        int crcLine = text.lastIndexOf("crc ");
        if (!text.startsWith(MANIFEST_HEADER) || crcLine < 0 || !text.endsWith("\n")) {
            return Optional.of("MANIFEST is truncated or not a checkpoint manifest");
        }
        CRC32C crc = new CRC32C();
        crc.update(text.substring(0, crcLine).getBytes(StandardCharsets.ISO_8859_1));
        String expected = text.substring(crcLine + 4).trim();
        if (!Long.toHexString(crc.getValue()).equals(expected)) {
            return Optional.of("MANIFEST checksum mismatch (corrupt manifest)");
        }
        for (String line : text.substring(0, crcLine).split("\n")) {
            if (!line.startsWith("file ")) {
                continue;
            }
            String[] parts = line.split(" ", 4);
            Path file = dir.resolve(parts[3]);
            long size = Long.parseLong(parts[1]);
            if (!Files.isRegularFile(file)) {
                return Optional.of("file " + parts[3] + " listed in MANIFEST is missing");
            }
            if (Files.size(file) != size) {
                return Optional.of("file " + parts[3] + " is " + Files.size(file) + " bytes, MANIFEST says " + size + " (truncated)");
            }
            if (!Long.toHexString(checksum(file)).equals(parts[2])) {
                return Optional.of("file " + parts[3] + " checksum mismatch (corrupt data)");
            }
        }
        return Optional.empty();
    }

    private void applyRetention() throws IOException {
        List<Long> ids = checkpointIds();
        for (int i = 0; i < ids.size() - retained; i++) {
            deleteRecursively(root.resolve("chk-" + ids.get(i)));
        }
    }

    private static void skip(List<RecoveryResult.Skipped> skipped, Path dir, String reason) {
        LOG.log(Level.WARNING, "Skipping checkpoint " + dir + ": " + reason);
        skipped.add(new RecoveryResult.Skipped(dir, reason));
    }

    private static long idOf(Path dir) {
        Matcher m = COMPLETE.matcher(dir.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(dir + " is not a checkpoint directory");
        }
        return Long.parseLong(m.group(1));
    }

    private static long checksum(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }

    private static long checksumAndForce(Path file) throws IOException {
        long crc = checksum(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return crc;
    }

    private static void writeAndForce(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            if (PausePoint.isArmed(PAUSE_TORN_MANIFEST)) {
                // Crash tests stop the process here, with half of the manifest on disk.
                channel.write(buffer.duplicate().limit(bytes.length / 2));
                channel.force(true);
                buffer.position(bytes.length / 2);
                PausePoint.reach(PAUSE_TORN_MANIFEST);
            }
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open directories; the rename is still atomic there.
        }
    }

    private static void moveOrCopyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (linkCount(p) > 1) {
                    // A hard link (RocksDB's checkpoints link the live database's SST files) shares its
                    // bytes with the database and with every older checkpoint linking the same file: one
                    // damaged sector would break all of them, and retention would keep no usable copy.
                    // The checkpoint gets bytes of its own.
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    try {
                        Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException | UnsupportedOperationException e) {
                        // another file system: copy instead
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /** How many directory entries share this file's bytes (1 where the file system cannot tell). */
    private static int linkCount(Path file) throws IOException {
        try {
            return ((Number) Files.getAttribute(file, "unix:nlink")).intValue();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(p);
                } catch (NoSuchFileException ignored) {
                    // already gone
                }
            }
        }
    }
}
