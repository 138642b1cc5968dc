package io.sabot.budget.core.report;

import java.util.List;
import java.util.Objects;

/**
 * The verdicts of one budget:check, as a neutral table for pages this plugin does not write itself
 * (the Maven site's {@code budget:report}): no HTML, no Doxia, only the text of each cell.
 *
 * @param project the Maven project id the run checked
 * @param counts  how many checks passed, failed, warned, stayed inconclusive
 * @param facts   what the run compared with and where it ran ("Baseline", "Paired run", "Measured on"), in reading order
 * @param header  the column names: Budget, Benchmark, Limit, Baseline, Measured, Change, Verdict
 * @param rows    one per check, what needs attention first (FAIL, WARN, INCONCLUSIVE, PASS)
 * @param problems what the evaluation could not check (a budget matching nothing, a missing baseline)
 * @param notes   remarks on the whole run
 */
public record VerdictTable(
        String project,
        VerdictCounts counts,
        List<Fact> facts,
        List<String> header,
        List<Row> rows,
        List<String> problems,
        List<String> notes) {

    public VerdictTable {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(counts, "counts");
        facts = List.copyOf(facts);
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** A named line above the table: "Baseline" = "src/perf/baseline.json, recorded ...". */
    public record Fact(String name, String value) {
    }

    /**
     * One check.
     *
     * @param cells   the cells under {@link #header()}
     * @param verdict FAIL, WARN, INCONCLUSIVE or PASS
     * @param message the sentence with the numbers that led to the verdict
     * @param notes   remarks on this check (bimodal forks, too few samples)
     */
    public record Row(List<String> cells, String verdict, String message, List<String> notes) {
        public Row {
            cells = List.copyOf(cells);
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(message, "message");
            notes = List.copyOf(notes);
        }

        /** Whether the row is worth its message under the table: anything but a plain PASS. */
        public boolean needsExplaining() {
            return !"PASS".equals(verdict) || !notes.isEmpty();
        }
    }
}
