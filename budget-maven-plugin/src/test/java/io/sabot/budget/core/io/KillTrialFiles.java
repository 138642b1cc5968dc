package io.sabot.budget.core.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.budget.core.model.Environment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * The two baselines the kill -9 trials alternate between: large JMH result sets with raw samples,
 * stored with a fixed environment, time and reason so the expected bytes of each are known exactly.
 */
final class KillTrialFiles {

    static final Environment ENVIRONMENT = new Environment("Test Vendor", "17.0.99", "Test VM", "Linux", "amd64",
            "Test CPU", 2, "1.37", List.of("-Xmx1g"));
    static final Instant RECORDED_AT = Instant.parse("2026-01-02T03:04:05Z");

    private KillTrialFiles() {
    }

    static String reason(String name) {
        return "kill -9 trial baseline " + name;
    }

    /** Writes JMH JSON with {@code benchmarks} entries of 5 forks x 20 raw samples each. */
    static void writeResults(Path file, long seed, int benchmarks) throws IOException {
        Random random = new Random(seed);
        ArrayNode array = JsonTrees.array();
        for (int b = 0; b < benchmarks; b++) {
            ObjectNode entry = array.addObject();
            entry.put("jmhVersion", "1.37");
            entry.put("benchmark", "io.sabot.kill.Benchmark" + (b / 10) + ".method" + (b % 10));
            entry.put("mode", "avgt");
            entry.put("threads", 1);
            entry.put("forks", 5);
            entry.put("jdkVersion", "17.0.99");
            entry.put("vmName", "Test VM");
            entry.putObject("params").put("seed", String.valueOf(seed));
            ObjectNode primary = entry.putObject("primaryMetric");
            double base = 10 + random.nextDouble() * 1000;
            primary.put("score", base);
            primary.put("scoreError", base / 100);
            primary.putArray("scoreConfidence").add(base * 0.99).add(base * 1.01);
            primary.put("scoreUnit", "ns/op");
            ArrayNode raw = primary.putArray("rawData");
            for (int fork = 0; fork < 5; fork++) {
                ArrayNode samples = raw.addArray();
                for (int i = 0; i < 20; i++) {
                    samples.add(base * (0.95 + random.nextDouble() * 0.1));
                }
            }
            entry.putObject("secondaryMetrics");
        }
        java.nio.file.Files.write(file, JsonTrees.prettyBytes(array));
    }

    /** Stores {@code results} as the baseline {@code target} exactly as a trial's writer does. */
    static void store(Path target, Path results, String name) throws Exception {
        BaselineWriter.write(target, results, ENVIRONMENT, RECORDED_AT, reason(name));
    }
}
