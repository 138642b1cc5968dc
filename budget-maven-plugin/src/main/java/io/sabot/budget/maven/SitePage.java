package io.sabot.budget.maven;

import io.sabot.budget.core.report.VerdictTable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.impl.SinkEventAttributeSet;

/**
 * Draws a {@link VerdictTable} through Doxia's sink, so the Maven site renders it in its own skin:
 * the counts, what the run compared with, the table (what needs attention first), then the
 * message behind every verdict that is not a plain PASS.
 */
final class SitePage {

    static final String TITLE = "Performance budgets";

    private SitePage() {
    }

    /**
     * @param source     where the verdicts come from, for the reader: "target/budget/report.json, written ..."
     * @param fullReport the relative link to the copied report.html, when there is one
     */
    static void render(Sink sink, VerdictTable table, String source, Optional<String> fullReport) {
        sink.head();
        sink.title();
        sink.text(TITLE);
        sink.title_();
        sink.head_();
        sink.body();
        sink.section(1, null);
        sink.sectionTitle(1, null);
        sink.text(TITLE);
        sink.sectionTitle_(1);

        sink.paragraph();
        sink.bold();
        sink.text(table.counts().line());
        sink.bold_();
        sink.text(" in the latest budget:check of " + table.project() + " (" + source + ").");
        sink.paragraph_();
        if (fullReport.isPresent()) {
            sink.paragraph();
            sink.text("Charts, every sample and the history: ");
            sink.link(fullReport.get());
            sink.text("the full report (report.html)");
            sink.link_();
            sink.text(".");
            sink.paragraph_();
        }
        facts(sink, table.facts());
        verdicts(sink, table);
        details(sink, table.rows());
        bulletSection(sink, "Problems", table.problems());
        bulletSection(sink, "Notes", table.notes());

        sink.section_(1);
        sink.body_();
    }

    private static void facts(Sink sink, List<VerdictTable.Fact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        sink.definitionList();
        for (VerdictTable.Fact fact : facts) {
            sink.definedTerm();
            sink.text(fact.name());
            sink.definedTerm_();
            sink.definition();
            sink.text(fact.value());
            sink.definition_();
        }
        sink.definitionList_();
    }

    private static void verdicts(Sink sink, VerdictTable table) {
        sink.section(2, null);
        sink.sectionTitle(2, null);
        sink.text("Verdicts");
        sink.sectionTitle_(2);
        if (table.rows().isEmpty()) {
            sink.paragraph();
            sink.text("No checks: the budget file matched no benchmark and there was no baseline to compare with.");
            sink.paragraph_();
            sink.section_(2);
            return;
        }
        sink.table();
        sink.tableRows(null, false);
        sink.tableRow();
        for (String name : table.header()) {
            sink.tableHeaderCell();
            sink.text(name);
            sink.tableHeaderCell_();
        }
        sink.tableRow_();
        for (VerdictTable.Row row : table.rows()) {
            sink.tableRow(new SinkEventAttributeSet(SinkEventAttributeSet.CLASS, "budget-" + row.verdict().toLowerCase(Locale.ROOT)));
            for (String cell : row.cells()) {
                sink.tableCell();
                sink.text(cell);
                sink.tableCell_();
            }
            sink.tableRow_();
        }
        sink.tableRows_();
        sink.table_();
        sink.section_(2);
    }

    private static void details(Sink sink, List<VerdictTable.Row> rows) {
        List<VerdictTable.Row> explained = rows.stream().filter(VerdictTable.Row::needsExplaining).toList();
        if (explained.isEmpty()) {
            return;
        }
        sink.section(2, null);
        sink.sectionTitle(2, null);
        sink.text("Details");
        sink.sectionTitle_(2);
        sink.list();
        for (VerdictTable.Row row : explained) {
            sink.listItem();
            sink.bold();
            sink.text(row.cells().get(0));
            sink.bold_();
            sink.text(" " + row.cells().get(1) + ": " + row.verdict() + ". " + row.message());
            if (!row.notes().isEmpty()) {
                bullets(sink, row.notes());
            }
            sink.listItem_();
        }
        sink.list_();
        sink.section_(2);
    }

    private static void bulletSection(Sink sink, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        sink.section(2, null);
        sink.sectionTitle(2, null);
        sink.text(title);
        sink.sectionTitle_(2);
        bullets(sink, lines);
        sink.section_(2);
    }

    private static void bullets(Sink sink, List<String> lines) {
        sink.list();
        for (String line : lines) {
            sink.listItem();
            sink.text(line);
            sink.listItem_();
        }
        sink.list_();
    }
}
