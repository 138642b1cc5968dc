package io.sabot.budget.core.report;

import io.sabot.budget.core.history.HistoryEntry;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.JdkComparison;
import io.sabot.budget.core.model.PairedRun;
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
 * @param paired      the paired run (baseline code measured beside this code), when the baseline was measured so
 * @param jdks        the JDK comparison, when the run measured the benchmarks on several JDKs ({@code current}
 *                    is then the reference JDK's results)
 */
public record ReportData(
        RunResults current,
        BudgetFile budgets,
        List<HistoryEntry> history,
        Optional<String> historyFile,
        int historyRuns,
        List<String> historyWarnings,
        Instant generatedAt,
        Optional<PairedRun> paired,
        Optional<JdkComparison> jdks) {

    public ReportData(RunResults current, BudgetFile budgets, List<HistoryEntry> history, Optional<String> historyFile,
                      int historyRuns, List<String> historyWarnings, Instant generatedAt) {
        this(current, budgets, history, historyFile, historyRuns, historyWarnings, generatedAt, Optional.empty(),
                Optional.empty());
    }

    public ReportData {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(budgets, "budgets");
        history = List.copyOf(history);
        Objects.requireNonNull(historyFile, "historyFile");
        historyWarnings = List.copyOf(historyWarnings);
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(paired, "paired");
        Objects.requireNonNull(jdks, "jdks");
    }

    /** The same data with the paired run that produced it. */
    public ReportData withPaired(PairedRun run) {
        return new ReportData(current, budgets, history, historyFile, historyRuns, historyWarnings, generatedAt,
                Optional.of(run), jdks);
    }

    /** The same data with the JDK comparison that produced it. */
    public ReportData withJdks(JdkComparison comparison) {
        return new ReportData(current, budgets, history, historyFile, historyRuns, historyWarnings, generatedAt, paired,
                Optional.of(comparison));
    }

    /** Data for a report without history. */
    public static ReportData withoutHistory(RunResults current, BudgetFile budgets, Instant generatedAt) {
        return new ReportData(current, budgets, List.of(), Optional.empty(), 0, List.of(), generatedAt);
    }
}
