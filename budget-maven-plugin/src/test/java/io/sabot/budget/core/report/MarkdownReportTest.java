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
        assertThat(md).contains("  - round 1, baseline first: baseline 1.351 -&gt; this code 1.501 ms/op, ratio 1.111\n"
                + "  - round 2, this code first: baseline 1.361 -&gt; this code 1.511 ms/op, ratio 1.110\n");
        // the passing one (listed for its note) and the score budget get no rounds
        assertThat(md.lines().filter(l -> l.startsWith("  - round "))).hasSize(2);
        assertThat(md).contains("— PASS: within the threshold\n  - a note\n");
    }

    @Test
    void withoutAPairedRunTheReportIsAsBefore() {
        String md = MarkdownReport.render(fixture.context, fixture.data);
        assertThat(md).isEqualTo(MarkdownReport.render(fixture.context)).doesNotContain("Paired run").doesNotContain("round 1");
    }
}
