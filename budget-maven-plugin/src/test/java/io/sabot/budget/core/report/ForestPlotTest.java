package io.sabot.budget.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.CheckResult.Slowdown;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.Level;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ForestPlotTest {

    static CheckResult regression(String name, Verdict verdict, Level level, double low, double estimate, double high) {
        return new CheckResult("regression", CheckKind.REGRESSION, new BenchmarkKey(name, Mode.AVERAGE_TIME, Map.of()), level,
                verdict, "<= +10% vs baseline", OptionalDouble.of(100), 100 * (1 + estimate), "ns/op",
                OptionalDouble.of(estimate), "[" + low + ", " + high + "]", name + " is slower", List.of(),
                Optional.of(new Slowdown(low, estimate, high, 0.10)));
    }

    static CheckResult regression(String name, Verdict verdict, double low, double estimate, double high) {
        return regression(name, verdict, Level.ERROR, low, estimate, high);
    }

    /** The rows' attribute {@code name} in page order. */
    static List<String> rowAttribute(String html, String name) {
        Matcher row = Pattern.compile("<g class=\"forest-row [^\"]*\"[^>]*\\b" + name + "=\"([^\"]*)\"").matcher(html);
        List<String> values = new ArrayList<>();
        while (row.find()) {
            values.add(row.group(1));
        }
        return values;
    }

    @Test
    void oneRowPerRegressionCheckFailuresFirstThenInconclusiveThenPassesEachByEstimateLargestFirst() {
        CheckResult score = new CheckResult("MAX", CheckKind.SCORE, new BenchmarkKey("io.x.A.score", Mode.AVERAGE_TIME, Map.of()),
                Level.ERROR, Verdict.FAIL, "<= 1 ns/op", OptionalDouble.empty(), 5, "ns/op", OptionalDouble.empty(), "", "", List.of());
        CheckResult unitsDiffer = new CheckResult("regression", CheckKind.REGRESSION,
                new BenchmarkKey("io.x.A.units", Mode.AVERAGE_TIME, Map.of()), Level.ERROR, Verdict.INCONCLUSIVE,
                "<= +10% vs baseline", OptionalDouble.empty(), 5, "ns/op", OptionalDouble.empty(), "", "units differ", List.of());
        List<CheckResult> checks = List.of(
                regression("io.x.A.pass", Verdict.PASS, -0.01, 0.02, 0.05),
                score,
                regression("io.x.A.fail", Verdict.FAIL, 0.12, 0.15, 0.18),
                unitsDiffer,
                regression("io.x.A.unsure", Verdict.INCONCLUSIVE, -0.02, 0.08, 0.18),
                regression("io.x.A.warned", Verdict.FAIL, Level.WARN, 0.15, 0.20, 0.25),
                regression("io.x.A.failMore", Verdict.FAIL, 0.30, 0.40, 0.50),
                regression("io.x.A.faster", Verdict.PASS, -0.08, -0.05, -0.02));

        String html = ForestPlot.render(checks, Map.of());

        assertThat(html).contains("data-rows=\"7\"");
        assertThat(rowAttribute(html, "data-benchmark")).containsExactly("io.x.A.failMore (avgt)", "io.x.A.fail (avgt)",
                "io.x.A.warned (avgt)", "io.x.A.unsure (avgt)", "io.x.A.units (avgt)", "io.x.A.pass (avgt)", "io.x.A.faster (avgt)");
        assertThat(rowAttribute(html, "data-verdict")).containsExactly("FAIL", "FAIL", "WARN", "INCONCLUSIVE", "INCONCLUSIVE",
                "PASS", "PASS");
        assertThat(html).contains("7 regression checks: 2 FAIL, 1 WARN, 2 INCONCLUSIVE, 2 PASS, worst first")
                .contains(">+40.0% [+30.0, +50.0] &#8804;+10.0%</text>")
                .contains(">not compared</text>");
    }

    @Test
    void everyRowHasItsEstimateIntervalAndThresholdOnALinearPercentAxisWithZeroMarked() {
        String html = ForestPlot.render(List.of(regression("io.x.A.fail", Verdict.FAIL, 0.12, 0.15, 0.18),
                regression("io.x.A.pass", Verdict.PASS, -0.05, 0.0, 0.05)), Map.of());

        assertThat(Pattern.compile("<circle class=\"estimate\"").matcher(html).results().count()).isEqualTo(2);
        assertThat(Pattern.compile("<line class=\"interval\"").matcher(html).results().count()).isEqualTo(2);
        assertThat(Pattern.compile("<line class=\"threshold\"").matcher(html).results().count()).isEqualTo(2);
        assertThat(html).contains("<line class=\"zero\"").contains(">0%</text>").contains(">+10%</text>")
                .doesNotContain("class=\"cut\"");
        ForestAxis axis = ForestAxis.of(List.of(new Slowdown(0.12, 0.15, 0.18, 0.10), new Slowdown(-0.05, 0, 0.05, 0.10)));
        // linear: equal steps of slowdown are equal distances
        double zero = axis.position(0, 0, 1000);
        assertThat(axis.position(0.10, 0, 1000) - zero).isCloseTo(zero - axis.position(-0.10, 0, 1000), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(axis.low()).isLessThan(-0.05);
        assertThat(axis.high()).isGreaterThan(0.18);
    }

    @Test
    void anExtremeValueIsCutAtTheEdgeWithAnArrowAndItsTrueNumbersStayReadable() {
        String html = ForestPlot.render(List.of(regression("io.x.A.huge", Verdict.FAIL, 3.5, 4.0, 4.5),
                regression("io.x.A.small", Verdict.PASS, -0.02, 0.01, 0.03),
                regression("io.x.A.other", Verdict.PASS, -0.03, 0.0, 0.04)), Map.of());

        ForestAxis axis = ForestAxis.of(List.of(new Slowdown(3.5, 4.0, 4.5, 0.10), new Slowdown(-0.02, 0.01, 0.03, 0.10),
                new Slowdown(-0.03, 0.0, 0.04, 0.10)));
        assertThat(axis.high()).isLessThan(0.5); // the +400% row does not squash the others
        assertThat(axis.beyondHigh(4.0)).isTrue();
        String huge = html.substring(html.indexOf("data-benchmark=\"io.x.A.huge"), html.indexOf("</g>", html.indexOf("io.x.A.huge")));
        assertThat(huge).contains("class=\"cut\"").doesNotContain("class=\"estimate\"")
                .contains(">+400.0% [+350.0, +450.0] &#8804;+10.0%</text>")
                .contains("<title>regression io.x.A.huge (avgt)\nFAIL: io.x.A.huge is slower</title>");
    }

    @Test
    void infiniteAndMissingBoundsAreCutOrLeftOutNotDrawnAsNaN() {
        String html = ForestPlot.render(List.of(
                regression("io.x.A.open", Verdict.INCONCLUSIVE, -0.2, 0.05, Double.POSITIVE_INFINITY),
                regression("io.x.A.unknown", Verdict.INCONCLUSIVE, Double.NaN, Double.NaN, Double.NaN)), Map.of());

        assertThat(html).doesNotContain("NaN\"").doesNotContain("Infinity\"");
        assertThat(html).contains(">+5.0% [-20.0, +&#8734;] &#8804;+10.0%</text>").contains(">? [?, ?] &#8804;+10.0%</text>");
        assertThat(Pattern.compile("class=\"cut\"").matcher(html).results().count()).isEqualTo(1);
    }

    @Test
    void signsBeyondLatin1AreCharacterReferencesSoALargePageStaysOneByteACharacter() {
        String html = ForestPlot.render(List.of(
                regression("io.x.A.open", Verdict.INCONCLUSIVE, -0.2, 0.05, Double.POSITIVE_INFINITY),
                regression("io.x.A.fail", Verdict.FAIL, 0.30, 0.40, 0.50)), Map.of());

        assertThat(html.chars().filter(c -> c > 0xFF).count()).isZero();
    }

    @Test
    void namesAreTextAndLongLabelsAreShortenedInTheMiddleWithTheFullNameInTheTooltip() {
        String hostile = "io.x.</text><script>alert(1)</script>\"Bench.m";
        String html = ForestPlot.render(List.of(regression(hostile, Verdict.FAIL, 0.2, 0.3, 0.4)),
                Map.of(new BenchmarkKey(hostile, Mode.AVERAGE_TIME, Map.of()), "benchmark-0\"><script>"));
        assertThat(html).doesNotContain("<script").doesNotContain("</text><script")
                .contains("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;Bench.m")
                .contains("<a href=\"#benchmark-0&quot;&gt;&lt;script&gt;\">");

        String label = "VeryLongBenchmarkClassName.method[alpha=1,beta=2,gamma=3,delta=4,epsilon=5] (thrpt)";
        String shortened = ForestPlot.shortened(label);
        assertThat(shortened.codePointCount(0, shortened.length())).isEqualTo(ForestPlot.LABEL_CHARS);
        assertThat(shortened).startsWith("VeryLongBenchmarkClassName.me").endsWith("epsilon=5] (thrpt)").contains("\u2026");
        assertThat(ForestPlot.shortened("A.b (avgt)")).isEqualTo("A.b (avgt)");
    }

    @Test
    void aThousandRowsStayCompact() {
        List<CheckResult> checks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            double estimate = (i % 41 - 20) / 100.0;
            Verdict verdict = estimate > 0.15 ? Verdict.FAIL : estimate > 0.05 ? Verdict.INCONCLUSIVE : Verdict.PASS;
            checks.add(regression("io.x.Suite.b" + i, verdict, estimate - 0.03, estimate, estimate + 0.03));
        }

        String html = ForestPlot.render(checks, Map.of());

        assertThat(rowAttribute(html, "data-verdict")).hasSize(1000);
        assertThat(html).contains("viewBox=\"0 0 1000 " + (1000 * ForestPlot.ROW + 2) + "\"");
        assertThat(html.length()).as("bytes for 1,000 rows").isLessThan(1000 * 1000);
        List<String> verdicts = rowAttribute(html, "data-verdict");
        assertThat(verdicts.indexOf("INCONCLUSIVE")).isGreaterThan(verdicts.lastIndexOf("FAIL"));
        assertThat(verdicts.indexOf("PASS")).isGreaterThan(verdicts.lastIndexOf("INCONCLUSIVE"));
    }

    @Test
    void withoutRegressionChecksTheSectionSaysWhy() {
        assertThat(ForestPlot.render(List.of(), Map.of())).contains("data-rows=\"0\"").contains("No regression checks ran")
                .doesNotContain("<svg");
    }

    @Test
    void axisTicksAreRoundNumbers() {
        assertThat(ForestAxis.niceStep(0.03)).isEqualTo(0.05);
        assertThat(ForestAxis.niceStep(0.021)).isEqualTo(0.025);
        assertThat(ForestAxis.niceStep(0.1)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ForestAxis.label(0.025)).isEqualTo("+2.5%");
        assertThat(ForestAxis.label(-0.1)).isEqualTo("-10%");
        assertThat(ForestAxis.label(1e-17)).isEqualTo("0%");
        ForestAxis axis = ForestAxis.of(List.of(new Slowdown(0.01, 0.02, 0.03, 0.10)));
        assertThat(axis.ticks()).contains(0.0);
        assertThat(axis.ticks().get(0)).isEqualTo(axis.low());
    }
}
