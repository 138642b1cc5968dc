package io.sabot.budget.core.check;

import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Budget;
import io.sabot.budget.core.model.Dimension;
import io.sabot.budget.core.model.Limit;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** {@code alloc:} (gc.alloc.rate.norm) and {@code metric:} limits on secondary metrics. */
final class SecondaryMetricLimitCheck implements Check {

    private final Budget budget;
    private final Limit.SecondaryMetric limit;

    SecondaryMetricLimitCheck(Budget budget, Limit.SecondaryMetric limit) {
        this.budget = budget;
        this.limit = limit;
    }

    @Override
    public List<CheckResult> evaluate(EvaluationContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (BenchmarkResult result : Matching.resultsFor(budget, context)) {
            Optional<Metric> metric = result.secondary(limit.metric());
            if (metric.isEmpty()) {
                String profilerHint = limit.metric().startsWith("gc.")
                        ? " (it comes from the gc profiler: keep 'gc' in the jmh profilers / -Dbudget.profilers)" : "";
                context.problems().add(budget.location() + ": budget '" + budget.id() + "' limits metric '"
                        + limit.metric() + "' but " + result.key().label() + " did not report it" + profilerHint
                        + "; metrics reported: " + String.join(", ", result.secondary().keySet()));
                continue;
            }
            Interval raw = context.statistics().scoreInterval(metric.get());
            Optional<Interval> interval = UnitBridge.convert(raw, metric.get().unit(), limit.limit().unit(), result.threads());
            if (interval.isEmpty()) {
                context.problems().add(budget.location() + ": " + UnitBridge.mismatch(budget.id(),
                        limit.metric() + " of " + result.key().label(), metric.get().unit(), limit.limit().unit(), result.threads()));
                continue;
            }
            Interval decided = cannotBeNegative(limit.metric(), metric.get()) ? floorAtZero(interval.get()) : interval.get();
            Verdict verdict = LimitRule.decide(decided, limit.bound(), limit.limit().value());
            String unit = limit.limit().unit().label();
            results.add(new CheckResult(budget.id(), CheckKind.METRIC, result.key(), budget.level(), verdict,
                    limit.describe(), OptionalDouble.empty(), decided.estimate(), unit, OptionalDouble.empty(),
                    decided.toString(), LimitRule.sentence(limit.metric(), verdict, decided, unit, limit.describe()), List.of()));
        }
        return results;
    }

    /**
     * Allocation, GC counts and times cannot be negative; a symmetric interval around a tiny mean
     * (e.g. 0.01 B/op of JMH's own bookkeeping) would otherwise dip below zero. Other metrics (a
     * profiler's growth in percent, say) can, and keep their interval as measured.
     */
    private static boolean cannotBeNegative(String name, Metric metric) {
        return name.startsWith("gc.") || metric.unit().dimension() == Dimension.BYTES_PER_OP
                || metric.unit().dimension() == Dimension.BYTES_PER_TIME;
    }

    private static Interval floorAtZero(Interval interval) {
        return interval.low() < 0 ? new Interval(0, Math.max(0, interval.estimate()), Math.max(0, interval.high()), interval.method())
                : interval;
    }
}
