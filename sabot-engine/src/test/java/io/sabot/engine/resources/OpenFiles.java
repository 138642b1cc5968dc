package io.sabot.engine.resources;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files this process holds open under a directory, read from {@code /proc/self/fd} (Linux). */
final class OpenFiles {

    private static final Path FDS = Path.of("/proc/self/fd");

    private OpenFiles() {
    }

    static boolean supported() {
        return Files.isDirectory(FDS);
    }

    /** Targets of this process's file descriptors that lie under {@code dir}. */
    static List<Path> under(Path dir) throws IOException {
        Path root = dir.toRealPath();
        List<Path> open = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(FDS)) {
            for (Path fd : fds) {
                Path target;
                try {
                    target = Files.readSymbolicLink(fd);
                } catch (IOException e) {
                    continue; // closed while we listed
                }
                if (target.startsWith(root)) {
                    open.add(target);
                }
            }
        }
        return open;
    }
}
