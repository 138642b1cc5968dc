package io.sabot.budget.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opens report.html in headless Chromium and reads back the DOM after the scripts ran: no script
 * error, every chart drawn, the failed budget visible. Skipped where no Chromium is installed (set
 * CHROME_BIN to point at one); a screenshot goes to target/browser-test/ for people to look at.
 */
class HtmlReportInBrowserTest {

    private static final Path OUT = Path.of("target", "browser-test");
    private Path chromium;

    /** Per test (not per class), so each test is reported as skipped with the reason. */
    @BeforeEach
    void findChromium() {
        Optional<Path> found = locate();
        // CI installs Chromium before the tests (.ci/run) and sets this, so there a missing browser fails the build.
        if ("true".equals(System.getenv("BUDGET_REQUIRE_CHROMIUM"))) {
            org.assertj.core.api.Assertions.assertThat(found).as("BUDGET_REQUIRE_CHROMIUM=true but no Chromium found"
                    + " ($CHROME_BIN, chromium, chromium-browser, google-chrome on PATH); apt-get install -y chromium").isPresent();
        }
        Assumptions.assumeTrue(found.isPresent(), "No Chromium found (looked for $CHROME_BIN, chromium, chromium-browser,"
                + " google-chrome on PATH): the browser test of report.html is skipped. Install one (apt-get install chromium)"
                + " to run it.");
        chromium = found.get();
    }

    static Optional<Path> locate() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("CHROME_BIN");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
                    candidates.add(Path.of(dir, name));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    @Test
    void theReportRendersEveryChartWithoutErrorsAndShowsTheFailedBudget() throws Exception {
        ReportFixture fixture = new ReportFixture();
        Path page = write("report.html", HtmlReport.render(fixture.context, fixture.pairedData()));

        String dom = run(page, "--dump-dom");

        assertThat(attribute(dom, "html", "data-js-errors")).as("script errors").isEqualTo("[]");
        String expected = attribute(dom, "body", "data-charts");
        assertThat(expected).isEqualTo("5");
        assertThat(attribute(dom, "body", "data-charts-rendered")).as("charts drawn").isEqualTo(expected);
        assertThat(Pattern.compile("<canvas").matcher(dom).results().count()).isEqualTo(5);
        assertThat(Pattern.compile("data-rendered=\"true\"").matcher(dom).results().count()).isEqualTo(5);
        // the failed budget: its row, its badge, and its name as text (escaped, not executed)
        assertThat(dom).contains("<tr class=\"check verdict-FAIL\" data-verdict=\"FAIL\"><td>TOO-TIGHT&lt;/script&gt;</td>");
        assertThat(dom).contains("data-count=\"failed\"><b>2</b> failed");
        // the forest plot of the regression checks is in the page, failure first
        assertThat(dom).contains("<section id=\"regressions\" class=\"forest\" data-rows=\"2\">");
        assertThat(ForestPlotTest.rowAttribute(dom, "data-verdict")).containsExactly("FAIL", "INCONCLUSIVE");
        // paired mode: the section and one table of rounds per benchmark
        assertThat(dom).contains("<h2>Paired run</h2>");
        assertThat(Pattern.compile("<table class=\"paired-rounds\">").matcher(dom).results().count()).isEqualTo(2);
        // the chart legends carry the limit's label as text
        assertThat(dom).contains("TOO-TIGHT&lt;/script&gt; &lt;= 50.000 ns/op");

        Path screenshot = OUT.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        run(page, "--screenshot=" + screenshot, "--window-size=1200,2400");
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    @Test
    void aBrokenChartIsReportedNotHidden() throws Exception {
        ReportFixture fixture = new ReportFixture();
        // The same page with the drawing code calling a chart library that does not exist.
        String broken = HtmlReport.render(fixture.context, fixture.data).replace("new uPlot(options", "new Missing(options");
        Path page = write("broken.html", broken);

        String dom = run(page, "--dump-dom");

        assertThat(attribute(dom, "body", "data-charts-rendered")).isEqualTo("0");
        assertThat(attribute(dom, "html", "data-js-errors")).contains("Missing is not defined").contains("chart-0-distribution");
    }

    /**
     * A suite of 1,000 benchmarks (1,000 charts): the page opens without script errors, draws only the charts
     * near the window (a link to a benchmark draws its chart), lists failures first, and its search box (driven
     * through the page's address, {@code #search=...}) filters the rows. The time to first paint (Chromium's
     * paint timing, with a virtual-time budget so the dump waits for it) is written to
     * target/browser-test/large-report-first-paint.txt, not asserted: this machine is shared.
     */
    @Test
    void aReportOf1000BenchmarksOpensListsFailuresFirstDrawsChartsOnDemandAndFilters() throws Exception {
        io.sabot.budget.perf.LargeSuite suite = io.sabot.budget.perf.LargeSuite.write(OUT.resolve("large-suite"), 1000);
        io.sabot.budget.core.model.BudgetFile budgets = io.sabot.budget.core.io.BudgetFileParser.parse(suite.budgets);
        io.sabot.budget.core.model.RunResults current = io.sabot.budget.core.io.ResultFiles.read(suite.current);
        io.sabot.budget.core.model.RunResults baseline = io.sabot.budget.core.io.ResultFiles.read(suite.baseline);
        io.sabot.budget.core.check.Evaluation evaluation = new io.sabot.budget.core.check.BudgetEvaluator(
                io.sabot.budget.core.check.Statistics.standard(), false)
                .evaluate(budgets, current, Optional.of(baseline), Optional.of(ReportFixture.ENV));
        ReportContext context = new ReportContext("large", evaluation, Optional.of(ReportFixture.ENV), Optional.of(baseline),
                java.time.Duration.ofSeconds(1), List.of());
        Path page = write("large.html", HtmlReport.render(context, new ReportData(current, budgets, List.of(), Optional.empty(),
                20, List.of(), ReportFixture.NOW)));
        assertThat(evaluation.violations()).isNotEmpty();

        String dom = run(page, "--dump-dom", "--window-size=1200,900", "--virtual-time-budget=5000");

        assertThat(attribute(dom, "html", "data-js-errors")).as("script errors").isEqualTo("[]");
        String firstPaint = attribute(dom, "html", "data-first-contentful-paint");
        Files.writeString(OUT.resolve("large-report-first-paint.txt"), "first-contentful-paint " + firstPaint + " ms, "
                + Files.size(page) + " bytes, " + evaluation.results().size() + " checks\n");
        System.out.println("report.html of 1,000 benchmarks: first contentful paint after " + firstPaint + " ms");
        assertThat(Integer.parseInt(firstPaint)).isPositive();
        int charts = Integer.parseInt(attribute(dom, "body", "data-charts"));
        int drawn = Integer.parseInt(attribute(dom, "body", "data-charts-rendered"));
        assertThat(charts).isEqualTo(1000);
        assertThat(attribute(dom, "body", "data-charts-lazy")).isEqualTo("true");
        assertThat(drawn).as("charts drawn at load (the benchmarks are below the table)").isLessThan(charts / 20);
        // a link to a benchmark scrolls to it, and its chart is drawn then
        String atBenchmark = run(page, "--dump-dom", "--window-size=1200,900", "--virtual-time-budget=5000", "#benchmark-0");
        assertThat(attribute(atBenchmark, "html", "data-js-errors")).isEqualTo("[]");
        assertThat(atBenchmark).containsPattern("<div class=\"plot\" id=\"chart-0-distribution\" data-rendered=\"true\">");
        assertThat(Integer.parseInt(attribute(atBenchmark, "body", "data-charts-rendered"))).isBetween(1, charts / 20);
        // failures first: the table's first rows and the first benchmark section
        List<String> verdicts = Pattern.compile("<tr class=\"check verdict-[A-Z]+\" data-verdict=\"([A-Z]+)\"")
                .matcher(dom).results().map(m -> m.group(1)).toList();
        assertThat(verdicts).hasSize(evaluation.results().size());
        int failed = evaluation.violations().size();
        assertThat(verdicts.subList(0, failed)).containsOnly("FAIL");
        assertThat(verdicts.subList(failed, verdicts.size())).doesNotContain("FAIL");
        String firstSection = dom.substring(dom.indexOf("<article class=\"benchmark\" id=\"benchmark-0\">"));
        firstSection = firstSection.substring(0, firstSection.indexOf("</article>"));
        assertThat(firstSection).contains("<span class=\"badge verdict-FAIL\">FAIL</span>");

        // the search: only the rows of one benchmark class stay visible
        String filtered = run(page, "--dump-dom", "--window-size=1200,900", "--virtual-time-budget=5000",
                "#search=Suite7Benchmark%20FAIL");
        assertThat(attribute(filtered, "html", "data-js-errors")).isEqualTo("[]");
        List<String> visible = Pattern.compile("<tr class=\"check [^\"]*\" data-verdict=\"[A-Z]+\">(.*?)</tr>")
                .matcher(filtered).results().map(m -> m.group(1)).toList();
        long hidden = Pattern.compile("<tr class=\"check [^\"]*\" data-verdict=\"[A-Z]+\" hidden=\"\">").matcher(filtered)
                .results().count();
        long expected = evaluation.results().stream().filter(r -> r.benchmark().benchmark().contains("Suite7Benchmark")
                && r.verdictLabel().equals("FAIL")).count();
        assertThat(expected).isPositive();
        assertThat(visible).hasSize((int) expected).allMatch(row -> row.contains("Suite7Benchmark.") && row.contains(">FAIL<"));
        assertThat(hidden).isEqualTo(evaluation.results().size() - expected);
        assertThat(filtered).contains("<output id=\"search-count\" for=\"search-text\">" + expected + " matching check");
        // the forest plot at the top follows the search: only the matching regression rows stay, closed up
        List<io.sabot.budget.core.check.CheckResult> forestRows = ForestPlot.rows(evaluation.results());
        String slowClass = forestRows.get(0).benchmark().shortName().replaceAll("\\..*", "");
        assertThat(forestRows.get(0).verdictLabel()).isEqualTo("FAIL");
        long forestExpected = forestRows.stream().filter(r -> r.benchmark().benchmark().contains(slowClass + ".")
                && r.verdictLabel().equals("FAIL")).count();
        assertThat(forestExpected).isPositive().isLessThan(forestRows.size());
        String forest = run(page, "--dump-dom", "--window-size=1200,900", "--virtual-time-budget=5000",
                "#search=" + slowClass + ".%20FAIL");
        assertThat(attribute(forest, "html", "data-js-errors")).isEqualTo("[]");
        assertThat(attribute(forest, "svg(?= class=\"forest-rows\")", "data-shown")).isEqualTo(String.valueOf(forestExpected));
        assertThat(Pattern.compile("display=\"none\"").matcher(forest).results().count())
                .isEqualTo(forestRows.size() - forestExpected);
        assertThat(attribute(forest, "svg(?= class=\"forest-rows\")", "height")).isEqualTo(String.valueOf(
                forestExpected * Integer.parseInt(attribute(forest, "svg(?= class=\"forest-rows\")", "data-row-height")) + 2));
        assertThat(attribute(dom, "svg(?= class=\"forest-rows\")", "data-shown")).isEqualTo(String.valueOf(forestRows.size()));
    }

    private static Path write(String name, String html) throws IOException {
        Files.createDirectories(OUT);
        Path page = OUT.resolve(name).toAbsolutePath();
        Files.writeString(page, html, StandardCharsets.UTF_8);
        return page;
    }

    /** Runs headless Chromium on the page; returns its standard output. */
    private String run(Path page, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + OUT.resolve("profile").toAbsolutePath()));
        String fragment = "";
        for (String argument : arguments) {
            if (argument.startsWith("#")) {
                fragment = argument;
            } else {
                command.add(argument);
            }
        }
        command.add(page.toUri() + fragment);
        Path stdout = OUT.resolve("chromium.out");
        Path stderr = OUT.resolve("chromium.err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 120 s: " + command);
        }
        assertThat(process.exitValue()).as("Chromium exit code; stderr:\n" + Files.readString(stderr)).isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private static String attribute(String dom, String element, String name) {
        Matcher tag = Pattern.compile("<" + element + "\\b[^>]*>").matcher(dom);
        assertThat(tag.find()).as("<" + element + "> in the DOM").isTrue();
        Matcher value = Pattern.compile("\\b" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag.group());
        assertThat(value.find()).as(name + " on <" + element + ">: " + tag.group()).isTrue();
        return value.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
