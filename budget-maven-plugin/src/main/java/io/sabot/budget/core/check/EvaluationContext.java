package io.sabot.budget.core.check;

import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.RunResults;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a check may look at: the run, the baseline (if any), the budget file, the statistics,
 * whether regression checks are downgraded because the baseline comes from elsewhere, and whether
 * the baseline was measured beside this run, pair by pair ({@code paired}), and what the reports call
 * the baseline ({@code reference}: "baseline", "baseline code", or a JDK in a JDK comparison).
 */
public record EvaluationContext(
        RunResults current,
        Optional<RunResults> baseline,
        BudgetFile budgets,
        Statistics statistics,
        boolean baselineComparable,
        List<String> environmentDifferences,
        Problems problems,
        boolean paired,
        String reference) {

    public EvaluationContext {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(budgets, "budgets");
        Objects.requireNonNull(statistics, "statistics");
        environmentDifferences = List.copyOf(environmentDifferences);
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(reference, "reference");
    }

    /** The same context collecting its problems in {@code other}: for a check run on another thread. */
    public EvaluationContext withProblems(Problems other) {
        return new EvaluationContext(current, baseline, budgets, statistics, baselineComparable, environmentDifferences, other,
                paired, reference);
    }
}
