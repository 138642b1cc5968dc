package io.sabot.budget.core.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.budget.core.fork.ForkRun;
import io.sabot.budget.core.fork.ForkSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * What the gate tests' fake JMH forks write: JMH's JSON results file (avgt, ns/op, raw iterations per
 * fork), read back by the gate exactly as a real JMH's; and how such a fake reads the JMH arguments it
 * is given. One place, so the tests differ only in what they simulate (a drifting machine, two JDKs,
 * shards), not in how JMH's output is spelled.
 */
final class FakeJmhOutput {

    private final ObjectMapper json = new ObjectMapper();
    private final ArrayNode results = json.createArrayNode();
    private ObjectNode runSettings = json.createObjectNode();

    /** JMH's run settings, which its JSON repeats in every result (the merge compares them between shards). */
    FakeJmhOutput settings(int warmupIterations, String warmupTime, int measurementIterations, String measurementTime) {
        runSettings = json.createObjectNode().put("warmupIterations", warmupIterations).put("warmupTime", warmupTime)
                .put("measurementIterations", measurementIterations).put("measurementTime", measurementTime);
        return this;
    }

    /** One benchmark result: its {@code @Param} values (may be empty), the JDK version it reports (empty: none). */
    FakeJmhOutput add(String benchmark, Map<String, String> params, String jdkVersion, List<double[]> forks) {
        ObjectNode result = results.addObject().put("benchmark", benchmark).put("mode", "avgt").put("threads", 1)
                .put("forks", forks.size()).put("jmhVersion", "1.37");
        if (!jdkVersion.isEmpty()) {
            result.put("jdkVersion", jdkVersion);
        }
        result.setAll(runSettings);
        if (!params.isEmpty()) {
            ObjectNode p = result.putObject("params");
            params.forEach(p::put);
        }
        ObjectNode primary = result.putObject("primaryMetric").put("scoreUnit", "ns/op");
        ArrayNode raw = primary.putArray("rawData");
        double sum = 0;
        int n = 0;
        for (double[] fork : forks) {
            ArrayNode iterations = raw.addArray();
            for (double v : fork) {
                iterations.add(v);
                sum += v;
                n++;
            }
        }
        primary.put("score", sum / n);
        return this;
    }

    /** Writes the results file to {@code file}, creating its directory. */
    Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        json.writeValue(file.toFile(), results);
        return file;
    }

    /** Writes the results file where the settings want it and returns the run as the fork runner would. */
    ForkRun write(ForkSettings settings) throws IOException {
        Files.createDirectories(settings.outputDirectory());
        writeTo(settings.resultsFile());
        return new ForkRun(settings.resultsFile(), "fake jmh", 0, List.of(), settings.outputDirectory().resolve("fork.log"));
    }

    /** The {@code -p name=value} pins among the settings' JMH arguments. */
    static Map<String, String> pins(ForkSettings settings) {
        Map<String, String> pins = new HashMap<>();
        List<String> args = settings.jmhArgs();
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals("-p")) {
                String[] kv = args.get(i + 1).split("=", 2);
                pins.put(kv[0], kv[1]);
            }
        }
        return pins;
    }

    /** Whether JMH would run the benchmark: one of the include regexes finds it (as JMH matches them). */
    static boolean included(ForkSettings settings, String benchmark) {
        return settings.includes().stream().anyMatch(re -> Pattern.compile(re).matcher(benchmark).find());
    }

    /** One fork of five iterations around {@code base}: the whole fork off by 1%, each iteration by 0.5% (Gaussian). */
    static double[] noisyFork(Random noise, double base) {
        double forkEffect = 1 + noise.nextGaussian() * 0.01;
        double[] fork = new double[5];
        for (int i = 0; i < fork.length; i++) {
            fork[i] = base * forkEffect * (1 + noise.nextGaussian() * 0.005);
        }
        return fork;
    }
}
