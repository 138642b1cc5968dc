package io.sabot.budget.core.check;

import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Budget;
import io.sabot.budget.core.model.Limit;
import io.sabot.budget.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the four limit checks share: one budget with one limit, applied to every result the budget's
 * pattern matches (a budget that matches none is a problem, see {@link Matching}). A subclass judges
 * one result at a time and either returns its {@link CheckResult} or reports why it could not judge it.
 */
abstract class BudgetCheck<L extends Limit> implements Check {

    final Budget budget;
    final L limit;
    private final CheckKind kind;

    BudgetCheck(Budget budget, L limit, CheckKind kind) {
        this.budget = budget;
        this.limit = limit;
        this.kind = kind;
    }

    @Override
    public final List<CheckResult> evaluate(EvaluationContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (BenchmarkResult result : Matching.resultsFor(budget, context)) {
            check(result, context).ifPresent(results::add);
        }
        return results;
    }

    /** The check of one matched result; empty when it cannot be judged, with the reason added by {@link #problem}. */
    abstract Optional<CheckResult> check(BenchmarkResult result, EvaluationContext context);

    /** A result of this budget against its limit (no baseline): the verdict, what was measured, the interval decided on. */
    final Optional<CheckResult> decided(BenchmarkResult result, Verdict verdict, double measured, String unit, Interval interval,
                                        String message, List<String> notes) {
        return Optional.of(new CheckResult(budget.id(), kind, result.key(), budget.level(), verdict, limit.describe(),
                OptionalDouble.empty(), measured, unit, OptionalDouble.empty(), interval.toString(), message, notes));
    }

    /** A configuration problem of this budget, after its file, line and column; the result is not judged. */
    final Optional<CheckResult> problem(EvaluationContext context, String message) {
        context.problems().add(budget.location() + ": " + message);
        return Optional.empty();
    }
}
