package io.sabot.budget.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sabot.budget.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private ReportFixture fixture;
    private String html;

    @BeforeEach
    void render() throws Exception {
        fixture = new ReportFixture();
        html = HtmlReport.render(fixture.context, fixture.data);
    }

    static JsonNode chartData(String html) throws Exception {
        String open = "<script type=\"application/json\" id=\"budget-report-data\">";
        int start = html.indexOf(open) + open.length();
        int end = html.indexOf("</script>", start);
        return new ObjectMapper().readTree(html.substring(start, end));
    }

    private JsonNode chart(String kind, int benchmark) throws Exception {
        for (JsonNode chart : chartData(html)) {
            if (chart.get("id").asText().equals("chart-" + benchmark + "-" + kind)) {
                return chart;
            }
        }
        throw new AssertionError("no " + kind + " chart for benchmark " + benchmark);
    }

    private static List<String> labels(JsonNode chart) {
        List<String> labels = new ArrayList<>();
        chart.get("series").forEach(s -> labels.add(s.get("label").asText()));
        return labels;
    }

    @Test
    void theFixtureHasAFailedBudgetAPassedPercentileAndARegression() {
        var results = fixture.context.evaluation().results();
        assertThat(results).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo("TOO-TIGHT</script>");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        });
        assertThat(results).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo("LAT-P99");
            assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        });
    }

    @Test
    void inPairedModeTheHeaderSaysTheBaselineCodeWasMeasuredHereNotThatItsEnvironmentAndAgeAreUnknown() {
        String paired = HtmlReport.render(fixture.context, fixture.pairedData());
        String header = paired.substring(paired.indexOf("<header>"), paired.indexOf("</header>"));

        assertThat(header).contains("<dt>Baseline code</dt><dd>git:HEAD~1 (commit 1a2b3c4d) &lt;i&gt;evil&lt;/i&gt;,"
                        + " measured beside this code in this build, on this machine (see Paired run)</dd>")
                .doesNotContain("<dt>Baseline environment</dt>").doesNotContain("<dt>Baseline age</dt>");
    }

    @Test
    void summaryAtTheTopCountsVerdictsAndNamesBothEnvironmentsAndTheBaselineAge() {
        String header = html.substring(html.indexOf("<header>"), html.indexOf("</header>"));
        int failed = fixture.context.evaluation().violations().size();
        assertThat(failed).isPositive();
        assertThat(header).contains("data-count=\"failed\"><b>" + failed + "</b> failed")
                .contains("data-count=\"passed\"><b>" + fixture.context.evaluation().passed() + "</b> passed")
                .contains("data-count=\"inconclusive\">").contains("data-count=\"warnings\">")
                .contains("<dt>Run time</dt><dd>1 min 15 s</dd>")
                .contains("<dt>Measured on</dt><dd>Eclipse Adoptium 17.0.9, Linux amd64, Test CPU &lt;b&gt; x2, JMH 1.37</dd>")
                .contains("<dt>Baseline environment</dt><dd>Eclipse Adoptium 17.0.9")
                .contains("<dt>Baseline age</dt><dd>3 days old (recorded 2026-11-22T12:00:00Z)</dd>")
                .contains("first &lt;baseline&gt;")
                .contains(".budget/history.jsonl, 3 runs; trends show the last 20");
        assertThat(html).contains("<body data-charts=\"5\" data-charts-rendered=\"0\" data-verdict=\"FAIL\">");
    }

    @Test
    void theForestPlotOfEveryRegressionCheckComesRightAfterTheSummaryFailuresFirst() {
        assertThat(html).contains("</header>\n<main>\n<section id=\"regressions\" class=\"forest\" data-rows=\"2\">");
        long regressions = fixture.context.evaluation().results().stream()
                .filter(r -> r.kind() == io.sabot.budget.core.check.CheckKind.REGRESSION).count();
        String forest = html.substring(html.indexOf("<section id=\"regressions\""), html.indexOf("</section>"));
        assertThat(ForestPlotTest.rowAttribute(forest, "data-verdict")).hasSize((int) regressions)
                .containsExactly("FAIL", "INCONCLUSIVE"); // the evaluation lists the inconclusive one first
        assertThat(ForestPlotTest.rowAttribute(forest, "data-benchmark")).containsExactly(
                "io.x.LatencyBench.sample (sample)",
                "io.x.Evil&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;Bench.fast[size=a|b&quot;c&#39;\n"
                        + "&lt;img src=x onerror=alert(2)&gt;] (avgt)");
        // each row links to its benchmark's section (benchmarks are ordered by name: the Evil one is #0)
        assertThat(forest).contains("<a href=\"#benchmark-1\"><g class=\"forest-row verdict-FAIL\"")
                .contains("<a href=\"#benchmark-0\"><g class=\"forest-row verdict-INCONCLUSIVE\"");
        assertThat(html).contains("<article class=\"benchmark\" id=\"benchmark-1\">\n<h3>LatencyBench.sample (sample)</h3>");
    }

    @Test
    void theFailedBudgetIsARedRowOfTheTable() {
        Matcher row = Pattern.compile("<tr class=\"check verdict-FAIL\" data-verdict=\"FAIL\"><td>([^<]*)</td><td>([^<]*)</td>")
                .matcher(html);
        List<String> failedIds = new ArrayList<>();
        while (row.find()) {
            failedIds.add(row.group(1));
        }
        assertThat(failedIds).contains("TOO-TIGHT&lt;/script&gt;");
    }

    @Test
    void theVerdictTableListsFailuresThenInconclusiveThenPasses() {
        Matcher row = Pattern.compile("<tr class=\"check verdict-[A-Z]+\" data-verdict=\"([A-Z]+)\"><td>([^<]*)</td><td>([^<]*)</td>")
                .matcher(html);
        List<String> rows = new ArrayList<>();
        while (row.find()) {
            rows.add(row.group(1) + " " + row.group(2) + " " + row.group(3).substring(0, 12));
        }
        // the evaluation's order is TOO-TIGHT (FAIL), LAT-P99 (PASS), regression (INCONCLUSIVE), regression (FAIL)
        assertThat(rows).containsExactly("FAIL TOO-TIGHT&lt;/script&gt; Evil&lt;/scr", "FAIL regression LatencyBench",
                "INCONCLUSIVE regression Evil&lt;/scr", "PASS LAT-P99 LatencyBench");
    }

    @Test
    void everyNameIsEscapedAndNoScriptCanBeInjected() {
        assertThat(html).doesNotContain("alert(1)</script>").doesNotContain("<img src=x").doesNotContain("<b>x2")
                .doesNotContain("TOO-TIGHT</script>");
        assertThat(html).contains("Evil&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;Bench.fast")
                .contains("a|b&quot;c&#39;\n&lt;img src=x onerror=alert(2)&gt;");
        // the only script elements are the page's own four: error handler, data, uPlot, drawing code
        assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(4);
        assertThat(Pattern.compile("</script>").matcher(html).results().count()).isEqualTo(4);
    }

    @Test
    void thePageLoadsNothingFromTheNetwork() {
        assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'");
        assertThat(html).doesNotContain("<link").doesNotContain(" src=\"").doesNotContain("@import");
        assertThat(html).contains("var uPlot=function()"); // the library itself is inlined
    }

    @Test
    void distributionChartHasEveryIterationOfEveryForkTheLimitAndTheBaseline() throws Exception {
        JsonNode chart = chart("distribution", 0); // benchmarks are ordered by name: io.x.Evil... first
        assertThat(chart.get("unit").asText()).isEqualTo("ns/op");
        assertThat(chart.get("x")).hasSize(4);
        JsonNode fork1 = chart.get("series").get(0);
        JsonNode fork2 = chart.get("series").get(1);
        assertThat(fork1.get("label").asText()).isEqualTo("fork 1");
        assertThat(fork1.get("values").toString()).isEqualTo("[100.0,102.0,98.0,101.0]");
        assertThat(fork2.get("values").toString()).isEqualTo("[99.0,103.0,100.0,97.0]");
        assertThat(labels(chart)).contains("baseline fork 1", "baseline fork 2", "baseline 90.000 ns/op",
                "TOO-TIGHT</script> <= 50.000 ns/op");
        JsonNode limit = chart.get("series").get(labels(chart).indexOf("TOO-TIGHT</script> <= 50.000 ns/op"));
        assertThat(limit.get("style").asText()).isEqualTo("limit");
        assertThat(limit.get("values").get(0).asDouble()).isEqualTo(50.0);
    }

    @Test
    void sampleTimeBenchmarksGetAPercentileCurveWithTheirPercentileLimitInTheirUnit() throws Exception {
        JsonNode chart = chart("percentiles", 1);
        assertThat(chart.get("xLabels").toString())
                .isEqualTo("[\"min\",\"p50\",\"p90\",\"p95\",\"p99\",\"p99.9\",\"p99.99\",\"p99.999\",\"p99.9999\",\"max\"]");
        assertThat(chart.get("series").get(0).get("values").get(4).asDouble()).isEqualTo(5.0);
        assertThat(labels(chart)).contains("this run", "baseline", "LAT-P99 p99 <= 10.000 ms/op");
        // linear from 0: the curve reaches down to 0.45 of 10 ms, and the 10 ms limit is on the axis
        assertThat(chart.has("log")).isFalse();
        assertThat(chart.get("yMin").asDouble()).isZero();
        assertThat(chart.get("yMax").asDouble()).isGreaterThan(10);
        // the avgt benchmark has no percentile curve
        assertThat(html).doesNotContain("id=\"chart-0-percentiles\"");
    }

    @Test
    void valueAxesAreLinearAndStartJustBelowTheValuesSoA30PercentDifferenceIsVisible() throws Exception {
        // samples near 100 ns, the baseline at 90 and a 50 ns limit: all on the axis, which starts below 50
        JsonNode distribution = chart("distribution", 0);
        assertThat(distribution.has("log")).isFalse();
        assertThat(distribution.get("yMin").asDouble()).isBetween(40.0, 50.0);
        assertThat(distribution.get("yMax").asDouble()).isBetween(103.0, 110.0);
        assertThat(labels(distribution)).noneMatch(l -> l.contains("off the axis"));

        var spread = io.sabot.budget.core.io.JsonTrees.object();
        var series = spread.putArray("series");
        series.addObject().put("label", "fork 1").put("style", "points").putArray("values").add(1.0).addNull().add(1.3);
        series.addObject().put("label", "MAX <= 100 ns/op").put("style", "limit").putArray("values").add(100.0).add(100.0);
        ChartSpecs.withRange(spread);
        // a limit 77x above the samples stays off the axis, and its label says so
        assertThat(spread.get("yMin").asDouble()).isBetween(0.9, 1.0);
        assertThat(spread.get("yMax").asDouble()).isBetween(1.3, 1.4);
        assertThat(spread.get("series").get(1).get("offScale").asText()).isEqualTo("above");
        assertThat(spread.get("series").get(1).get("label").asText()).isEqualTo("MAX <= 100 ns/op (off the axis, above)");
        // 1.0 vs 1.3 is then most of the height, not a few pixels
        double height = spread.get("yMax").asDouble() - spread.get("yMin").asDouble();
        assertThat(0.3 / height).isGreaterThan(0.6);

        var wide = io.sabot.budget.core.io.JsonTrees.object();
        wide.putArray("series").addObject().put("label", "p").put("style", "line").putArray("values").add(2.0).add(9.0);
        ChartSpecs.withRange(wide);
        assertThat(wide.get("yMin").asDouble()).isZero(); // 2 is below a third of 9: the axis starts at 0
    }

    @Test
    void trendChartShowsTheHistoryWithCommitIdsOrTimes() throws Exception {
        JsonNode chart = chart("trend", 0);
        assertThat(chart.get("xLabels").toString()).isEqualTo("[\"0abcdef012\",\"11-25 10:00\",\"2abcdef012\"]");
        assertThat(chart.get("series").get(0).get("values")).hasSize(3);
        assertThat(chart.get("series").get(0).get("values").get(0).asDouble())
                .isEqualTo(fixture.current.results().get(0).primary().score());
    }

    @Test
    void withoutHistoryThereIsNoTrendAndTheHeaderSaysHowToSwitchItOn() throws Exception {
        String plain = HtmlReport.render(fixture.context, ReportData.withoutHistory(fixture.current, fixture.budgets,
                ReportFixture.NOW));
        assertThat(plain).doesNotContain("-trend\"").contains("off (set budget.history to record runs and draw trends)");
        assertThat(chartData(plain)).hasSize(3);
        assertThat(plain).contains("data-charts=\"3\"");
    }

    @Test
    void inPairedModeThePageNamesTheBaselineCodeAndSeedAndListsEachBenchmarksRounds() {
        String paired = HtmlReport.render(fixture.context, fixture.pairedData());

        assertThat(paired).contains("<dt>Baseline code</dt><dd>git:HEAD~1 (commit 1a2b3c4d) &lt;i&gt;evil&lt;/i&gt;, measured"
                + " beside this code in this build, on this machine (see Paired run)</dd>");
        String section = paired.substring(paired.indexOf("<section id=\"paired\">"));
        section = section.substring(0, section.indexOf("</section>"));
        assertThat(section).contains("<h2>Paired run</h2>")
                .contains("<dt>Baseline code</dt><dd>git:HEAD~1 (commit 1a2b3c4d) &lt;i&gt;evil&lt;/i&gt;</dd>")
                .contains("<dt>Seed of the order</dt><dd>42</dd>")
                .contains("<dt>Pairs</dt><dd>2 in 2 rounds; the baseline ran first in 1</dd>")
                .contains("<tr><td>1</td><td>1</td><td>baseline</td><td>io.x.Evil&lt;/script&gt;&lt;script&gt;alert(1)")
                .doesNotContain("<i>");
        // the section comes after the verdict table, before the benchmarks
        assertThat(paired.indexOf("<section id=\"checks\">")).isLessThan(paired.indexOf("<section id=\"paired\">"));
        assertThat(paired.indexOf("<section id=\"paired\">")).isLessThan(paired.indexOf("<section id=\"benchmarks\">"));

        // fork scores of the avgt benchmark (each fork's mean without its slowest iteration, as the statistics judge it):
        // baseline 89.667 and 89.333, this code 99.667 and 98.667
        String fast = paired.substring(paired.indexOf("<article class=\"benchmark\" id=\"benchmark-0\">"),
                paired.indexOf("<article class=\"benchmark\" id=\"benchmark-1\">"));
        assertThat(fast).contains("<th>Round</th><th>Order</th><th>Baseline fork score (ns/op)</th><th>This code fork score"
                        + " (ns/op)</th><th>Ratio this / baseline</th>")
                .contains("fork by fork (a fork's score is the mean of its steady iterations without its worst one")
                .contains("<tr><td>1</td><td>baseline first</td><td>89.667</td><td>99.667</td><td>1.112</td></tr>")
                .contains("<tr><td>2</td><td>this code first</td><td>89.333</td><td>98.667</td><td>1.104</td></tr>");
        assertThat(Pattern.compile("<table class=\"paired-rounds\">").matcher(paired).results().count()).isEqualTo(2);
    }

    @Test
    void withoutAPairedRunThereIsNoPairedSectionAndNoRounds() {
        assertThat(html).doesNotContain("<section id=\"paired\"").doesNotContain("class=\"paired-rounds\"")
                .doesNotContain("<dt>Baseline code</dt>");
    }

    @Test
    void everyChartHasItsElementOnThePage() throws Exception {
        JsonNode charts = chartData(html);
        assertThat(charts).hasSize(5); // two distributions, one percentile curve, two trends
        for (JsonNode chart : charts) {
            assertThat(html).contains("<div class=\"plot\" id=\"" + chart.get("id").asText() + "\"></div>");
            // ids follow the page's worst-first order, so each chart also names its benchmark
            String index = chart.get("id").asText().split("-")[1];
            assertThat(html).containsPattern("<article class=\"benchmark\" id=\"benchmark-" + index + "\">\\n<h3>[^<]*</h3>\\n"
                    + "<p class=\"identity\"><code>" + Pattern.quote(HtmlReport.escape(chart.get("benchmark").asText())));
            int points = chart.get("x").size();
            chart.get("series").forEach(s -> assertThat(s.get("values")).hasSize(points));
        }
    }

    @Test
    void jsonForAScriptElementEscapesEverythingThatCouldEndIt() throws Exception {
        String json = HtmlReport.json(io.sabot.budget.core.io.JsonTrees.array().add("</script><!-- & \u2028"));
        assertThat(json).isEqualTo("[\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\"]");
        assertThat(new ObjectMapper().readTree(json).get(0).asText()).isEqualTo("</script><!-- & \u2028");
    }

    @Test
    void htmlEscapingCoversTextAndAttributes() {
        assertThat(HtmlReport.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        // beyond Latin-1 as references (a supplementary character as one), Latin-1 itself as is
        assertThat(HtmlReport.escape("\u00b1 \u2264 \ud83d\ude80 \u00e9")).isEqualTo("\u00b1 &#8804; &#128640; \u00e9");
        assertThat(HtmlReport.scriptSafe("a='</script>'")).isEqualTo("a='<\\/script>'");
    }

    @Test
    void ageReadsAsPeopleSayIt() {
        var now = ReportFixture.NOW;
        assertThat(HtmlReport.age(now.minusSeconds(3 * 86400 + 5), now)).isEqualTo("3 days old");
        assertThat(HtmlReport.age(now.minusSeconds(5 * 3600), now)).isEqualTo("5 hours old");
        assertThat(HtmlReport.age(now.minusSeconds(90), now)).isEqualTo("1 minute old");
        assertThat(HtmlReport.age(now.minusSeconds(600), now)).isEqualTo("10 minutes old");
        assertThat(HtmlReport.age(now.plusSeconds(90), now)).contains("future");
        assertThat(Optional.of(HtmlReport.formatDuration(java.time.Duration.ofSeconds(59)))).contains("59 s");
    }
}
