package io.sabot.budget.core.check;

import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Budget;
import io.sabot.budget.core.model.Dimension;
import io.sabot.budget.core.model.Limit;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.Verdict;
import java.util.List;
import java.util.Optional;

/** {@code alloc:} (gc.alloc.rate.norm) and {@code metric:} limits on secondary metrics. */
final class SecondaryMetricLimitCheck extends BudgetCheck<Limit.SecondaryMetric> {

    SecondaryMetricLimitCheck(Budget budget, Limit.SecondaryMetric limit) {
        super(budget, limit, CheckKind.METRIC);
    }

    @Override
    Optional<CheckResult> check(BenchmarkResult result, EvaluationContext context) {
        Optional<Metric> metric = result.secondary(limit.metric());
        if (metric.isEmpty()) {
            String profilerHint = limit.metric().startsWith("gc.")
                    ? " (it comes from the gc profiler: keep 'gc' in the jmh profilers / -Dbudget.profilers)" : "";
            return problem(context, "budget '" + budget.id() + "' limits metric '" + limit.metric() + "' but "
                    + result.key().label() + " did not report it" + profilerHint + "; metrics reported: "
                    + String.join(", ", result.secondary().keySet()));
        }
        Interval raw = context.statistics().scoreInterval(metric.get());
        Optional<Interval> interval = UnitBridge.convert(raw, metric.get().unit(), limit.limit().unit(), result.threads());
        if (interval.isEmpty()) {
            return problem(context, UnitBridge.mismatch(budget.id(), limit.metric() + " of " + result.key().label(),
                    metric.get().unit(), limit.limit().unit(), result.threads()));
        }
        Interval decided = cannotBeNegative(limit.metric(), metric.get()) ? floorAtZero(interval.get()) : interval.get();
        Verdict verdict = LimitRule.decide(decided, limit.bound(), limit.limit().value());
        String unit = limit.limit().unit().label();
        return decided(result, verdict, decided.estimate(), unit, decided,
                LimitRule.sentence(limit.metric(), verdict, decided, unit, limit.describe()), List.of());
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
