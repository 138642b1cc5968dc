package io.sabot.budget.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.model.Level;
import io.sabot.budget.core.model.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    private ReportFixture fixture;

    @BeforeEach
    void fixture() throws Exception {
        fixture = new ReportFixture();
    }

    @Test
    void inPairedModeOneLineUnderTheHeaderNamesTheBaselineCode() {
        String md = MarkdownReport.render(fixture.context, fixture.pairedData());

        List<String> lines = md.lines().toList();
        int baseline = lines.indexOf(lines.stream().filter(l -> l.startsWith("Baseline: ")).findFirst().orElseThrow());
        assertThat(lines.get(baseline + 2)).isEqualTo("Paired run: baseline code git:HEAD\\~1 (commit 1a2b3c4d) &lt;i&gt;evil&lt;/i&gt;,"
                + " measured beside this code in this build (2 pairs in 2 rounds, order seed 42)");
        assertThat(md).doesNotContain("<i>");
    }

    @Test
    void theRoundsAreListedOnlyUnderFailedAndInconclusiveRegressionChecks() {
        // the fixture's regressions, one of them turned into a pass
        List<CheckResult> results = fixture.context.evaluation().results().stream()
                .map(r -> r.benchmark().benchmark().equals(ReportFixture.FAST) && r.id().equals("regression")
                        ? new CheckResult(r.id(), r.kind(), r.benchmark(), Level.ERROR, Verdict.PASS, r.limit(), r.baseline(),
                        r.measured(), r.unit(), r.change(), r.interval(), "within the threshold", List.of("a note"), r.slowdown())
                        : r)
                .toList();
        ReportContext context = new ReportContext("p", new Evaluation(results, List.of(), List.of()), Optional.empty(),
                Optional.of(fixture.baseline), Duration.ofSeconds(1), List.of());

        String md = MarkdownReport.render(context, fixture.pairedData());

        // the failed SampleTime regression: fork means of its two rounds in ms/op
        assertThat(md).contains("  - paired rounds (a fork's score is the mean of its steady iterations without its worst one"
                + " (when three or more are left), as the paired statistics judge it):\n"
                + "    - round 1, baseline first: baseline 1.351 -&gt; this code 1.501 ms/op, ratio 1.111\n"
                + "    - round 2, this code first: baseline 1.361 -&gt; this code 1.511 ms/op, ratio 1.110\n");
        // the passing one (listed for its note) and the score budget get no rounds
        assertThat(md.lines().filter(l -> l.startsWith("    - round "))).hasSize(2);
        assertThat(md).contains("— PASS: within the threshold\n  - a note\n");
    }

    @Test
    void withoutAPairedRunTheReportIsAsBefore() {
        String md = MarkdownReport.render(fixture.context, fixture.data);
        assertThat(md).isEqualTo(MarkdownReport.render(fixture.context)).doesNotContain("Paired run").doesNotContain("round 1");
    }

    /** 10,000 benchmarks, 2% failed and 3% undecided: every one of those in full, the passes counted, under 1 MiB. */
    @Test
    void aSuiteOf10000BenchmarksListsFailuresAndInconclusiveInFullAndCountsThePassesWithin1MiB() {
        List<CheckResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Verdict verdict = i % 50 == 7 ? Verdict.FAIL : i % 33 == 5 ? Verdict.INCONCLUSIVE : Verdict.PASS;
            results.add(check("BUDGET-" + i, i, verdict, List.of("fork 2 of 3 trimmed (first 1-2 iterations still warming up)")));
        }
        String md = render(results);

        int bytes = md.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        System.out.println("report.md of 10,000 checks, 5% not passing: " + bytes + " bytes");
        assertThat(bytes).isLessThan(1 << 20);
        long failed = results.stream().filter(r -> r.verdict() == Verdict.FAIL).count();
        long undecided = results.stream().filter(r -> r.verdict() == Verdict.INCONCLUSIVE).count();
        assertThat(md).contains((10_000 - failed - undecided) + " of 10000 checks passed and are counted, not listed;"
                + " the table lists the other " + (failed + undecided) + ", failures first.");
        List<String> rows = md.lines().filter(l -> l.startsWith("| BUDGET-")).toList();
        assertThat(rows).hasSize((int) (failed + undecided));
        assertThat(rows.subList(0, (int) failed)).allMatch(r -> r.endsWith("| FAIL |"));
        assertThat(rows.subList((int) failed, rows.size())).allMatch(r -> r.endsWith("| INCONCLUSIVE |"));
        for (CheckResult r : results) {
            boolean listed = md.contains("- **BUDGET-" + r.id().substring("BUDGET-".length()) + "** ");
            assertThat(listed).as(r.id() + " " + r.verdict()).isEqualTo(r.verdict() != Verdict.PASS);
        }
        assertThat(md).doesNotContain("were left out");
    }

    /** Even when everything fails the file stops below 1 MiB and says what it left out. */
    @Test
    void aReportThatWouldPass1MiBStopsAndSaysSo() {
        List<CheckResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            results.add(check("BUDGET-" + i, i, Verdict.FAIL, List.of("a note long enough to matter ".repeat(4))));
        }
        String md = render(results);

        assertThat(md.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(MarkdownReport.MAX_BYTES);
        assertThat(md).containsPattern("\\n\\d+ more table rows, details and notes were left out: report.md stops at 900 kB")
                .contains("| BUDGET-0 |");
    }

    /** The JDK table goes through the same cap: a comparison of many benchmarks cannot push report.md past 1 MiB. */
    @Test
    void theJdkTableStaysWithinTheCapAndCountsWhatItLeftOut() {
        List<CheckResult> results = new java.util.ArrayList<>();
        List<io.sabot.budget.core.model.JdkComparison.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            results.add(check("BUDGET-" + i, i, Verdict.FAIL, List.of()));
            rows.add(new io.sabot.budget.core.model.JdkComparison.Row(results.get(i).benchmark(), "ns/op", List.of(
                    new io.sabot.budget.core.model.JdkComparison.Cell("jdk-17", 1250, 1, Double.NaN, Double.NaN, Optional.empty()),
                    new io.sabot.budget.core.model.JdkComparison.Cell("jdk-25", 1000, 0.8, 0.75, 0.85, Optional.of(Verdict.PASS)))));
        }
        io.sabot.budget.core.model.JdkComparison jdks = new io.sabot.budget.core.model.JdkComparison(List.of(
                new io.sabot.budget.core.model.JdkComparison.Jdk("jdk-17", java.nio.file.Path.of("/jdk-17/bin/java"), "17"),
                new io.sabot.budget.core.model.JdkComparison.Jdk("jdk-25", java.nio.file.Path.of("/jdk-25/bin/java"), "25")),
                7, List.of(), Optional.empty(), rows);
        ReportContext context = new ReportContext("large", new Evaluation(results.subList(0, 2_000), List.of(), List.of()),
                Optional.empty(), Optional.empty(), Duration.ofSeconds(1), List.of());

        String md = MarkdownReport.render(context, Optional.empty(), List.of(), Optional.of(jdks));

        assertThat(md.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(MarkdownReport.MAX_BYTES);
        assertThat(md).contains("### JDK comparison").contains("| Benchmark | jdk-17 | jdk-25 | jdk-25 / jdk-17 |")
                .containsPattern("\\n\\d+ more table rows, details and notes were left out: report.md stops at 900 kB");
        assertThat(md.indexOf("### JDK comparison")).isLessThan(md.indexOf("were left out"));
        ReportContext small = new ReportContext("small", new Evaluation(results.subList(0, 3), List.of(), List.of()),
                Optional.empty(), Optional.empty(), Duration.ofSeconds(1), List.of());
        String whole = MarkdownReport.render(small, Optional.empty(), List.of(), Optional.of(new io.sabot.budget.core.model.JdkComparison(
                jdks.jdks(), 7, List.of(), Optional.empty(), rows.subList(0, 3))));
        assertThat(whole.lines().filter(l -> l.startsWith("| Suite0Benchmark.op"))).hasSize(3);
        assertThat(whole).doesNotContain("were left out");
    }

    @Test
    void aSmallSuiteKeepsItsPassesInTheTable() {
        List<CheckResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < MarkdownReport.FULL_TABLE_CHECKS; i++) {
            results.add(check("BUDGET-" + i, i, Verdict.PASS, List.of()));
        }
        assertThat(render(results).lines().filter(l -> l.startsWith("| BUDGET-"))).hasSize(MarkdownReport.FULL_TABLE_CHECKS);
    }

    private static String render(List<CheckResult> results) {
        ReportContext context = new ReportContext("large", new Evaluation(results, List.of(), List.of()), Optional.empty(),
                Optional.empty(), Duration.ofSeconds(1), List.of());
        return MarkdownReport.render(context);
    }

    private static CheckResult check(String id, int i, Verdict verdict, List<String> notes) {
        io.sabot.budget.core.model.BenchmarkKey key = new io.sabot.budget.core.model.BenchmarkKey(
                "io.example.suite.Suite" + i / 10 + "Benchmark.op" + i % 10, io.sabot.budget.core.model.Mode.AVERAGE_TIME,
                java.util.Map.of("size", "4096"));
        return new CheckResult(id, io.sabot.budget.core.check.CheckKind.SCORE, key, Level.ERROR, verdict, "<= 5.000 us/op",
                java.util.OptionalDouble.of(1200), 1250, "ns/op", java.util.OptionalDouble.of(0.04), "[1,240, 1,262]",
                "score is 1,250 ns/op (interval [1,240, 1,262] (bootstrap 99% over 3 forks x 5 iterations)), limit <= 5.000 us/op",
                notes);
    }
}
