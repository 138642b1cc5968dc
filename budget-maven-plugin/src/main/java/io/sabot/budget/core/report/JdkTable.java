package io.sabot.budget.core.report;

import io.sabot.budget.core.model.JdkComparison;
import io.sabot.budget.core.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cells of the JDK comparison table, shared by the console, Markdown and HTML reports: per
 * benchmark result its score on every JDK and, for every JDK but the reference, the ratio of its score
 * to the reference's with the paired interval and the comparison's verdict.
 */
final class JdkTable {

    private JdkTable() {
    }

    static List<String> header(JdkComparison comparison) {
        List<String> header = new ArrayList<>(List.of("Benchmark"));
        String reference = comparison.reference().label();
        for (JdkComparison.Jdk jdk : comparison.jdks()) {
            header.add(jdk.label());
            if (jdk != comparison.reference()) {
                header.add(jdk.label() + " / " + reference);
            }
        }
        return header;
    }

    static List<List<String>> rows(JdkComparison comparison) {
        List<List<String>> rows = new ArrayList<>();
        for (JdkComparison.Row row : comparison.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.key().label()));
            for (int i = 0; i < row.cells().size(); i++) {
                JdkComparison.Cell cell = row.cells().get(i);
                cells.add(Double.isFinite(cell.score()) ? Quantity.format(cell.score()) + " " + row.unit() : "-");
                if (i > 0) {
                    cells.add(ratio(cell));
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    /** "0.87x [0.84, 0.90] PASS": the ratio of scores with its paired interval and the verdict against the threshold. */
    static String ratio(JdkComparison.Cell cell) {
        if (!Double.isFinite(cell.ratio())) {
            return "-";
        }
        String text = String.format(Locale.ROOT, "%.3fx", cell.ratio());
        if (Double.isFinite(cell.low()) && Double.isFinite(cell.high())) {
            text += String.format(Locale.ROOT, " [%.3f, %.3f]", cell.low(), cell.high());
        }
        return text + cell.verdict().map(v -> " " + v.name()).orElse("");
    }

    /** "JDK comparison: reference java-17-openjdk-amd64 (17.0.17); temurin-25-jdk-amd64 (25.0.1); 3 rounds, seed 42". */
    static String summary(JdkComparison comparison) {
        long rounds = comparison.runs().stream().mapToInt(JdkComparison.Run::round).distinct().count();
        List<String> others = comparison.jdks().subList(1, comparison.jdks().size()).stream().map(JdkComparison.Jdk::describe)
                .toList();
        return "JDK comparison: reference " + comparison.reference().describe() + "; compared " + String.join(", ", others)
                + "; " + rounds + " interleaved round" + (rounds == 1 ? "" : "s") + ", order seed " + comparison.seed()
                + comparison.budgetsOn().map(on -> "; budget limits judge " + on + " only").orElse("")
                + ". A ratio is this JDK's score / the reference's (above 1: a larger number, slower for a time per"
                + " operation, faster for a throughput), with its paired interval";
    }
}
