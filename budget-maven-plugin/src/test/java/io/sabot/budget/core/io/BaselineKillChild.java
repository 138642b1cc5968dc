package io.sabot.budget.core.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The JVM that the kill -9 trials kill: it rewrites one baseline over and over, alternating between
 * two complete baselines, until it is killed. Prints "ready" once its classes are loaded.
 *
 * <p>Usage: {@code BaselineKillChild atomic|direct TARGET BASELINE_A BASELINE_B}. {@code atomic} writes
 * with {@link BaselineWriter#writeAtomically} (the code that budget:baseline ends in, with the bytes
 * prepared, so nearly all of the time is spent inside the write); {@code direct} overwrites the file
 * in place, as a naive writer would, to show that the trials do catch a writer that is not crash-safe.
 */
public final class BaselineKillChild {

    private BaselineKillChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path target = Path.of(args[1]);
        byte[][] bytes = {Files.readAllBytes(Path.of(args[2])), Files.readAllBytes(Path.of(args[3]))};
        // Warm up on a scratch file elsewhere, so kills land in writes, not in class loading.
        Path scratch = Files.createTempDirectory("baseline-kill-warmup");
        BaselineWriter.writeAtomically(scratch.resolve("baseline.json"), bytes[0]);
        Files.delete(scratch.resolve("baseline.json"));
        Files.delete(scratch);
        System.out.println("ready");
        System.out.flush();
        for (long i = 1; ; i++) {
            byte[] next = bytes[(int) (i % 2)];
            if (mode.equals("atomic")) {
                BaselineWriter.writeAtomically(target, next);
            } else {
                Files.write(target, next, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
            }
        }
    }
}
