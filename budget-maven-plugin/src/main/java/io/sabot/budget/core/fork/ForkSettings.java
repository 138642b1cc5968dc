package io.sabot.budget.core.fork;

import io.sabot.budget.core.model.JmhOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything needed to start one JMH run in its own JVM. Run settings that {@code jmh} leaves empty
 * fall back to the benchmarks' own annotations and then to JMH's defaults.
 *
 * @param includes JMH include regexes (already converted from globs); empty runs every benchmark
 * @param excludes JMH exclude regexes
 * @param jmh      the run settings, every source already layered (see {@link JmhOptions#over})
 * @param jmhArgs  extra JMH command-line arguments, passed through verbatim at the end
 */
public record ForkSettings(
        Path javaExecutable,
        List<Path> classpath,
        Path workingDirectory,
        Path outputDirectory,
        List<String> includes,
        List<String> excludes,
        JmhOptions jmh,
        List<String> jmhArgs,
        Duration timeout) {

    public ForkSettings {
        Objects.requireNonNull(javaExecutable, "javaExecutable");
        classpath = List.copyOf(classpath);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(jmh, "jmh");
        jmhArgs = List.copyOf(jmhArgs);
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The same run restricted to {@code onlyIncludes}, writing into {@code directory} (confirmation reruns). */
    public ForkSettings rerun(List<String> onlyIncludes, Path directory) {
        return new ForkSettings(javaExecutable, classpath, workingDirectory, directory, onlyIncludes, List.of(), jmh, jmhArgs,
                timeout);
    }

    /**
     * {@code forks} more forks of exactly the benchmarks {@code onlyIncludes} selects (adaptive
     * measurement), restricted to one @Param combination with a {@code -p name=value} per entry of
     * {@code params}, writing into {@code directory}.
     */
    public ForkSettings extraForks(List<String> onlyIncludes, Map<String, String> params, int forks, Path directory) {
        if (forks < 1) {
            throw new IllegalArgumentException("at least one fork is needed, not " + forks);
        }
        List<String> args = new ArrayList<>(jmhArgs);
        new TreeMap<>(params).forEach((name, value) -> {
            args.add("-p");
            args.add(name + "=" + value);
        });
        return new ForkSettings(javaExecutable, classpath, workingDirectory, directory, onlyIncludes, List.of(),
                jmh.withForks(forks), args, timeout);
    }

    /** Round {@code round} of a run whose forks are spread out: the same run with one fork, in {@code round-N/}. */
    public ForkSettings oneForkRound(int round) {
        return new ForkSettings(javaExecutable, classpath, workingDirectory, outputDirectory.resolve("round-" + round), includes,
                excludes, jmh.withForks(1), jmhArgs, timeout);
    }

    /** The same run with {@code count} forks. */
    public ForkSettings withForks(int count) {
        return new ForkSettings(javaExecutable, classpath, workingDirectory, outputDirectory, includes, excludes,
                jmh.withForks(count), jmhArgs, timeout);
    }

    /** The same run on another classpath (the baseline code of a paired run), writing into {@code directory}. */
    public ForkSettings withClasspath(List<Path> otherClasspath, Path directory) {
        return new ForkSettings(javaExecutable, otherClasspath, workingDirectory, directory, includes, excludes, jmh, jmhArgs,
                timeout);
    }

    /** The same run on another JVM (a JDK of a JDK comparison), writing into {@code directory}. */
    public ForkSettings withJava(Path otherJava, Path directory) {
        return new ForkSettings(otherJava, classpath, workingDirectory, directory, includes, excludes, jmh, jmhArgs, timeout);
    }

    public Path resultsFile() {
        return outputDirectory.resolve("results.json");
    }

    public Path logFile() {
        return outputDirectory.resolve("fork.log");
    }

    public Path argFile() {
        return outputDirectory.resolve("fork.args");
    }
}
