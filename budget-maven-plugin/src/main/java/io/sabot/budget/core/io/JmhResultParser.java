package io.sabot.budget.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Dimension;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.MetricUnit;
import io.sabot.budget.core.model.Mode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns JMH's JSON result entries into {@link BenchmarkResult}s. Strict: a missing or mistyped
 * field is an error naming the entry and the field, never a zero that could pass a budget.
 */
final class JmhResultParser {

    private final String source;

    JmhResultParser(String source) {
        this.source = source;
    }

    List<BenchmarkResult> parse(JsonNode array) throws ResultFileException {
        if (!array.isArray()) {
            throw new ResultFileException(source + ": expected a JSON array of JMH results (the output of -rf json)");
        }
        List<BenchmarkResult> results = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            results.add(entry(array.get(i), "result #" + (i + 1)));
        }
        return results;
    }

    private BenchmarkResult entry(JsonNode node, String where) throws ResultFileException {
        if (!node.isObject()) {
            throw error(where, "is not a JSON object");
        }
        String benchmark = requiredText(node, "benchmark", where);
        where = where + " (" + benchmark + ")";
        Mode mode;
        try {
            mode = Mode.fromJmh(requiredText(node, "mode", where));
        } catch (IllegalArgumentException e) {
            throw error(where, e.getMessage());
        }
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode paramsNode = node.get("params");
        if (paramsNode != null && !paramsNode.isNull()) {
            if (!paramsNode.isObject()) {
                throw error(where, "'params' is not an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = paramsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                params.put(p.getKey(), p.getValue().asText());
            }
        }
        BenchmarkKey key = new BenchmarkKey(benchmark, mode, params);
        Metric primary = metric(required(node, "primaryMetric", where), "primary", mode.primaryDirection(), where);
        Map<String, Metric> secondary = new LinkedHashMap<>();
        JsonNode secondaryNode = node.get("secondaryMetrics");
        if (secondaryNode != null && secondaryNode.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = secondaryNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> m = it.next();
                JsonNode unitNode = m.getValue().get("scoreUnit");
                Direction direction = secondaryDirection(m.getKey(), unitNode == null ? "" : unitNode.asText());
                secondary.put(m.getKey(), metric(m.getValue(), m.getKey(), direction, where));
            }
        }
        List<String> jvmArgs = new ArrayList<>();
        JsonNode args = node.get("jvmArgs");
        if (args != null && args.isArray()) {
            args.forEach(a -> jvmArgs.add(a.asText()));
        }
        return new BenchmarkResult(key, node.path("threads").asInt(1), node.path("forks").asInt(0),
                node.path("jdkVersion").asText(""), node.path("vmName").asText(""), node.path("vmVersion").asText(""),
                node.path("jmhVersion").asText(""), jvmArgs, primary, secondary);
    }

    /**
     * Profiler metrics (gc.*) measure cost, so lower is better whatever their unit; other secondary
     * metrics (e.g. @AuxCounters) follow their unit: a rate is better higher, a cost per op lower.
     */
    static Direction secondaryDirection(String name, String unit) {
        String plain = name.startsWith("\u00b7") ? name.substring(1) : name;
        if (plain.startsWith("gc.") || plain.startsWith("gc:") || name.startsWith("\u00b7")) {
            return Direction.LOWER_IS_BETTER;
        }
        try {
            return MetricUnit.parse(unit).dimension() == Dimension.OPS_PER_TIME
                    ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
        } catch (IllegalArgumentException e) {
            return Direction.LOWER_IS_BETTER;
        }
    }

    private Metric metric(JsonNode node, String name, Direction direction, String where) throws ResultFileException {
        String what = where + " metric '" + name + "'";
        double score = number(required(node, "score", what), "score", what, false);
        JsonNode errorNode = node.get("scoreError");
        double error = errorNode == null ? Double.NaN : number(errorNode, "scoreError", what, true);
        double low = Double.NaN;
        double high = Double.NaN;
        JsonNode confidence = node.get("scoreConfidence");
        if (confidence != null && confidence.isArray() && confidence.size() == 2) {
            low = number(confidence.get(0), "scoreConfidence", what, true);
            high = number(confidence.get(1), "scoreConfidence", what, true);
        }
        MetricUnit unit;
        try {
            unit = MetricUnit.parse(requiredText(node, "scoreUnit", what));
        } catch (IllegalArgumentException e) {
            throw error(what, e.getMessage());
        }
        Map<Double, Double> percentiles = new LinkedHashMap<>();
        JsonNode percentileNode = node.get("scorePercentiles");
        if (percentileNode != null && percentileNode.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = percentileNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                try {
                    percentiles.put(Double.parseDouble(p.getKey()), number(p.getValue(), "scorePercentiles", what, true));
                } catch (NumberFormatException e) {
                    throw error(what, "percentile key '" + p.getKey() + "' is not a number");
                }
            }
        }
        List<double[]> raw = new ArrayList<>();
        JsonNode rawNode = node.get("rawData");
        if (rawNode != null && rawNode.isArray()) {
            for (JsonNode fork : rawNode) {
                if (!fork.isArray()) {
                    throw error(what, "'rawData' must be a list of lists (per fork, per iteration)");
                }
                double[] values = new double[fork.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = number(fork.get(i), "rawData", what, true);
                }
                raw.add(values);
            }
        }
        List<List<double[][]>> histograms = histograms(node.get("rawDataHistogram"), what);
        return new Metric(name, score, error, low, high, unit, direction, percentiles, raw, histograms);
    }

    private List<List<double[][]>> histograms(JsonNode node, String what) throws ResultFileException {
        List<List<double[][]>> forks = new ArrayList<>();
        if (node == null || !node.isArray()) {
            return forks;
        }
        for (JsonNode fork : node) {
            List<double[][]> iterations = new ArrayList<>();
            for (JsonNode iteration : fork) {
                double[][] pairs = new double[iteration.size()][];
                for (int i = 0; i < pairs.length; i++) {
                    JsonNode pair = iteration.get(i);
                    if (!pair.isArray() || pair.size() != 2) {
                        throw error(what, "'rawDataHistogram' entries must be [value, count] pairs");
                    }
                    double value = number(pair.get(0), "rawDataHistogram", what, false);
                    double count = number(pair.get(1), "rawDataHistogram", what, false);
                    if (count < 0) {
                        throw error(what, "'rawDataHistogram' has a negative count");
                    }
                    pairs[i] = new double[] {value, count};
                }
                iterations.add(pairs);
            }
            forks.add(iterations);
        }
        return forks;
    }

    private double number(JsonNode node, String field, String what, boolean nanAllowed) throws ResultFileException {
        if (node.isNumber()) {
            return node.asDouble();
        }
        // JMH writes NaN and infinities as strings.
        if (node.isTextual() && nanAllowed) {
            switch (node.asText()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw error(what, "'" + field + "' is not a number: " + abbreviate(node.toString()));
    }

    private JsonNode required(JsonNode node, String field, String where) throws ResultFileException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw error(where, "has no '" + field + "'");
        }
        return value;
    }

    private String requiredText(JsonNode node, String field, String where) throws ResultFileException {
        JsonNode value = required(node, field, where);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw error(where, "'" + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    private ResultFileException error(String where, String message) {
        return new ResultFileException(source + ": " + where + " " + message);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
