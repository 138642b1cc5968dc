package io.sabot.budget.core.report;

import io.sabot.budget.core.model.JdkComparison;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict table for the build log: plain text, no colour (the log may be a file), columns padded
 * to their widest cell; only the benchmark column is shortened, never the verdict.
 */
public final class ConsoleTable {

    static final int MAX_BENCHMARK_WIDTH = 60;

    private ConsoleTable() {
    }

    public static List<String> render(ReportContext context) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(TableRows.HEADER);
        TableRows.rows(context.evaluation().results()).forEach(row -> rows.add(printable(row, 1)));
        List<String> lines = aligned(rows);
        lines.add(PlainText.printable(context.summaryLine()));
        return lines;
    }

    /** The JDK comparison table ({@link JdkTable}), aligned as the verdict table, its summary line first. */
    public static List<String> render(JdkComparison comparison) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(JdkTable.header(comparison));
        JdkTable.rows(comparison).forEach(row -> rows.add(printable(row, 0)));
        List<String> lines = new ArrayList<>();
        lines.add(PlainText.printable(JdkTable.summary(comparison)));
        lines.addAll(aligned(rows));
        return lines;
    }

    /** The cells with control characters escaped, the benchmark column ({@code benchmark}) shortened. */
    private static List<String> printable(List<String> row, int benchmark) {
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(PlainText.printable(cell)));
        cells.set(benchmark, truncate(cells.get(benchmark), MAX_BENCHMARK_WIDTH));
        return cells;
    }

    /** The rows as lines, columns padded to their widest cell, a dashed line under the first (the header). */
    private static List<String> aligned(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            lines.add(line(rows.get(r), widths));
            if (r == 0) {
                lines.add(separator(widths));
            }
        }
        return lines;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append("  ");
            }
            String cell = cells.get(i);
            text.append(cell);
            if (i < cells.size() - 1) {
                text.append(" ".repeat(widths[i] - cell.length()));
            }
        }
        return text.toString();
    }

    private static String separator(int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                text.append("  ");
            }
            text.append("-".repeat(widths[i]));
        }
        return text.toString();
    }

    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 3) + "...";
    }
}
