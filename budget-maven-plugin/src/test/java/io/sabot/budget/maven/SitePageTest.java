package io.sabot.budget.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.report.VerdictCounts;
import io.sabot.budget.core.report.VerdictTable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.maven.doxia.module.xhtml5.Xhtml5SinkFactory;
import org.apache.maven.doxia.sink.Sink;
import org.junit.jupiter.api.Test;

/** The site page through a real Doxia sink: what a reader sees, names kept as text. */
class SitePageTest {

    private static final List<String> HEADER = List.of("Budget", "Benchmark", "Limit", "Baseline", "Measured", "Change", "Verdict");

    private static String render(VerdictTable table, Optional<String> link) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sink sink = new Xhtml5SinkFactory().createSink(out, "UTF-8");
        SitePage.render(sink, table, "target/budget/report.json, written 2026-12-05 10:00 UTC", link);
        sink.close();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showsCountsFactsTheTableInItsOrderAndTheMessagesOfWhatDidNotPass() throws Exception {
        VerdictTable table = new VerdictTable("g:a:jar:1", new VerdictCounts(2, 1, 1, 0, 0),
                List.of(new VerdictTable.Fact("Paired run", "baseline code git:HEAD~1 (commit 1a2b3c4d), measured beside")),
                HEADER,
                List.of(new VerdictTable.Row(List.of("<b>EVIL</b>", "A.b (avgt)", "<= 1.000 ns/op", "-", "2.000 ns/op", "-", "FAIL"),
                                "FAIL", "score is 2.000 ns/op, but the limit is <= 1.000 ns/op", List.of("confirmed by rerun 1")),
                        new VerdictTable.Row(List.of("OK", "A.b (avgt)", "<= 1.000 ms/op", "-", "2.000 ns/op", "-", "PASS"),
                                "PASS", "score is 2.000 ns/op", List.of())),
                List.of("budget X matched no benchmark"), List.of());

        String html = render(table, Optional.of("budget-report/report.html"));

        assertThat(html).contains("<title>Performance budgets</title>")
                .contains("2 checks: 1 passed, 1 failed, 0 warnings, 0 inconclusive")
                .contains("in the latest budget:check of g:a:jar:1 (target/budget/report.json, written 2026-12-05 10:00 UTC).")
                .contains("<dt>Paired run</dt>").contains("baseline code git:HEAD~1 (commit 1a2b3c4d)")
                .contains("<a href=\"budget-report/report.html\">the full report (report.html)</a>")
                .contains("<th>Budget</th>").contains("<th>Verdict</th>")
                .containsPattern("<tr class=\"[ab] budget-fail\">").containsPattern("<tr class=\"[ab] budget-pass\">")
                .contains("&lt;b&gt;EVIL&lt;/b&gt;").doesNotContain("<b>EVIL</b>")
                .contains("score is 2.000 ns/op, but the limit is &lt;= 1.000 ns/op").contains("confirmed by rerun 1")
                .contains("<h2>Problems</h2>").contains("budget X matched no benchmark")
                .doesNotContain("<h2>Notes</h2>");
        assertThat(html.indexOf("EVIL")).isLessThan(html.indexOf("<td>OK</td>"));
        assertThat(html.indexOf("Details")).isGreaterThan(html.indexOf("<td>OK</td>"));
        assertThat(html).as("a plain PASS needs no message under the table").doesNotContain("PASS. score");
    }

    @Test
    void withoutChecksOrAFullReportItSaysSoAndLinksNothing() throws Exception {
        VerdictTable table = new VerdictTable("p", new VerdictCounts(0, 0, 0, 0, 0), List.of(), HEADER, List.of(),
                List.of(), List.of("No baseline: regression checks skipped"));

        String html = render(table, Optional.empty());

        assertThat(html).contains("No checks: the budget file matched no benchmark").doesNotContain("<table")
                .doesNotContain("report.html</a>").contains("<h2>Notes</h2>").doesNotContain("<h2>Details</h2>");
    }
}
