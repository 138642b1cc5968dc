package io.sabot.budget.core.report;

import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.RunResults;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a report shows: the evaluation, where it was measured, the baseline it was compared
 * with, and the commands that show more.
 */
public record ReportContext(
        String project,
        Evaluation evaluation,
        Optional<Environment> environment,
        Optional<RunResults> baseline,
        Duration elapsed,
        List<String> detailCommands) {

    public ReportContext {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(evaluation, "evaluation");
        detailCommands = List.copyOf(detailCommands);
    }

    /** "12 checks: 9 passed, 1 failed, 1 warning, 1 inconclusive". */
    public String summaryLine() {
        return VerdictCounts.of(evaluation).line();
    }
}
