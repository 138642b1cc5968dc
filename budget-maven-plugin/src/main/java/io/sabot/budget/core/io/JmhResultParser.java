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

    /** Larger than anything JMH measures in any unit; see {@link #measurement}. */
    static final double IMPLAUSIBLE = 1e100;

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
                if (!p.getValue().isValueNode() || p.getValue().isNull()) {
                    throw error(where, "@Param '" + p.getKey() + "' must be a value, not " + abbreviate(p.getValue().toString()));
                }
                params.put(p.getKey(), p.getValue().asText());
            }
        }
        BenchmarkKey key = new BenchmarkKey(benchmark, mode, params);
        Metric primary = metric(required(node, "primaryMetric", where), "primary", mode.primaryDirection(), true, where);
        Map<String, Metric> secondary = new LinkedHashMap<>();
        JsonNode secondaryNode = node.get("secondaryMetrics");
        if (secondaryNode != null && !secondaryNode.isNull() && !secondaryNode.isObject()) {
            throw error(where, "'secondaryMetrics' is not an object");
        }
        if (secondaryNode != null && secondaryNode.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = secondaryNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> m = it.next();
                JsonNode unitNode = m.getValue().get("scoreUnit");
                Direction direction = secondaryDirection(m.getKey(), unitNode == null ? "" : unitNode.asText());
                secondary.put(m.getKey(), metric(m.getValue(), m.getKey(), direction, false, where));
            }
        }
        List<String> jvmArgs = new ArrayList<>();
        JsonNode args = node.get("jvmArgs");
        if (args != null && args.isArray()) {
            args.forEach(a -> jvmArgs.add(a.asText()));
        }
        int threads = count(node, "threads", 1, 1, where);
        int forks = count(node, "forks", 0, 0, where);
        return new BenchmarkResult(key, threads, forks,
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

    /**
     * @param primary the primary metric is a time or a throughput, so its score and samples cannot be negative
     */
    private Metric metric(JsonNode node, String name, Direction direction, boolean primary, String where)
            throws ResultFileException {
        String what = where + " metric '" + name + "'";
        if (!node.isObject()) {
            throw error(what, "is not an object");
        }
        double score = measurement(required(node, "score", what), "score", what, primary);
        JsonNode errorNode = node.get("scoreError");
        double error = errorNode == null ? Double.NaN : statistic(errorNode, "scoreError", what);
        double low = Double.NaN;
        double high = Double.NaN;
        JsonNode confidence = node.get("scoreConfidence");
        if (confidence != null && !confidence.isNull()) {
            if (!confidence.isArray() || confidence.size() != 2) {
                throw error(what, "'scoreConfidence' must be a [low, high] pair");
            }
            low = statistic(confidence.get(0), "scoreConfidence", what);
            high = statistic(confidence.get(1), "scoreConfidence", what);
        }
        MetricUnit unit;
        try {
            unit = MetricUnit.parse(requiredText(node, "scoreUnit", what));
        } catch (IllegalArgumentException e) {
            throw error(what, e.getMessage());
        }
        Map<Double, Double> percentiles = new LinkedHashMap<>();
        JsonNode percentileNode = node.get("scorePercentiles");
        if (percentileNode != null && !percentileNode.isNull() && !percentileNode.isObject()) {
            throw error(what, "'scorePercentiles' is not an object");
        }
        if (percentileNode != null && percentileNode.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = percentileNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                double percentile;
                try {
                    percentile = Double.parseDouble(p.getKey());
                } catch (NumberFormatException e) {
                    throw error(what, "percentile key '" + abbreviate(p.getKey()) + "' is not a number");
                }
                if (!(percentile >= 0 && percentile <= 100)) {
                    throw error(what, "percentile key '" + abbreviate(p.getKey()) + "' is not between 0 and 100");
                }
                percentiles.put(percentile, measurement(p.getValue(), "scorePercentiles", what, primary));
            }
        }
        List<double[]> raw = rawData(node.get("rawData"), primary, what);
        List<List<double[][]>> histograms = histograms(node.get("rawDataHistogram"), primary, what);
        return new Metric(name, score, error, low, high, unit, direction, percentiles, raw, histograms);
    }

    /** Per fork, per iteration scores. Every fork holds at least one sample: the statistics resample forks. */
    private List<double[]> rawData(JsonNode node, boolean primary, String what) throws ResultFileException {
        List<double[]> raw = new ArrayList<>();
        if (node == null || node.isNull()) {
            return raw;
        }
        if (!node.isArray()) {
            throw error(what, "'rawData' must be a list of lists (per fork, per iteration)");
        }
        for (JsonNode fork : node) {
            if (!fork.isArray() || fork.isEmpty()) {
                throw error(what, "'rawData' must be a list of non-empty lists (per fork, per iteration)");
            }
            double[] values = new double[fork.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = measurement(fork.get(i), "rawData", what, primary);
            }
            raw.add(values);
        }
        return raw;
    }

    /** SampleTime histograms: per fork, per iteration, [value, count] pairs; every iteration holds samples. */
    private List<List<double[][]>> histograms(JsonNode node, boolean primary, String what) throws ResultFileException {
        List<List<double[][]>> forks = new ArrayList<>();
        if (node == null || node.isNull()) {
            return forks;
        }
        String shape = "'rawDataHistogram' must be per fork, per iteration, a non-empty list of [value, count] pairs";
        if (!node.isArray()) {
            throw error(what, shape);
        }
        for (JsonNode fork : node) {
            if (!fork.isArray() || fork.isEmpty()) {
                throw error(what, shape);
            }
            List<double[][]> iterations = new ArrayList<>();
            for (JsonNode iteration : fork) {
                if (!iteration.isArray()) {
                    throw error(what, shape);
                }
                double[][] pairs = new double[iteration.size()][];
                double samples = 0;
                for (int i = 0; i < pairs.length; i++) {
                    JsonNode pair = iteration.get(i);
                    if (!pair.isArray() || pair.size() != 2) {
                        throw error(what, "'rawDataHistogram' entries must be [value, count] pairs");
                    }
                    double value = measurement(pair.get(0), "rawDataHistogram", what, primary);
                    double count = measurement(pair.get(1), "rawDataHistogram", what, true);
                    samples += count;
                    pairs[i] = new double[] {value, count};
                }
                if (samples <= 0) {
                    throw error(what, "'rawDataHistogram' has an iteration without samples");
                }
                iterations.add(pairs);
            }
            forks.add(iterations);
        }
        return forks;
    }

    /**
     * A measured value: a finite JSON number, not negative where it is a time or a throughput, and
     * below {@link #IMPLAUSIBLE} (nothing JMH measures gets near it; beyond it the statistics' sums of
     * squares would overflow to infinity).
     */
    private double measurement(JsonNode node, String field, String what, boolean nonNegative) throws ResultFileException {
        if (!node.isNumber()) {
            throw error(what, "'" + field + "' is not a number: " + abbreviate(node.toString()));
        }
        double value = node.asDouble();
        if (!Double.isFinite(value) || Math.abs(value) > IMPLAUSIBLE) {
            throw error(what, "'" + field + "' is not a plausible measurement: " + abbreviate(node.toString()));
        }
        if (nonNegative && value < 0) {
            throw error(what, "'" + field + "' is negative: " + abbreviate(node.toString()));
        }
        return value == 0 ? 0 : value; // -0.0 is zero

    }

    /** JMH's error estimates: a number, or "NaN"/"Infinity" as JMH writes them when it has too few samples. */
    private double statistic(JsonNode node, String field, String what) throws ResultFileException {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            switch (node.asText()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw error(what, "'" + field + "' is not a number: " + abbreviate(node.toString()));
    }

    /** An optional whole-number field such as threads or forks. */
    private int count(JsonNode node, String field, int absent, int min, String where) throws ResultFileException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min) {
            throw error(where, "'" + field + "' must be a whole number >= " + min + ", not " + abbreviate(value.toString()));
        }
        return value.asInt();
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
