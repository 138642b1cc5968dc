package io.sabot.budget.core.report;

import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.model.Quantity;
import java.util.ArrayList;
import java.util.List;

/** The cells of the verdict table, shared by the console and Markdown reports. */
final class TableRows {

    static final List<String> HEADER = List.of("Budget", "Benchmark", "Limit", "Baseline", "Measured", "Change", "Verdict");

    private TableRows() {
    }

    static List<List<String>> rows(List<CheckResult> results) {
        List<List<String>> rows = new ArrayList<>();
        for (CheckResult r : results) {
            rows.add(List.of(
                    r.id(),
                    r.benchmark().label(),
                    r.limit(),
                    r.baseline().isPresent() ? Quantity.format(r.baseline().getAsDouble()) + " " + r.unit() : "-",
                    Quantity.format(r.measured()) + ("x".equals(r.unit()) ? "x" : " " + r.unit()),
                    r.change().isPresent() ? change(r.change().getAsDouble()) : "-",
                    r.verdictLabel()));
        }
        return rows;
    }

    /** A slowdown as people read it: "+12.3% slower" is written "+12.3%". */
    static String change(double slowdown) {
        if (Math.abs(slowdown) < 0.0005) {
            return "0.0%";
        }
        return ForestPlot.signed(Quantity.fixed(slowdown * 100, 1)) + "%";
    }
}
