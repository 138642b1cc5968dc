package io.sabot.budget.core.report;

import static io.sabot.budget.core.report.HtmlReport.escape;

import io.sabot.budget.core.model.JdkComparison;
import java.util.List;

/**
 * report.html of a JDK comparison: the "JDK comparison" section with the JDKs, the seed of the order,
 * one row per benchmark result with its score on every JDK and the ratio to the reference with its
 * paired interval ({@link JdkTable}), and every run of a group on all JDKs in the order it ran.
 */
final class JdkSection {

    private JdkSection() {
    }

    static String section(JdkComparison comparison) {
        StringBuilder s = new StringBuilder("<section id=\"jdks\">\n<h2>JDK comparison</h2>\n");
        s.append("<p>").append(escape(JdkTable.summary(comparison))).append(".</p>\n");
        s.append("<table class=\"jdks\">\n<thead><tr>");
        JdkTable.header(comparison).forEach(h -> s.append("<th>").append(escape(h)).append("</th>"));
        s.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : JdkTable.rows(comparison)) {
            s.append("<tr>");
            row.forEach(cell -> s.append("<td>").append(escape(cell)).append("</td>"));
            s.append("</tr>\n");
        }
        s.append("</tbody>\n</table>\n");
        if (!comparison.runs().isEmpty()) {
            s.append("<details><summary>The ").append(comparison.runs().size()).append(" runs in the order they ran</summary>\n")
                    .append("<table class=\"pairs\">\n<thead><tr><th>#</th><th>Round</th><th>Order of the JDKs</th>")
                    .append("<th>Benchmarks</th></tr></thead>\n<tbody>\n");
            for (int i = 0; i < comparison.runs().size(); i++) {
                JdkComparison.Run run = comparison.runs().get(i);
                s.append("<tr><td>").append(i + 1).append("</td><td>").append(run.round()).append("</td><td>")
                        .append(escape(String.join(", ", run.order()))).append("</td><td>")
                        .append(escape(String.join(", ", run.benchmarks()) + run.paramsText())).append("</td></tr>\n");
            }
            s.append("</tbody>\n</table>\n</details>\n");
        }
        return s.append("</section>\n").toString();
    }
}
