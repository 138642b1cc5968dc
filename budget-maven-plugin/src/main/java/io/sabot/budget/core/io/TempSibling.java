package io.sabot.budget.core.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The temporary file a complete report or baseline is written to before it is renamed over the
 * target. {@link Files#createTempFile} creates it {@code -rw-------}, and the rename kept that mode:
 * reports came out unreadable to a CI's artifact upload running as another user, and to everyone
 * else on the machine. This file is created like any new file ({@code 0666} less the umask on POSIX),
 * so the renamed file has the mode a plain {@link Files#newOutputStream} would have given it.
 */
public final class TempSibling {

    private static final int ATTEMPTS = 100;

    private TempSibling() {
    }

    /** A new, empty file in {@code directory} named {@code prefix}, random digits, {@code suffix}. */
    public static Path create(Path directory, String prefix, String suffix) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path candidate = directory.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + suffix);
            try {
                Files.newByteChannel(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
