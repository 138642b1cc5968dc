package io.sabot.budget.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites a JMH results file ({@code -rf json}) so that it holds the forks adaptive measurement
 * pooled into it, as if JMH had run that many forks of those benchmarks: the per-fork samples, the
 * fork count and the numbers JMH derives from them. Every other field JMH wrote stays as it was, so
 * {@code budget:baseline} and {@code budget:compare} see what the verdicts were decided on. The file
 * is replaced atomically (complete temporary sibling, then a rename).
 */
public final class PooledResultsWriter {

    private PooledResultsWriter() {
    }

    /** @return how many entries of {@code file} now hold more forks than JMH wrote */
    public static int write(Path file, RunResults pooled) throws ResultFileException, IOException {
        ArrayNode entries = ResultFiles.rawResults(file).deepCopy();
        int rewritten = update(entries, pooled);
        if (rewritten > 0) {
            writeAtomically(file, entries);
        }
        return rewritten;
    }

    /**
     * Writes {@code target} from the JMH entries of several runs that each measured some of the
     * benchmarks (a paired run's first pairs: every benchmark once, spread over files), with the forks
     * of {@code pooled}. The first entry of each benchmark is the template; every file is plain JMH JSON.
     */
    public static void writeCombined(List<Path> templates, Path target, RunResults pooled) throws ResultFileException, IOException {
        ArrayNode entries = JsonTrees.array();
        java.util.Set<BenchmarkKey> seen = new java.util.HashSet<>();
        for (Path template : templates) {
            for (JsonNode entry : ResultFiles.rawResults(template)) {
                Optional<BenchmarkKey> key = keyOf(entry);
                if (key.isPresent() && seen.add(key.get())) {
                    entries.add(entry.deepCopy());
                }
            }
        }
        update(entries, pooled);
        Files.createDirectories(target.toAbsolutePath().getParent());
        writeAtomically(target, entries);
    }

    private static void writeAtomically(Path file, ArrayNode entries) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".pooled.tmp");
        Files.write(temp, JsonTrees.prettyBytes(entries));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static int update(ArrayNode entries, RunResults pooled) {
        int rewritten = 0;
        for (JsonNode entry : entries) {
            Optional<BenchmarkResult> result = keyOf(entry).flatMap(pooled::find);
            if (result.isEmpty() || forksIn(entry.path("primaryMetric")) >= forksIn(result.get().primary())) {
                continue;
            }
            ObjectNode node = (ObjectNode) entry;
            node.put("forks", result.get().forks());
            update((ObjectNode) node.get("primaryMetric"), result.get().primary());
            JsonNode secondary = node.get("secondaryMetrics");
            if (secondary != null && secondary.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = secondary.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> m = it.next();
                    Metric metric = result.get().secondary().get(m.getKey());
                    if (metric != null && m.getValue().isObject()) {
                        update((ObjectNode) m.getValue(), metric);
                    }
                }
            }
            rewritten++;
        }
        return rewritten;
    }

    /** The key as {@link JmhResultParser} builds it; entries it would reject are left alone. */
    private static Optional<BenchmarkKey> keyOf(JsonNode entry) {
        if (!entry.isObject() || !entry.path("benchmark").isTextual() || !entry.path("mode").isTextual()) {
            return Optional.empty();
        }
        Mode mode;
        try {
            mode = Mode.fromJmh(entry.get("mode").asText());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        entry.path("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
        return Optional.of(new BenchmarkKey(entry.get("benchmark").asText(), mode, params));
    }

    /** Forks as JMH records them: iteration scores, or for SampleTime only histograms. */
    private static int forksIn(JsonNode metric) {
        return Math.max(metric.path("rawData").size(), metric.path("rawDataHistogram").size());
    }

    private static int forksIn(Metric metric) {
        return Math.max(metric.rawData().size(), metric.histograms().size());
    }

    private static void update(ObjectNode node, Metric metric) {
        number(node, "score", metric.score());
        number(node, "scoreError", metric.scoreError());
        ArrayNode confidence = node.putArray("scoreConfidence");
        number(confidence, metric.confidenceLow());
        number(confidence, metric.confidenceHigh());
        if (!metric.percentiles().isEmpty()) {
            ObjectNode percentiles = node.putObject("scorePercentiles");
            metric.percentiles().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(p -> number(percentiles, String.valueOf(p.getKey()), p.getValue()));
        }
        ArrayNode raw = metric.rawData().isEmpty() && !node.has("rawData") ? JsonTrees.array() : node.putArray("rawData");
        for (double[] fork : metric.rawData()) {
            ArrayNode values = raw.addArray();
            for (double v : fork) {
                number(values, v);
            }
        }
        if (metric.hasHistograms()) {
            ArrayNode histograms = node.putArray("rawDataHistogram");
            for (List<double[][]> fork : metric.histograms()) {
                ArrayNode iterations = histograms.addArray();
                for (double[][] iteration : fork) {
                    ArrayNode pairs = iterations.addArray();
                    for (double[] pair : iteration) {
                        pairs.addArray().add(pair[0]).add(pair[1]);
                    }
                }
            }
        }
    }

    /** JMH writes NaN and infinities as strings. */
    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.put(field, String.valueOf(value));
        }
    }

    private static void number(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add(value);
        } else {
            array.add(String.valueOf(value));
        }
    }
}
