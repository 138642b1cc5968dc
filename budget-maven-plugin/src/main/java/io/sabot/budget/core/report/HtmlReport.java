package io.sabot.budget.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.budget.core.io.JsonTrees;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.Quantity;
import io.sabot.budget.core.model.RunResults;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code report.html}: one self-contained page (uPlot, styles, script and data inlined; a
 * Content-Security-Policy forbids every network request) that opens offline. Layout, top to bottom:
 * summary (counts per verdict, run time, environment, baseline with its environment and age,
 * history), the forest plot of every regression check ({@link ForestPlot}, inline SVG), problems,
 * the verdict table (failures and inconclusive checks first, {@link VerdictOrder}), in paired mode
 * the paired run ({@link PairedSection}), in a JDK comparison the JDKs' scores and ratios ({@link JdkSection}), then one section per benchmark with its checks, its paired
 * rounds and its charts:
 * every iteration of every fork against the limits and the baseline, the percentile curve of
 * SampleTime benchmarks, and the trend over the last runs of the history.
 *
 * <p>Every name is escaped for HTML; the chart data is JSON in a {@code application/json} script
 * element with {@code <}, {@code >}, {@code &} and line separators escaped, so no value can end the
 * element. The page records script errors in {@code data-js-errors} on {@code <html>} and the number
 * of charts drawn in {@code data-charts-rendered} on {@code <body>} (expected: {@code data-charts}).
 */
public final class HtmlReport {

    static final String SCRIPT = "io/sabot/budget/core/report/report.js";
    static final String STYLE = "io/sabot/budget/core/report/report.css";
    private static final String ERROR_HANDLER = """
            (function () {
              var errors = [];
              document.documentElement.setAttribute('data-js-errors', '[]');
              function record(message) {
                errors.push(String(message));
                document.documentElement.setAttribute('data-js-errors', JSON.stringify(errors));
              }
              window.onerror = function (message, source, line, column) { record(message + ' (line ' + line + ':' + column + ')'); };
              window.addEventListener('unhandledrejection', function (e) { record('unhandled rejection: ' + e.reason); });
              window.budgetReportError = record;
              // the time to first paint, for people and for the browser test of a large report
              if (window.PerformanceObserver) {
                try {
                  new PerformanceObserver(function (list) {
                    list.getEntries().forEach(function (entry) {
                      if (entry.name === 'first-contentful-paint') {
                        document.documentElement.setAttribute('data-first-contentful-paint', String(Math.round(entry.startTime)));
                      }
                    });
                  }).observe({ type: 'paint', buffered: true });
                } catch (e) {
                  // a browser without paint timing: nothing to record
                }
              }
            })();
            """;

    /** The search box: filters the check rows and the benchmark sections by text (report.js). */
    private static final String SEARCH = "<div id=\"search\" role=\"search\">\n"
            + "<label for=\"search-text\">Filter checks and benchmarks</label>\n"
            + "<input type=\"search\" id=\"search-text\" placeholder=\"budget id, benchmark name or verdict\" autocomplete=\"off\">\n"
            + "<output id=\"search-count\" for=\"search-text\"></output>\n</div>\n";

    private HtmlReport() {
    }

    public static String render(ReportContext context, ReportData data) {
        ChartLibrary library = ChartLibrary.get();
        ClassLoader loader = HtmlReport.class.getClassLoader();
        Evaluation evaluation = context.evaluation();
        List<ObjectNode> charts = new ArrayList<>();
        StringBuilder benchmarks = new StringBuilder();
        Map<BenchmarkKey, List<CheckResult>> checksOf = new HashMap<>();
        evaluation.results().forEach(r -> checksOf.computeIfAbsent(r.benchmark(), k -> new ArrayList<>()).add(r));
        List<BenchmarkResult> ordered = worstFirst(ChartSpecs.ordered(data.current()), checksOf);
        Map<BenchmarkKey, String> anchors = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            BenchmarkResult result = ordered.get(i);
            benchmarks.append(benchmark(i, result, checksOf.getOrDefault(result.key(), List.of()), context, data, charts));
            anchors.put(result.key(), "benchmark-" + i);
        }

        StringBuilder html = new StringBuilder(library.script.length() + 64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline';"
                        + " style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"budget-maven-plugin, uPlot ").append(escape(library.version)).append("\">\n")
                .append("<title>Performance budgets: ").append(escape(context.project())).append("</title>\n")
                .append("<script>").append(ERROR_HANDLER).append("</script>\n")
                .append("<style>\n").append(library.css).append("\n").append(ChartLibrary.resource(loader, STYLE)).append("</style>\n")
                .append("</head>\n");
        html.append("<body data-charts=\"").append(charts.size()).append("\" data-charts-rendered=\"0\" data-verdict=\"")
                .append(overall(evaluation)).append("\">\n");
        html.append(SEARCH);
        html.append(header(context, data));
        html.append("<main>\n");
        html.append(ForestPlot.render(evaluation.results(), anchors));
        if (!evaluation.problems().isEmpty()) {
            html.append("<section id=\"problems\">\n<h2>Problems</h2>\n<ul>\n");
            evaluation.problems().forEach(p -> html.append("<li>").append(escape(p)).append("</li>\n"));
            html.append("</ul>\n</section>\n");
        }
        html.append(table(VerdictOrder.worstFirst(evaluation.results())));
        data.paired().ifPresent(run -> html.append(PairedSection.section(run)));
        data.jdks().ifPresent(comparison -> html.append(JdkSection.section(comparison)));
        html.append("<section id=\"benchmarks\">\n<h2>Benchmarks</h2>\n").append(benchmarks).append("</section>\n");
        List<String> notes = new ArrayList<>(evaluation.notes());
        notes.addAll(data.historyWarnings());
        if (!notes.isEmpty()) {
            html.append("<section id=\"notes\">\n<h2>Notes</h2>\n<ul>\n");
            notes.forEach(n -> html.append("<li>").append(escape(n)).append("</li>\n"));
            html.append("</ul>\n</section>\n");
        }
        html.append("</main>\n");
        ArrayNode chartArray = JsonTrees.array();
        charts.forEach(chartArray::add);
        html.append("<script type=\"application/json\" id=\"budget-report-data\">").append(json(chartArray)).append("</script>\n");
        html.append("<script>\n").append(scriptSafe(library.script)).append("\n</script>\n");
        html.append("<script>\n").append(ChartLibrary.resource(loader, SCRIPT)).append("</script>\n");
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static String header(ReportContext context, ReportData data) {
        Evaluation e = context.evaluation();
        StringBuilder h = new StringBuilder("<header>\n<h1>Performance budgets: ").append(escape(context.project())).append("</h1>\n");
        h.append("<ul class=\"counts\">\n")
                .append(count("passed", e.passed(), "PASS"))
                .append(count("failed", e.violations().size(), "FAIL"))
                .append(count("inconclusive", e.inconclusive().size(), "INCONCLUSIVE"))
                .append(count("warnings", e.warnings().size(), "WARN"))
                .append("</ul>\n");
        h.append("<p class=\"summary-line\">").append(escape(context.summaryLine())).append("</p>\n");
        h.append("<dl class=\"facts\">\n");
        fact(h, "Run time", formatDuration(context.elapsed()));
        fact(h, "Report written", data.generatedAt().toString());
        fact(h, "Results", data.current().source());
        fact(h, "Measured on", context.environment().map(Environment::summary).orElse("unknown"));
        if (data.paired().isPresent()) {
            // measured beside this code: its environment is this one and its age is this build's
            fact(h, "Baseline code", data.paired().get().baselineSource()
                    + ", measured beside this code in this build, on this machine (see Paired run)");
        } else if (context.baseline().isPresent()) {
            RunResults baseline = context.baseline().get();
            fact(h, "Baseline", baseline.source() + baseline.reason().map(r -> " (" + r + ")").orElse(""));
            fact(h, "Baseline environment", baseline.environment().map(Environment::summary)
                    .orElse("not recorded (plain JMH results)"));
            if (baseline.environment().isPresent() && context.environment().isPresent()) {
                List<String> differences = context.environment().get().differencesFrom(baseline.environment().get());
                if (!differences.isEmpty()) {
                    fact(h, "Environment differs", String.join("; ", differences));
                }
            }
            fact(h, "Baseline age", baseline.recordedAt()
                    .map(t -> age(t, data.generatedAt()) + " (recorded " + t + ")").orElse("unknown (no time recorded)"));
        } else {
            fact(h, "Baseline", "none: regressions were not checked");
        }
        fact(h, "History", data.historyFile()
                .map(f -> f + ", " + data.history().size() + " run" + (data.history().size() == 1 ? "" : "s")
                        + "; trends show the last " + data.historyRuns())
                .orElse("off (set budget.history to record runs and draw trends)"));
        h.append("</dl>\n</header>\n");
        return h.toString();
    }

    private static String table(List<CheckResult> results) {
        StringBuilder t = new StringBuilder("<section id=\"checks\">\n<h2>Checks</h2>\n");
        if (results.isEmpty()) {
            return t.append("<p>No checks ran.</p>\n</section>\n").toString();
        }
        t.append("<table>\n<thead><tr>");
        TableRows.HEADER.forEach(c -> t.append("<th>").append(escape(c)).append("</th>"));
        t.append("</tr></thead>\n<tbody>\n");
        List<List<String>> rows = TableRows.rows(results);
        for (int i = 0; i < rows.size(); i++) {
            String verdict = results.get(i).verdictLabel();
            List<String> row = rows.get(i);
            t.append("<tr class=\"check verdict-").append(verdict).append("\" data-verdict=\"").append(verdict).append("\">");
            for (int c = 0; c < row.size(); c++) {
                boolean last = c == row.size() - 1;
                t.append(last ? "<td><span class=\"badge verdict-" + verdict + "\">" : "<td>").append(escape(row.get(c)))
                        .append(last ? "</span></td>" : "</td>");
            }
            t.append("</tr>\n");
        }
        return t.append("</tbody>\n</table>\n</section>\n").toString();
    }

    private static String benchmark(int index, BenchmarkResult result, List<CheckResult> checks, ReportContext context,
                                    ReportData data, List<ObjectNode> charts) {
        Optional<BenchmarkResult> baseline = context.baseline().flatMap(b -> b.find(result.key()));
        StringBuilder s = new StringBuilder("<article class=\"benchmark\" id=\"benchmark-").append(index).append("\">\n");
        s.append("<h3>").append(escape(result.key().label())).append("</h3>\n");
        List<double[]> iterations = result.primary().iterationScores();
        s.append("<p class=\"identity\"><code>").append(escape(result.key().toString())).append("</code> &middot; ")
                .append(iterations.size()).append(" fork(s), ").append(iterations.stream().mapToInt(f -> f.length).sum())
                .append(" iterations, score ").append(escape(Quantity.format(result.primary().score()) + " "
                        + result.primary().unit().label())).append("</p>\n");
        if (!checks.isEmpty()) {
            s.append("<ul class=\"checks\">\n");
            for (CheckResult check : checks) {
                s.append("<li class=\"verdict-").append(check.verdictLabel()).append("\"><span class=\"badge verdict-")
                        .append(check.verdictLabel()).append("\">").append(check.verdictLabel()).append("</span> <b>")
                        .append(escape(check.id())).append("</b> ").append(escape(check.message()));
                check.notes().forEach(n -> s.append("<br><small>").append(escape(n)).append("</small>"));
                s.append("</li>\n");
            }
            s.append("</ul>\n");
        }
        data.paired().ifPresent(run -> s.append(PairedSection.rounds(run, result)));
        s.append("<div class=\"charts\">\n");
        List<ObjectNode> mine = new ArrayList<>();
        String prefix = "chart-" + index + "-";
        mine.add(ChartSpecs.distribution(prefix + "distribution", result, baseline, checks, data));
        ChartSpecs.percentiles(prefix + "percentiles", result, baseline, checks, data).ifPresent(mine::add);
        ChartSpecs.trend(prefix + "trend", result, checks, data).ifPresent(mine::add);
        for (ObjectNode chart : mine) {
            // Charts are numbered in the page's order, which puts failures first: name the benchmark too.
            chart.put("benchmark", result.key().toString());
            s.append("<figure class=\"chart\" data-kind=\"").append(escape(chart.get("kind").asText())).append("\">")
                    .append("<figcaption>").append(escape(chart.get("title").asText())).append(" (")
                    .append(escape(chart.get("unit").asText())).append(")</figcaption>")
                    .append("<div class=\"plot\" id=\"").append(escape(chart.get("id").asText())).append("\"></div></figure>\n");
        }
        charts.addAll(mine);
        return s.append("</div>\n</article>\n").toString();
    }

    /**
     * Benchmarks whose checks need attention first (a failure, a failed warning, an undecided check), each
     * group in the given order; benchmarks without checks last.
     */
    static List<BenchmarkResult> worstFirst(List<BenchmarkResult> results, Map<BenchmarkKey, List<CheckResult>> checksOf) {
        return results.stream().sorted(Comparator.comparingInt((BenchmarkResult r) -> checksOf.getOrDefault(r.key(), List.of())
                .stream().mapToInt(VerdictOrder::rank).min().orElse(Integer.MAX_VALUE))).toList();
    }

    private static String count(String label, long value, String verdict) {
        return "<li class=\"count verdict-" + verdict + (value > 0 ? " nonzero" : "") + "\" data-count=\"" + label
                + "\"><b>" + value + "</b> " + label + "</li>\n";
    }

    private static void fact(StringBuilder h, String name, String value) {
        h.append("<dt>").append(escape(name)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static String overall(Evaluation e) {
        if (!e.problems().isEmpty() || !e.violations().isEmpty()) {
            return "FAIL";
        }
        if (!e.inconclusive().isEmpty()) {
            return "INCONCLUSIVE";
        }
        return e.warnings().isEmpty() ? "PASS" : "WARN";
    }

    static String age(Instant recorded, Instant now) {
        Duration age = Duration.between(recorded, now);
        if (age.isNegative()) {
            return "recorded in the future (clock skew?)";
        }
        if (age.toDays() >= 2) {
            return age.toDays() + " days old";
        }
        if (age.toHours() >= 2) {
            return age.toHours() + " hours old";
        }
        long minutes = Math.max(0, age.toMinutes());
        return minutes + (minutes == 1 ? " minute old" : " minutes old");
    }

    static String formatDuration(Duration d) {
        long seconds = d.toSeconds();
        return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }

    /**
     * Text and attribute values: the five characters that can change HTML's meaning, and every character
     * beyond Latin-1 as a character reference (the forest plot's "\u2264" on every row), which the browser shows
     * the same: one such character would widen the page's builder of megabytes to two bytes a character.
     */
    static String escape(String text) {
        int first = 0;
        while (first < text.length() && !needsEscape(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text; // most names and messages: no copy (report.html escapes some 20,000 of them)
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c <= 0xFF) {
                        out.append(c);
                    } else {
                        int codePoint = text.codePointAt(i);
                        out.append("&#").append(codePoint).append(';');
                        i += Character.charCount(codePoint) - 1;
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c > 0xFF;
    }

    /**
     * JSON that can sit inside a script element: {@code <}, {@code >} and {@code &} only occur inside
     * JSON strings, where their \\u escapes mean the same, so no {@code </script>} or {@code <!--} survives.
     */
    static String json(JsonNode value) {
        String text = JsonTrees.compact(value);
        // One pass over the chart data (megabytes for a large suite), not one per character replaced.
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            String escaped = switch (text.charAt(i)) {
                case '<' -> "\\u003c";
                case '>' -> "\\u003e";
                case '&' -> "\\u0026";
                case '\u2028' -> "\\u2028";
                case '\u2029' -> "\\u2029";
                default -> null;
            };
            if (escaped != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 1024);
                }
                out.append(text, copied, i).append(escaped);
                copied = i + 1;
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** A library inlined in a script element must not contain its end tag; uPlot does not, this keeps it so. */
    static String scriptSafe(String script) {
        return script.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT");
    }
}
