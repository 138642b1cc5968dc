package io.sabot.budget.core.check;

import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Bound;
import io.sabot.budget.core.model.Budget;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Limit;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code faster-than: peer} + {@code by: 5x}: the benchmark must be at least {@code by} times as fast
 * as the peer measured in the same run. A ratio of two results of one run keeps its meaning on any
 * machine, which an absolute limit does not.
 */
final class RatioCheck extends BudgetCheck<Limit.Ratio> {

    RatioCheck(Budget budget, Limit.Ratio limit) {
        super(budget, limit, CheckKind.RATIO);
    }

    @Override
    Optional<CheckResult> check(BenchmarkResult result, EvaluationContext context) {
        List<BenchmarkResult> peers = context.current().results().stream()
                .filter(p -> p != result && limit.peer().matches(p.key().benchmark()))
                .filter(p -> result.key().sharesParamValuesWith(p.key()))
                .collect(Collectors.toList());
        if (peers.isEmpty()) {
            context.problems().unmatched(budget.id(), budget.location() + ": budget '" + budget.id() + "': faster-than '"
                    + limit.peer() + "' matches no result with the same @Param values as " + result.key().label());
            return Optional.empty();
        }
        if (peers.size() != 1) {
            return problem(context, "budget '" + budget.id() + "': faster-than '" + limit.peer()
                    + "' must match exactly one result with the same @Param values as " + result.key().label()
                    + ", found " + peers.stream().map(p -> p.key().label()).collect(Collectors.joining(", ")));
        }
        BenchmarkResult peer = peers.get(0);
        Metric mine = result.primary();
        Metric theirs = peer.primary();
        if (mine.direction() != theirs.direction() || mine.unit().dimension() != theirs.unit().dimension()) {
            return problem(context, "budget '" + budget.id() + "': " + result.key().label() + " (" + mine.unit()
                    + ") and its peer " + peer.key().label() + " (" + theirs.unit() + ") must use the same benchmark mode"
                    + " to be compared");
        }
        // speed ratio: throughput mine/theirs; time theirs/mine
        Interval ratio = mine.direction() == Direction.HIGHER_IS_BETTER
                ? context.statistics().ratioInterval(mine, theirs).scaled(mine.unit().toBase() / theirs.unit().toBase())
                : context.statistics().ratioInterval(theirs, mine).scaled(theirs.unit().toBase() / mine.unit().toBase());
        Verdict verdict = LimitRule.decide(ratio, Bound.MIN, limit.factor());
        String message = result.key().label() + " is " + io.sabot.budget.core.model.Quantity.format(ratio.estimate())
                + "x as fast as " + peer.key().label() + " (interval " + ratio + ")"
                + switch (verdict) {
                    case PASS -> ", at least the required " + limit.factor() + "x";
                    case FAIL -> ", but must be at least " + limit.factor() + "x";
                    case INCONCLUSIVE -> ", too noisy to decide against " + limit.factor() + "x; measure longer";
                };
        return decided(result, verdict, ratio.estimate(), "x", ratio, message, List.of("peer: " + peer.key()));
    }
}
