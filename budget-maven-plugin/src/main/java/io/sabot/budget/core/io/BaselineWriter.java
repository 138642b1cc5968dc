package io.sabot.budget.core.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.budget.core.model.Environment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a baseline file atomically: the complete file goes to a temporary sibling, is forced to
 * disk, and is then renamed over the old baseline. A crash at any point leaves either the old or the
 * new complete baseline, never a half-written one. A temp file left by a killed writer is removed by
 * the next write.
 */
public final class BaselineWriter {

    static final String TEMP_SUFFIX = ".tmp";

    private BaselineWriter() {
    }

    /**
     * @param resultsFile JMH JSON or an existing baseline whose results are stored
     */
    public static void write(Path target, Path resultsFile, Environment environment, Instant recordedAt, String reason)
            throws ResultFileException, IOException {
        write(target, resultsFile, environment, recordedAt, reason, java.util.Optional.empty());
    }

    /**
     * @param commit the commit of the code the results measured, which {@code -Dbudget.against=git:baseline}
     *               builds and measures beside later code
     */
    public static void write(Path target, Path resultsFile, Environment environment, Instant recordedAt, String reason,
                             java.util.Optional<String> commit) throws ResultFileException, IOException {
        ArrayNode results = ResultFiles.rawResults(resultsFile);
        // Validate before writing: a baseline must be readable by the checks that will use it.
        new JmhResultParser(resultsFile.toString()).parse(results);
        if (results.isEmpty()) {
            throw new ResultFileException(resultsFile + ": holds no benchmark results; nothing to store as a baseline");
        }
        ObjectNode root = JsonTrees.object();
        root.put("format", ResultFiles.BASELINE_FORMAT);
        root.put("version", ResultFiles.BASELINE_VERSION);
        root.put("recordedAt", recordedAt.toString());
        if (reason != null) {
            root.put("reason", reason);
        } else {
            root.putNull("reason");
        }
        commit.ifPresent(c -> root.put("commit", c));
        root.set("environment", JsonTrees.environment(environment));
        root.set("results", results);
        byte[] bytes = JsonTrees.prettyBytes(root);
        writeAtomically(target, bytes);
    }

    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        createDirectory(directory);
        if (!Files.isWritable(directory)) {
            throw new IOException("cannot write the baseline: directory " + directory + " is not writable");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write the baseline: " + absolute + " is a directory");
        }
        removeStaleTempFiles(directory, absolute.getFileName().toString());
        // The writer's pid in the name tells a later write whether this temp file is abandoned.
        Path temp = TempSibling.create(directory, tempPrefix(absolute.getFileName().toString(), ProcessHandle.current().pid()),
                TEMP_SUFFIX);
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

    private static void createDirectory(Path directory) throws IOException {
        // Name the file standing where a directory must go; the file system only says "Not a directory".
        for (Path ancestor = directory; ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor)) {
                if (!Files.isDirectory(ancestor)) {
                    throw new IOException("cannot create directory " + directory + " for the baseline: " + ancestor
                            + " exists and is not a directory");
                }
                break;
            }
        }
        try {
            Files.createDirectories(directory);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot create directory " + directory + " for the baseline: permission denied"
                    + " on " + e.getFile(), e);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create directory " + directory + " for the baseline: " + e.getFile()
                    + " exists and is not a directory", e);
        } catch (FileSystemException e) {
            throw new IOException("cannot create directory " + directory + " for the baseline: "
                    + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()) + " (" + e.getFile() + ")", e);
        }
    }

    /** ".baseline.json.4711." — {@link TempSibling} appends random digits and the suffix. */
    static String tempPrefix(String fileName, long pid) {
        return "." + fileName + "." + pid + ".";
    }

    /**
     * Deletes temp files that a killed writer left behind (its process is gone), so they cannot pile up;
     * the temp file of a writer still running (this JVM included) is left to it.
     */
    static void removeStaleTempFiles(Path directory, String fileName) throws IOException {
        Pattern ours = Pattern.compile(Pattern.quote("." + fileName + ".") + "(\\d+)\\.\\d+" + Pattern.quote(TEMP_SUFFIX));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                entry -> ours.matcher(entry.getFileName().toString()).matches())) {
            for (Path entry : entries) {
                Matcher m = ours.matcher(entry.getFileName().toString());
                m.matches();
                long pid = Long.parseLong(m.group(1));
                boolean writerAlive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!writerAlive) {
                    Files.deleteIfExists(entry);
                }
            }
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
