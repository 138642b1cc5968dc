package io.sabot.budget.harness;

import io.sabot.budget.core.io.ResultFileException;
import io.sabot.budget.core.io.ResultFiles;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.RunResults;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A measured pool as read back from disk: per benchmark, its forks in the order JMH ran them (each
 * fork's iteration scores), and the conditions of the run.
 *
 * @param forks per benchmark result (JMH's own result, kept for its key, unit and JVM), the forks in run order
 */
record PoolMeasurement(Pool pool, Map<BenchmarkResult, List<double[]>> forks, Instant start, Instant end,
                       double wallSeconds, String loadBefore, String loadAfter) {

    static final String PROPERTIES = "pool.properties";

    PoolMeasurement {
        forks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(forks));
    }

    /**
     * Reads a measured pool. The fork and iteration counts are the ones recorded when it was measured
     * (a pool measured under an earlier plan keeps its own); the slowdown must be the planned one.
     */
    static PoolMeasurement read(Pool planned, Path directory) throws IOException, ResultFileException {
        Path propertiesFile = directory.resolve(PROPERTIES);
        if (!Files.isRegularFile(propertiesFile)) {
            throw new IOException("pool " + planned.name() + " was not measured completely: " + propertiesFile
                    + " is missing; run the harness with --measure");
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Pool pool = new Pool(planned.name(), Double.parseDouble(required(p, "slowdown", propertiesFile)),
                Integer.parseInt(required(p, "forks", propertiesFile)), Integer.parseInt(required(p, "iterations", propertiesFile)));
        if (pool.slowdown() != planned.slowdown()) {
            throw new IOException(propertiesFile + ": measured with slowdown " + pool.slowdown() + ", the plan says "
                    + planned.slowdown() + "; measure it again with --measure");
        }
        RunResults results = ResultFiles.read(directory.resolve("results.json"));
        Map<BenchmarkResult, List<double[]>> forks = new LinkedHashMap<>();
        for (BenchmarkResult r : results.results()) {
            List<double[]> raw = r.primary().rawData();
            if (raw.size() != pool.forks()) {
                throw new IOException(directory + ": " + r.key().label() + " has " + raw.size() + " forks, the pool plans "
                        + pool.forks());
            }
            for (double[] fork : raw) {
                if (fork.length != pool.iterations()) {
                    throw new IOException(directory + ": " + r.key().label() + " has a fork of " + fork.length
                            + " iterations, the pool plans " + pool.iterations());
                }
            }
            forks.put(r, raw);
        }
        return new PoolMeasurement(pool, forks, Instant.parse(required(p, "start", propertiesFile)),
                Instant.parse(required(p, "end", propertiesFile)), Double.parseDouble(required(p, "wallSeconds", propertiesFile)),
                p.getProperty("loadBefore", "unknown"), p.getProperty("loadAfter", "unknown"));
    }

    /** Wall seconds per fork beyond the measured iterations: JVM start, JMH setup, teardown. */
    double overheadSecondsPerFork() {
        int totalForks = forks.size() * pool.forks();
        double measuring = totalForks * pool.iterations() * PoolRunner.ITERATION_TIME.toMillis() / 1000.0;
        return Math.max(0, (wallSeconds - measuring) / totalForks);
    }

    private static String required(Properties p, String key, Path file) throws IOException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IOException(file + ": missing '" + key + "'");
        }
        return value;
    }
}
