package io.sabot.budget.perf;

import io.sabot.budget.core.io.JsonTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A synthetic suite of {@code size} JMH benchmarks as a consumer with a large suite would have it:
 * classes of ten methods, each with two {@code @Param} values, 3 forks x 5 iterations, the gc
 * profiler's allocation metric, a baseline run and a budget file with one limit per class and an
 * allocation budget per tenth class. About one benchmark in 50 is 30% slower than its baseline (a
 * regression) and one in 20 has a noisy fork (inconclusive), so the reports have all three verdicts.
 * Deterministic: the same size gives the same files.
 */
public final class LargeSuite {

    /** Benchmark configurations per class: 5 methods x 2 param values. */
    static final int PER_CLASS = 10;
    private static final int FORKS = 3;
    private static final int ITERATIONS = 5;

    public final Path current;
    public final Path baseline;
    public final Path budgets;
    public final int size;

    private LargeSuite(Path directory, int size) {
        this.current = directory.resolve("results.json");
        this.baseline = directory.resolve("baseline.json");
        this.budgets = directory.resolve("performance-budgets.yml");
        this.size = size;
    }

    /** Writes the suite's three files into {@code directory}. */
    public static LargeSuite write(Path directory, int size) throws IOException {
        if (size % PER_CLASS != 0) {
            throw new IllegalArgumentException("size must be a multiple of " + PER_CLASS + ": " + size);
        }
        Files.createDirectories(directory);
        LargeSuite suite = new LargeSuite(directory, size);
        Files.writeString(suite.baseline, JsonTrees.compact(run(size, false)));
        Files.writeString(suite.current, JsonTrees.compact(run(size, true)));
        StringBuilder yaml = new StringBuilder("version: 1\ndefaults:\n  regression: 10%\nbudgets:\n");
        for (int c = 0; c < size / PER_CLASS; c++) {
            yaml.append("  - id: LIMIT-").append(c).append('\n')
                    .append("    benchmark: \"*.Suite").append(c).append("Benchmark.*\"\n")
                    .append("    max: ").append(c % 25 == 7 ? "900ns" : "5us").append('\n');
            if (c % 10 == 0) {
                yaml.append("  - id: ALLOC-").append(c).append('\n')
                        .append("    benchmark: \"io.example.suite.Suite").append(c).append("Benchmark.op0\"\n")
                        .append("    alloc: 64 B/op\n");
            }
        }
        Files.writeString(suite.budgets, yaml);
        return suite;
    }

    private static ArrayNode run(int size, boolean current) {
        SplittableRandom random = new SplittableRandom(current ? 2 : 1);
        ArrayNode run = JsonTrees.array();
        for (int i = 0; i < size; i++) {
            int c = i / PER_CLASS;
            int method = (i % PER_CLASS) / 2;
            String size0 = (i % 2 == 0) ? "16" : "4096";
            double base = 200 + 40 * (i % 17) + (c % 25 == 7 ? 800 : 0);
            double factor = current && i % 50 == 13 ? 1.3 : 1.0;
            boolean noisy = current && i % 20 == 5;
            ObjectNode result = run.addObject();
            result.put("jmhVersion", "1.37").put("benchmark", "io.example.suite.Suite" + c + "Benchmark.op" + method)
                    .put("mode", "avgt").put("threads", 1).put("forks", FORKS).put("jvm", "/usr/bin/java")
                    .put("jdkVersion", "17.0.9").put("vmName", "OpenJDK 64-Bit Server VM").put("vmVersion", "17.0.9+9")
                    .put("warmupIterations", 3).put("warmupTime", "1 s").put("measurementIterations", ITERATIONS)
                    .put("measurementTime", "1 s");
            result.putArray("jvmArgs");
            result.putObject("params").put("size", size0);
            result.set("primaryMetric", metric(random, base * factor, noisy ? 0.25 : 0.02, "ns/op"));
            result.putObject("secondaryMetrics").set("gc.alloc.rate.norm", metric(random, method == 0 ? 48 : 24, 0.0001, "B/op"));
        }
        return run;
    }

    private static ObjectNode metric(SplittableRandom random, double centre, double spread, String unit) {
        ObjectNode metric = JsonTrees.object();
        ArrayNode raw = JsonTrees.array();
        double sum = 0;
        for (int f = 0; f < FORKS; f++) {
            double forkShift = 1 + spread * (random.nextDouble() * 2 - 1);
            ArrayNode fork = raw.addArray();
            for (int it = 0; it < ITERATIONS; it++) {
                double v = centre * forkShift * (1 + 0.01 * (random.nextDouble() * 2 - 1));
                fork.add(v);
                sum += v;
            }
        }
        double score = sum / (FORKS * ITERATIONS);
        metric.put("score", score).put("scoreError", score * spread);
        metric.putArray("scoreConfidence").add(score * (1 - spread)).add(score * (1 + spread));
        ObjectNode percentiles = metric.putObject("scorePercentiles");
        for (String p : new String[] {"0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "99.99", "99.999", "99.9999", "100.0"}) {
            percentiles.put(p, score);
        }
        metric.put("scoreUnit", unit);
        metric.set("rawData", raw);
        return metric;
    }
}
