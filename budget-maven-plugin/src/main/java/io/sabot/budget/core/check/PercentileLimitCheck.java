package io.sabot.budget.core.check;

import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Bound;
import io.sabot.budget.core.model.Budget;
import io.sabot.budget.core.model.Limit;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** {@code p50:} .. {@code p100:} on SampleTime benchmarks: an upper bound on a latency percentile. */
final class PercentileLimitCheck implements Check {

    private final Budget budget;
    private final Limit.Percentile limit;

    PercentileLimitCheck(Budget budget, Limit.Percentile limit) {
        this.budget = budget;
        this.limit = limit;
    }

    @Override
    public List<CheckResult> evaluate(EvaluationContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (BenchmarkResult result : Matching.resultsFor(budget, context)) {
            if (result.key().mode() != Mode.SAMPLE_TIME) {
                context.problems().add(budget.location() + ": budget '" + budget.id() + "' limits " + limit.key()
                        + " but " + result.key().label() + " does not run in SampleTime mode (percentiles exist only"
                        + " for @BenchmarkMode(Mode.SampleTime)); narrow the pattern or change the mode");
                continue;
            }
            if (!result.primary().unit().isComparableTo(limit.limit().unit())) {
                context.problems().add(budget.location() + ": " + UnitBridge.mismatch(budget.id(), result.key().label(),
                        result.primary().unit(), limit.limit().unit(), result.threads()));
                continue;
            }
            Interval interval;
            try {
                interval = context.statistics().percentileInterval(result.primary(), limit.percentile())
                        .scaled(result.primary().unit().toBase() / limit.limit().unit().toBase());
            } catch (MissingSamplesException e) {
                context.problems().add(budget.location() + ": budget '" + budget.id() + "' limits " + limit.key() + " of "
                        + result.key().label() + ", but " + e.getMessage() + "; limit a percentile the results hold, or"
                        + " give results JMH wrote with -rf json (they keep the histograms)");
                continue;
            }
            Verdict verdict = LimitRule.decide(interval, Bound.MAX, limit.limit().value());
            String unit = limit.limit().unit().label();
            results.add(new CheckResult(budget.id(), CheckKind.PERCENTILE, result.key(), budget.level(), verdict,
                    limit.describe(), OptionalDouble.empty(), interval.estimate(), unit, OptionalDouble.empty(),
                    interval.toString(), LimitRule.sentence(limit.key(), verdict, interval, unit, limit.describe()), List.of()));
        }
        return results;
    }
}
