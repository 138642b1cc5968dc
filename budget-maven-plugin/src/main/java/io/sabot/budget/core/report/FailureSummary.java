package io.sabot.budget.core.report;

import io.sabot.budget.core.check.CheckResult;
import java.util.List;

/**
 * The build-failure message: every failed check on its own line with its numbers (JaCoCo style),
 * then where to look for details.
 */
public final class FailureSummary {

    private FailureSummary() {
    }

    public static String render(List<CheckResult> failures, ReportContext context) {
        StringBuilder text = new StringBuilder();
        text.append(failures.size()).append(" performance budget check")
                .append(failures.size() == 1 ? "" : "s").append(" failed:");
        for (CheckResult r : failures) {
            text.append("\n  - ").append(PlainText.printable(r.id())).append(' ')
                    .append(PlainText.printable(r.benchmark().label())).append(": ")
                    .append(PlainText.printable(r.message()));
            for (String note : r.notes()) {
                text.append("\n      ").append(PlainText.printable(note));
            }
        }
        if (!context.detailCommands().isEmpty()) {
            text.append("\nDetails:");
            for (String command : context.detailCommands()) {
                text.append("\n  ").append(command);
            }
        }
        return text.toString();
    }
}
