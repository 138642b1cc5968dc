package io.sabot.budget.core.check;

import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Bound;
import io.sabot.budget.core.model.Budget;
import io.sabot.budget.core.model.Limit;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.Verdict;
import java.util.List;
import java.util.Optional;

/** {@code p50:} .. {@code p100:} on SampleTime benchmarks: an upper bound on a latency percentile. */
final class PercentileLimitCheck extends BudgetCheck<Limit.Percentile> {

    PercentileLimitCheck(Budget budget, Limit.Percentile limit) {
        super(budget, limit, CheckKind.PERCENTILE);
    }

    @Override
    Optional<CheckResult> check(BenchmarkResult result, EvaluationContext context) {
        if (result.key().mode() != Mode.SAMPLE_TIME) {
            return problem(context, "budget '" + budget.id() + "' limits " + limit.key() + " but " + result.key().label()
                    + " does not run in SampleTime mode (percentiles exist only for @BenchmarkMode(Mode.SampleTime));"
                    + " narrow the pattern or change the mode");
        }
        if (!result.primary().unit().isComparableTo(limit.limit().unit())) {
            return problem(context, UnitBridge.mismatch(budget.id(), result.key().label(), result.primary().unit(),
                    limit.limit().unit(), result.threads()));
        }
        Interval interval;
        try {
            interval = context.statistics().percentileInterval(result.primary(), limit.percentile())
                    .scaled(result.primary().unit().toBase() / limit.limit().unit().toBase());
        } catch (MissingSamplesException e) {
            return problem(context, "budget '" + budget.id() + "' limits " + limit.key() + " of " + result.key().label()
                    + ", but " + e.getMessage() + "; limit a percentile the results hold, or give results JMH wrote with"
                    + " -rf json (they keep the histograms)");
        }
        Verdict verdict = LimitRule.decide(interval, Bound.MAX, limit.limit().value());
        String unit = limit.limit().unit().label();
        return decided(result, verdict, interval.estimate(), unit, interval,
                LimitRule.sentence(limit.key(), verdict, interval, unit, limit.describe()), List.of());
    }
}
