package io.sabot.budget.core.check;

import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Budget;
import io.sabot.budget.core.model.Limit;
import io.sabot.budget.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** {@code max:} / {@code min:} on the primary score of every matched benchmark. */
final class ScoreLimitCheck implements Check {

    private final Budget budget;
    private final Limit.Score limit;

    ScoreLimitCheck(Budget budget, Limit.Score limit) {
        this.budget = budget;
        this.limit = limit;
    }

    @Override
    public List<CheckResult> evaluate(EvaluationContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (BenchmarkResult result : Matching.resultsFor(budget, context)) {
            Interval raw = context.statistics().scoreInterval(result.primary());
            Optional<Interval> interval = UnitBridge.convert(raw, result.primary().unit(), limit.limit().unit(), result.threads());
            if (interval.isEmpty()) {
                context.problems().add(budget.location() + ": " + UnitBridge.mismatch(budget.id(),
                        result.key().label(), result.primary().unit(), limit.limit().unit(), result.threads()));
                continue;
            }
            Verdict verdict = LimitRule.decide(interval.get(), limit.bound(), limit.limit().value());
            String unit = limit.limit().unit().label();
            results.add(new CheckResult(budget.id(), CheckKind.SCORE, result.key(), budget.level(), verdict,
                    limit.describe(), OptionalDouble.empty(), interval.get().estimate(), unit, OptionalDouble.empty(),
                    interval.get().toString(),
                    LimitRule.sentence("score", verdict, interval.get(), unit, limit.describe()), List.of()));
        }
        return results;
    }
}
