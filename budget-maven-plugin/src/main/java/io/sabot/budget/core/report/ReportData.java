package io.sabot.budget.core.report;

import io.sabot.budget.core.history.HistoryEntry;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.RunResults;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HTML report draws beyond the verdicts: the raw samples of this run, the budgets' limits,
 * and the history of earlier runs.
 *
 * @param history     entries of the history file, oldest first (this run last when it was recorded)
 * @param historyFile where the history lives, or empty when history is switched off
 * @param historyRuns how many of the latest runs the trend charts show
 * @param generatedAt the time the report is written, for the age of the baseline
 */
public record ReportData(
        RunResults current,
        BudgetFile budgets,
        List<HistoryEntry> history,
        Optional<String> historyFile,
        int historyRuns,
        List<String> historyWarnings,
        Instant generatedAt) {

    public ReportData {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(budgets, "budgets");
        history = List.copyOf(history);
        Objects.requireNonNull(historyFile, "historyFile");
        historyWarnings = List.copyOf(historyWarnings);
        Objects.requireNonNull(generatedAt, "generatedAt");
    }

    /** Data for a report without history. */
    public static ReportData withoutHistory(RunResults current, BudgetFile budgets, Instant generatedAt) {
        return new ReportData(current, budgets, List.of(), Optional.empty(), 0, List.of(), generatedAt);
    }
}
