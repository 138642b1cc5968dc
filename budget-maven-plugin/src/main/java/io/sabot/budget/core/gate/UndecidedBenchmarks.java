package io.sabot.budget.core.gate;

import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Budget;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Level;
import io.sabot.budget.core.model.Limit;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which benchmarks more forks could decide: those behind INCONCLUSIVE error-level checks (and, for a
 * ratio budget, its peer, since the ratio's interval narrows only when both sides are measured
 * more). Warn-level checks never fail the build, so they get no extra measurement time; nor does a
 * regression check that could not compare at all (units differ), which no amount of forks resolves.
 *
 * <p>When the time left cannot pay for all of them, the checks nearest to a decision go first
 * ({@link #nearestDecisionFirst}): a build that can afford five more benchmarks should decide five,
 * not stop because fifty would not fit.
 */
final class UndecidedBenchmarks {

    private UndecidedBenchmarks() {
    }

    /** The checks adaptive measurement works on. */
    static List<CheckResult> checks(Evaluation evaluation) {
        return evaluation.results().stream().filter(UndecidedBenchmarks::resolvableByMeasurement).toList();
    }

    static boolean resolvableByMeasurement(CheckResult r) {
        return r.verdict() == Verdict.INCONCLUSIVE && r.level() == Level.ERROR
                && !(r.kind() == CheckKind.REGRESSION && r.change().isEmpty());
    }

    /** The result keys to fork again, in report order, each exactly once. */
    static Set<BenchmarkKey> of(Evaluation evaluation, BudgetFile budgets, RunResults current) {
        Set<BenchmarkKey> keys = new LinkedHashSet<>();
        for (CheckResult r : checks(evaluation)) {
            keys.add(r.benchmark());
            if (r.kind() == CheckKind.RATIO) {
                keys.addAll(peersOf(r, budgets, current));
            }
        }
        return keys;
    }

    /**
     * The result keys of as many undecided checks as {@code room} keys allow, nearest to a decision
     * first ({@link #nearestDecisionFirst}); a check whose keys (with its ratio peers) would overflow
     * the room is passed over for smaller ones further down.
     */
    static Set<BenchmarkKey> fitting(Evaluation evaluation, BudgetFile budgets, RunResults current, long room) {
        return fitting(nearestDecisionFirst(checks(evaluation)), budgets, current, room);
    }

    static Set<BenchmarkKey> fitting(List<CheckResult> ranked, BudgetFile budgets, RunResults current, long room) {
        return fitting(ranked, budgets, current, room, key -> true);
    }

    /**
     * As above, counting only the results {@code measurable} accepts against the room (in paired mode a
     * ratio's peer that exists on this side only gets no pairs, so it must not take a place).
     */
    static Set<BenchmarkKey> fitting(List<CheckResult> ranked, BudgetFile budgets, RunResults current, long room,
                                     Predicate<BenchmarkKey> measurable) {
        Set<BenchmarkKey> keys = new LinkedHashSet<>();
        for (CheckResult r : ranked) {
            Set<BenchmarkKey> needed = new LinkedHashSet<>(keys);
            needed.add(r.benchmark());
            if (r.kind() == CheckKind.RATIO) {
                needed.addAll(peersOf(r, budgets, current));
            }
            needed.removeIf(measurable.negate());
            if (needed.size() <= room) {
                keys = needed;
            }
        }
        return keys;
    }

    /**
     * Undecided checks ordered by how much more measurement each needs, least first. A regression
     * check with an interval of half-width {@code h} whose estimate lies {@code d} from its threshold
     * needs about {@code (h/d)^2} times its measurement so far (the interval narrows with the square
     * root of the rounds). Limit and ratio checks, which carry their interval only as text, come first:
     * they are the few spec limits a build gates on. Ties keep report order.
     */
    static List<CheckResult> nearestDecisionFirst(List<CheckResult> checks) {
        return checks.stream().sorted(Comparator.comparingDouble(UndecidedBenchmarks::measurementFactor)).toList();
    }

    /** About how many times its measurement so far a check needs to be decided; 0 for checks without numbers. */
    static double measurementFactor(CheckResult r) {
        if (r.slowdown().isEmpty()) {
            return 0;
        }
        CheckResult.Slowdown s = r.slowdown().get();
        double halfWidth = (s.high() - s.low()) / 2;
        double distance = Math.abs(s.estimate() - s.threshold());
        if (!Double.isFinite(halfWidth) || !Double.isFinite(distance)) {
            return Double.MAX_VALUE;
        }
        return distance == 0 ? Double.MAX_VALUE : (halfWidth / distance) * (halfWidth / distance);
    }

    /** The peer results a ratio check compared with, chosen as {@code RatioCheck} chooses them. */
    private static Set<BenchmarkKey> peersOf(CheckResult r, BudgetFile budgets, RunResults current) {
        Set<BenchmarkKey> peers = new LinkedHashSet<>();
        for (Budget b : budgets.budgets()) {
            if (b.id().equals(r.id()) && b.limit().orElse(null) instanceof Limit.Ratio ratio) {
                for (BenchmarkResult p : current.results()) {
                    if (!p.key().equals(r.benchmark()) && ratio.peer().matches(p.key().benchmark())
                            && r.benchmark().sharesParamValuesWith(p.key())) {
                        peers.add(p.key());
                    }
                }
            }
        }
        return peers;
    }

}
