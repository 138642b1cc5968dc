package io.sabot.budget.harness;

import io.sabot.budget.core.fork.ForkException;
import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkRunner;
import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.model.JmhOptions;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Measures one {@link Pool} with the plugin's own {@link ForkRunner}: {@code org.openjdk.jmh.Main} in
 * a separate JVM on this JVM's classpath (the test classpath, which holds the fixture), iterations of
 * 200 ms as in the plugin's quick mode. Next to JMH's {@code results.json} it writes
 * {@code pool.properties}: wall time and the load average before and after, the run's conditions.
 */
final class PoolRunner {

    static final Duration ITERATION_TIME = Duration.ofMillis(200);
    static final String FIXTURE = "io\\.sabot\\.budget\\.harness\\.CalibratedWorkBenchmark\\.work";

    private final Path workDirectory;
    private final ForkRunner forkRunner = new ForkRunner();

    PoolRunner(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    Path directoryOf(Pool pool) {
        return workDirectory.resolve(pool.name());
    }

    /** True when the pool's results and conditions are on disk from an earlier, completed measurement. */
    boolean isMeasured(Pool pool) {
        return Files.isRegularFile(directoryOf(pool).resolve(PoolMeasurement.PROPERTIES))
                && Files.isRegularFile(directoryOf(pool).resolve("results.json"));
    }

    void measure(Pool pool, ForkListener listener) throws IOException, ForkException {
        Path directory = directoryOf(pool);
        Files.createDirectories(directory);
        Files.deleteIfExists(directory.resolve(PoolMeasurement.PROPERTIES));
        String loadBefore = loadAverage();
        Instant start = Instant.now();
        forkRunner.run(settings(pool, directory), listener);
        Instant end = Instant.now();
        Properties p = new Properties();
        p.setProperty("slowdown", String.valueOf(pool.slowdown()));
        p.setProperty("forks", String.valueOf(pool.forks()));
        p.setProperty("iterations", String.valueOf(pool.iterations()));
        p.setProperty("iterationMillis", String.valueOf(ITERATION_TIME.toMillis()));
        p.setProperty("start", start.toString());
        p.setProperty("end", end.toString());
        p.setProperty("wallSeconds", String.valueOf(Duration.between(start, end).toMillis() / 1000.0));
        p.setProperty("loadBefore", loadBefore);
        p.setProperty("loadAfter", loadAverage());
        try (Writer out = Files.newBufferedWriter(directory.resolve(PoolMeasurement.PROPERTIES), StandardCharsets.UTF_8)) {
            p.store(out, "verdict-quality pool " + pool.name());
        }
    }

    private static ForkSettings settings(Pool pool, Path directory) {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
        return new ForkSettings(Path.of(System.getProperty("java.home"), "bin", "java"), classpath, directory, directory,
                List.of(FIXTURE), List.of(), new JmhOptions(Optional.of(pool.forks()), Optional.of(0), Optional.of(ITERATION_TIME),
                        Optional.of(pool.iterations()), Optional.of(ITERATION_TIME), Optional.of(List.of()),
                        List.of("-D" + CalibratedWorkBenchmark.SLOWDOWN_PROPERTY + "=" + pool.slowdown())), List.of(),
                Duration.ofMinutes(60));
    }

    /** The 1, 5 and 15 minute load averages, or "unknown" off Linux. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
