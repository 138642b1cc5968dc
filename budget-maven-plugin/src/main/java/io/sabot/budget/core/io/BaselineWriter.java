package io.sabot.budget.core.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.budget.core.model.Environment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Writes a baseline file atomically: the complete file goes to a temporary sibling, is forced to
 * disk, and is then renamed over the old baseline. A crash at any point leaves either the old or the
 * new complete baseline, never a half-written one.
 */
public final class BaselineWriter {

    private BaselineWriter() {
    }

    /**
     * @param resultsFile JMH JSON or an existing baseline whose results are stored
     */
    public static void write(Path target, Path resultsFile, Environment environment, Instant recordedAt, String reason)
            throws ResultFileException, IOException {
        ArrayNode results = ResultFiles.rawResults(resultsFile);
        // Validate before writing: a baseline must be readable by the checks that will use it.
        new JmhResultParser(resultsFile.toString()).parse(results);
        if (results.isEmpty()) {
            throw new ResultFileException(resultsFile + ": holds no benchmark results; nothing to store as a baseline");
        }
        ObjectNode root = JmhJson.MAPPER.createObjectNode();
        root.put("format", ResultFiles.BASELINE_FORMAT);
        root.put("version", ResultFiles.BASELINE_VERSION);
        root.put("recordedAt", recordedAt.toString());
        if (reason != null) {
            root.put("reason", reason);
        } else {
            root.putNull("reason");
        }
        root.set("environment", JmhJson.MAPPER.valueToTree(environment));
        root.set("results", results);
        byte[] bytes = JmhJson.MAPPER.writeValueAsBytes(root);
        writeAtomically(target, bytes);
    }

    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        try {
            Files.createDirectories(directory);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot create directory " + directory + " for the baseline: permission denied", e);
        }
        if (!Files.isWritable(directory)) {
            throw new IOException("cannot write the baseline: directory " + directory + " is not writable");
        }
        Path temp = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                out.write(bytes);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + directory + " cannot rename atomically; refusing to"
                        + " risk a half-written baseline", e);
            }
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not supported on every OS (e.g. Windows); the rename is still atomic there.
        }
    }
}
