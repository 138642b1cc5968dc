package io.sabot.budget.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.budget.core.io.JsonTrees;
import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.UnitBridge;
import io.sabot.budget.core.history.HistoryTrend;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Budget;
import io.sabot.budget.core.model.Limit;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.MetricUnit;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.Quantity;
import io.sabot.budget.core.model.RunResults;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The charts of one benchmark as data for the page's script (uPlot's column layout: one x array,
 * one values array per series, {@code null} where a series has no point):
 * <pre>
 * { "id", "benchmark", "kind": "distribution"|"percentiles"|"trend", "title", "unit", "yMin": num, "yMax": num,
 *   "xLabel", "x": [num], "xLabels": [str]?,
 *   "series": [ { "label", "style": "points"|"line"|"limit"|"reference", "color", "values": [num|null],
 *                 "offScale": "above"|"below"? } ] }
 * </pre>
 */
final class ChartSpecs {

    /** JMH's SampleTime percentiles, in the order the curve draws them. */
    static final double[] PERCENTILES = {0, 50, 90, 95, 99, 99.9, 99.99, 99.999, 99.9999, 100};
    private static final String[] FORK_COLOURS = {"#1f6feb", "#8250df", "#0a7ea4", "#bf3989", "#1a7f37", "#9a6700"};
    private static final String BASELINE_COLOUR = "#8c959f";
    private static final String LIMIT_COLOUR = "#cf222e";
    /** A limit further than this factor from the measurements is left off the value axis. */
    static final double FAR = 3;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ChartSpecs() {
    }

    /**
     * Every measurement iteration of every fork of this run, against the score limits and the
     * baseline's iterations and score.
     */
    static ObjectNode distribution(String id, BenchmarkResult result, Optional<BenchmarkResult> baseline,
                                   List<CheckResult> checks, ReportData data) {
        Metric metric = result.primary();
        MetricUnit unit = metric.unit();
        List<double[]> baselineForks = baseline.map(b -> scaled(b.primary(), unit)).orElse(List.of());
        int longest = 0;
        List<double[]> forks = metric.iterationScores();
        for (double[] fork : forks) {
            longest = Math.max(longest, fork.length);
        }
        for (double[] fork : baselineForks) {
            longest = Math.max(longest, fork.length);
        }
        int iterations = longest;
        String title = metric.rawData().isEmpty() && metric.hasHistograms()
                ? "Mean sample of every measured iteration, per fork" : "Every measured iteration, per fork";
        ObjectNode chart = chart(id, "distribution", title, unit.label(), "measurement iteration");
        ArrayNode x = chart.putArray("x");
        for (int i = 1; i <= iterations; i++) {
            x.add(i);
        }
        ArrayNode series = chart.putArray("series");
        for (int f = 0; f < forks.size(); f++) {
            series.add(series("fork " + (f + 1), "points", FORK_COLOURS[f % FORK_COLOURS.length],
                    padded(forks.get(f), iterations)));
        }
        for (int f = 0; f < baselineForks.size(); f++) {
            series.add(series("baseline fork " + (f + 1), "points", BASELINE_COLOUR, padded(baselineForks.get(f), iterations)));
        }
        series.add(series("score " + Quantity.format(metric.score()) + " " + unit.label(), "line", FORK_COLOURS[0],
                constant(metric.score(), iterations)));
        baseline.ifPresent(b -> convert(b.primary().score(), b.primary().unit(), unit, b.threads()).ifPresent(score ->
                series.add(series("baseline " + Quantity.format(score) + " " + unit.label(), "reference", BASELINE_COLOUR,
                        constant(score, iterations)))));
        for (CheckResult check : checks) {
            if (check.kind() != CheckKind.SCORE) {
                continue;
            }
            limitOf(check, data).ifPresent(limit -> {
                if (limit instanceof Limit.Score score) {
                    convert(score.limit().value(), score.limit().unit(), unit, result.threads()).ifPresent(value ->
                            series.add(series(check.id() + " " + score.describe(), "limit", LIMIT_COLOUR,
                                    constant(value, iterations))));
                }
            });
        }
        return withRange(chart);
    }

    /** The SampleTime percentile curve of this run and the baseline, against percentile limits. */
    static Optional<ObjectNode> percentiles(String id, BenchmarkResult result, Optional<BenchmarkResult> baseline,
                                            List<CheckResult> checks, ReportData data) {
        Metric metric = result.primary();
        if (result.key().mode() != Mode.SAMPLE_TIME || metric.percentiles().isEmpty()) {
            return Optional.empty();
        }
        List<Double> grid = new ArrayList<>();
        for (double p : PERCENTILES) {
            if (metric.percentiles().containsKey(p)) {
                grid.add(p);
            }
        }
        if (grid.size() < 2) {
            return Optional.empty();
        }
        MetricUnit unit = metric.unit();
        ObjectNode chart = chart(id, "percentiles", "Latency percentiles (SampleTime)", unit.label(), "percentile");
        ArrayNode x = chart.putArray("x");
        ArrayNode labels = chart.putArray("xLabels");
        for (int i = 0; i < grid.size(); i++) {
            x.add(i);
            labels.add(percentileLabel(grid.get(i)));
        }
        ArrayNode series = chart.putArray("series");
        double[] values = new double[grid.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = metric.percentiles().get(grid.get(i));
        }
        series.add(series("this run", "line", FORK_COLOURS[0], values));
        if (baseline.isPresent() && baseline.get().primary().unit().isComparableTo(unit)) {
            Metric before = baseline.get().primary();
            double[] baselineValues = new double[grid.size()];
            for (int i = 0; i < baselineValues.length; i++) {
                Double v = before.percentiles().get(grid.get(i));
                baselineValues[i] = v == null ? Double.NaN : before.unit().convert(v, unit);
            }
            series.add(series("baseline", "reference", BASELINE_COLOUR, baselineValues));
        }
        for (CheckResult check : checks) {
            if (check.kind() != CheckKind.PERCENTILE) {
                continue;
            }
            limitOf(check, data).ifPresent(limit -> {
                if (limit instanceof Limit.Percentile p && p.limit().unit().isComparableTo(unit)) {
                    series.add(series(check.id() + " " + p.describe(), "limit", LIMIT_COLOUR,
                            constant(p.limit().unit().convert(p.limit().value(), unit), grid.size())));
                }
            });
        }
        return Optional.of(withRange(chart));
    }

    /** The score of this benchmark over the last runs of the history, labelled with their commits. */
    static Optional<ObjectNode> trend(String id, BenchmarkResult result, List<CheckResult> checks, ReportData data) {
        MetricUnit unit = result.primary().unit();
        List<HistoryTrend.Point> points = HistoryTrend.of(data.history(), result.key(), data.historyRuns(), unit);
        if (points.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode chart = chart(id, "trend", "Score over the last " + points.size() + " recorded run"
                + (points.size() == 1 ? "" : "s"), unit.label(), "commit (oldest first)");
        ArrayNode x = chart.putArray("x");
        ArrayNode labels = chart.putArray("xLabels");
        double[] scores = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            HistoryTrend.Point point = points.get(i);
            x.add(i);
            labels.add(point.commit().isPresent() ? point.shortCommit() : DAY.format(point.time()));
            scores[i] = point.score();
        }
        ArrayNode series = chart.putArray("series");
        series.add(series("score per run", "line", FORK_COLOURS[0], scores));
        for (CheckResult check : checks) {
            if (check.kind() == CheckKind.SCORE) {
                limitOf(check, data).ifPresent(limit -> {
                    if (limit instanceof Limit.Score score) {
                        convert(score.limit().value(), score.limit().unit(), unit, result.threads()).ifPresent(value ->
                                series.add(series(check.id() + " " + score.describe(), "limit", LIMIT_COLOUR,
                                        constant(value, points.size()))));
                    }
                });
            }
        }
        return Optional.of(withRange(chart));
    }

    /**
     * A linear y axis from {@code yMin} to {@code yMax}: a logarithmic one over three decades made a 30%
     * difference a few pixels. The axis spans the measurements and the baseline, and each limit unless
     * it lies more than {@value #FAR}x away from them: then the samples would be a flat line at one
     * edge, so that limit stays off the axis, marked {@code offScale} ("above" or "below") and said so
     * in its label. The axis starts at 0 when the values reach down to a third of their maximum
     * anyway, otherwise a little below the smallest value, so a 30% difference fills much of the chart.
     */
    static ObjectNode withRange(ObjectNode chart) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (JsonNode series : chart.get("series")) {
            if (!"limit".equals(series.path("style").asText())) {
                for (JsonNode value : series.get("values")) {
                    if (!value.isNull()) {
                        min = Math.min(min, value.asDouble());
                        max = Math.max(max, value.asDouble());
                    }
                }
            }
        }
        boolean measured = min <= max;
        for (JsonNode node : chart.get("series")) {
            if (!"limit".equals(node.path("style").asText())) {
                continue;
            }
            ObjectNode series = (ObjectNode) node;
            for (JsonNode value : series.get("values")) {
                if (value.isNull()) {
                    continue;
                }
                double v = value.asDouble();
                if (measured && min > 0 && (v > max * FAR || v < min / FAR)) {
                    String side = v > max ? "above" : "below";
                    series.put("offScale", side);
                    series.put("label", series.get("label").asText() + " (off the axis, " + side + ")");
                    break;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            min = 0;
            max = 1;
        }
        double span = max - min;
        double pad = span > 0 ? 0.08 * span : Math.max(Math.abs(max) * 0.05, 1e-12);
        double low = min >= 0 && min <= max / 3 ? 0 : min - pad;
        if (min >= 0 && low < 0) {
            low = 0;
        }
        chart.put("yMin", low);
        chart.put("yMax", max + pad);
        return chart;
    }

    private static Optional<Limit> limitOf(CheckResult check, ReportData data) {
        return data.budgets().budgets().stream()
                .filter(b -> b.id().equals(check.id()))
                .findFirst()
                .flatMap(Budget::limit);
    }

    private static OptionalDouble convert(double value, MetricUnit from, MetricUnit to, int threads) {
        return UnitBridge.value(value, from, to, threads);
    }

    private static List<double[]> scaled(Metric metric, MetricUnit unit) {
        if (!metric.unit().isComparableTo(unit)) {
            return List.of();
        }
        List<double[]> forks = new ArrayList<>();
        for (double[] fork : metric.iterationScores()) {
            double[] copy = new double[fork.length];
            for (int i = 0; i < fork.length; i++) {
                copy[i] = metric.unit().convert(fork[i], unit);
            }
            forks.add(copy);
        }
        return forks;
    }

    static String percentileLabel(double p) {
        if (p == 100) {
            return "max";
        }
        if (p == 0) {
            return "min";
        }
        return "p" + (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p));
    }

    private static ObjectNode chart(String id, String kind, String title, String unit, String xLabel) {
        ObjectNode chart = JsonTrees.object();
        chart.put("id", id);
        chart.put("kind", kind);
        chart.put("title", title);
        chart.put("unit", unit);
        chart.put("xLabel", xLabel);
        return chart;
    }

    private static ObjectNode series(String label, String style, String colour, double[] values) {
        ObjectNode series = JsonTrees.object();
        series.put("label", label);
        series.put("style", style);
        series.put("color", colour);
        ArrayNode array = series.putArray("values");
        for (double v : values) {
            if (Double.isFinite(v)) {
                array.add(v);
            } else {
                array.addNull();
            }
        }
        return series;
    }

    private static double[] padded(double[] values, int length) {
        double[] out = new double[length];
        java.util.Arrays.fill(out, Double.NaN);
        System.arraycopy(values, 0, out, 0, Math.min(values.length, length));
        return out;
    }

    private static double[] constant(double value, int length) {
        double[] out = new double[length];
        java.util.Arrays.fill(out, value);
        return out;
    }

    /** Results of this run in a stable order: by benchmark, then mode, then parameters. */
    static List<BenchmarkResult> ordered(RunResults run) {
        List<BenchmarkResult> results = new ArrayList<>(run.results());
        results.sort(java.util.Comparator.comparing((BenchmarkResult r) -> r.key().benchmark())
                .thenComparing(r -> r.key().mode())
                .thenComparing(r -> new TreeMap<>(r.key().params()).toString()));
        return results;
    }
}
