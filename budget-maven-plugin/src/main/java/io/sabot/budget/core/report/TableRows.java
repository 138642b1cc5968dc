package io.sabot.budget.core.report;

import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** The cells of the verdict table, shared by the console, Markdown and HTML reports and the site page. */
final class TableRows {

    static final List<String> HEADER = List.of("Budget", "Benchmark", "Limit", "Baseline", "Measured", "Change", "Verdict");

    private TableRows() {
    }

    static List<List<String>> rows(List<CheckResult> results) {
        List<List<String>> rows = new ArrayList<>();
        for (CheckResult r : results) {
            rows.add(row(r.id(), r.benchmark().label(), r.limit(), r.baseline(), r.measured(), r.unit(), r.change(),
                    r.verdictLabel()));
        }
        return rows;
    }

    /** One row; {@code report.json}'s checks carry the same fields, so the site page renders them alike. */
    static List<String> row(String id, String benchmark, String limit, OptionalDouble baseline, double measured, String unit,
                            OptionalDouble change, String verdictLabel) {
        return List.of(
                id,
                benchmark,
                limit,
                baseline.isPresent() ? Quantity.format(baseline.getAsDouble()) + " " + unit : "-",
                Quantity.format(measured) + ("x".equals(unit) ? "x" : " " + unit),
                change.isPresent() ? change(change.getAsDouble()) : "-",
                verdictLabel);
    }

    /** A slowdown as people read it: "+12.3% slower" is written "+12.3%". */
    static String change(double slowdown) {
        if (Math.abs(slowdown) < 0.0005) {
            return "0.0%";
        }
        return ForestPlot.signed(Quantity.fixed(slowdown * 100, 1)) + "%";
    }
}
