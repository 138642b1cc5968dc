package io.sabot.budget.core.gate;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Gives the two sides of a paired run classpaths whose every entry is spelled with the same number
 * of characters, so that identical code is laid out identically in the benchmark JVM's memory.
 *
 * <p><b>Why.</b> The JVM keeps the classpath's paths as strings in the heap (the class loader's
 * canonical directories, code sources, jar names) before a benchmark allocates its state, so a longer
 * path moves every later object. Measured on the engine's {@code MemoryStateBenchmark.getLargeValue}
 * (10 KB values, quick forks): the baseline code built in {@code target/budget-baseline/<commit>/...}
 * ran 10-20% slower in a third to a half of its forks than the byte-identical current code in
 * {@code target/classes} (quick gate: -12% to -20% in four of four A/A builds); the same files copied
 * to paths of equal length ran alike (2.69-2.73 M ops/s on both sides, 12 forks each). A layout that
 * differs only in path lengths is a bias pairing cannot cancel, so the entries the sides do not share
 * are copied (hard-linked where the file system allows) to {@code classpath/c/NN} and
 * {@code classpath/b/NN}: names of the same length on both sides, in the same order. Entries both
 * sides share (the dependencies in the local repository) stay where they are.
 */
final class SideClasspaths {

    /** The classpaths to run each side with. */
    record Sides(List<Path> current, List<Path> baseline) {
    }

    private SideClasspaths() {
    }

    /**
     * @param directory where the copies go; emptied first, so it holds only this run's code
     */
    static Sides equalize(List<Path> current, List<Path> baseline, Path directory) throws IOException {
        deleteTree(directory);
        List<Path> here = new ArrayList<>();
        List<Path> there = new ArrayList<>();
        int entries = Math.max(current.size(), baseline.size());
        for (int i = 0; i < entries; i++) {
            Path a = i < current.size() ? current.get(i) : null;
            Path b = i < baseline.size() ? baseline.get(i) : null;
            if (a != null && a.equals(b)) {
                here.add(a);
                there.add(b);
                continue;
            }
            if (a != null) {
                here.add(relocate(a, directory.resolve("c"), i));
            }
            if (b != null) {
                there.add(relocate(b, directory.resolve("b"), i));
            }
        }
        return new Sides(List.copyOf(here), List.copyOf(there));
    }

    /** Entry {@code index} copied to {@code side/NN} (a directory) or {@code side/NN.jar} (a file); a missing entry stays. */
    private static Path relocate(Path entry, Path side, int index) throws IOException {
        String name = String.format("%03d", index);
        if (Files.isDirectory(entry)) {
            Path target = side.resolve(name);
            copyTree(entry, target);
            return target;
        }
        if (Files.isRegularFile(entry)) {
            Path target = side.resolve(name + ".jar");
            Files.createDirectories(side);
            linkOrCopy(entry, target);
            return target;
        }
        return entry;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p)) {
                    linkOrCopy(p, target);
                }
            }
        }
    }

    /** A hard link costs nothing and cannot drift from the original; another file system gets a copy. */
    private static void linkOrCopy(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(from, to);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
