package io.sabot.budget.core.report;

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
        for (List<String> row : TableRows.rows(context.evaluation().results())) {
            List<String> cells = new ArrayList<>();
            row.forEach(cell -> cells.add(PlainText.printable(cell)));
            cells.set(1, truncate(cells.get(1), MAX_BENCHMARK_WIDTH));
            rows.add(cells);
        }
        int[] widths = new int[TableRows.HEADER.size()];
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
        lines.add(PlainText.printable(context.summaryLine()));
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
