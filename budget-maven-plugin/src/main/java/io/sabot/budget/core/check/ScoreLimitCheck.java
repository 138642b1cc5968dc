package io.sabot.budget.core.check;

import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Budget;
import io.sabot.budget.core.model.Limit;
import io.sabot.budget.core.model.Verdict;
import java.util.List;
import java.util.Optional;

/** {@code max:} / {@code min:} on the primary score of every matched benchmark. */
final class ScoreLimitCheck extends BudgetCheck<Limit.Score> {

    ScoreLimitCheck(Budget budget, Limit.Score limit) {
        super(budget, limit, CheckKind.SCORE);
    }

    @Override
    Optional<CheckResult> check(BenchmarkResult result, EvaluationContext context) {
        Interval raw = context.statistics().scoreInterval(result.primary());
        Optional<Interval> interval = UnitBridge.convert(raw, result.primary().unit(), limit.limit().unit(), result.threads());
        if (interval.isEmpty()) {
            return problem(context, UnitBridge.mismatch(budget.id(), result.key().label(), result.primary().unit(),
                    limit.limit().unit(), result.threads()));
        }
        Verdict verdict = LimitRule.decide(interval.get(), limit.bound(), limit.limit().value());
        String unit = limit.limit().unit().label();
        return decided(result, verdict, interval.get().estimate(), unit, interval.get(),
                LimitRule.sentence("score", verdict, interval.get(), unit, limit.describe()), List.of());
    }
}
