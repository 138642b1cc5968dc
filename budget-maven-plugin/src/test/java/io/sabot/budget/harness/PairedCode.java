package io.sabot.budget.harness;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The code of each side of a harness build: the fixture's classes (the test classpath) with a
 * one-line {@value WorkSize#RESOURCE} in front that sets the injected slowdown. Real paired mode runs
 * both sides with the same JVM, JVM arguments and JMH settings and only the classpath differs, so the
 * harness's two sides differ in exactly one classpath entry: the directory holding that resource.
 */
final class PairedCode {

    private final Path directory;
    private final List<Path> fixtureClasspath;

    /**
     * @param directory        where the per-slowdown resource directories are created
     * @param fixtureClasspath the classes of the fixture and their dependencies (must not hold the resource itself)
     */
    PairedCode(Path directory, List<Path> fixtureClasspath) {
        this.directory = directory;
        this.fixtureClasspath = List.copyOf(fixtureClasspath);
        for (Path entry : fixtureClasspath) {
            if (Files.isRegularFile(entry.resolve(WorkSize.RESOURCE))) {
                throw new IllegalArgumentException(entry + " holds " + WorkSize.RESOURCE + ", which would set the slowdown of"
                        + " both sides; remove it");
            }
        }
    }

    /** This JVM's classpath, which in the harness holds the fixture (test classes) and JMH. */
    static List<Path> thisClasspath() {
        List<Path> out = new ArrayList<>();
        for (String s : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!s.isBlank()) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    /** The classpath of code with {@code slowdown} more work (0: the unchanged code), creating its resource. */
    List<Path> classpath(double slowdown) throws IOException {
        Path side = sideDirectory(slowdown);
        Files.createDirectories(side);
        Properties p = new Properties();
        p.setProperty(WorkSize.RESOURCE_KEY, String.valueOf(slowdown));
        try (Writer out = Files.newBufferedWriter(side.resolve(WorkSize.RESOURCE), StandardCharsets.UTF_8)) {
            p.store(out, "verdict-quality: the injected slowdown of this side's code");
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(side);
        classpath.addAll(fixtureClasspath);
        return classpath;
    }

    Path sideDirectory(double slowdown) {
        return directory.resolve(label(slowdown));
    }

    /** "slowdown-0.00", "slowdown-0.15": the side directory's name, also how the reports name the code. */
    static String label(double slowdown) {
        if (slowdown < 0 || slowdown > 1) {
            throw new IllegalArgumentException("slowdown must be a fraction between 0 and 1, not " + slowdown);
        }
        return String.format(Locale.ROOT, "slowdown-%.2f", slowdown);
    }
}
