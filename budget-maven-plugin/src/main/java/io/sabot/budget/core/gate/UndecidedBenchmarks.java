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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which benchmarks more forks could decide: those behind INCONCLUSIVE error-level checks (and, for a
 * ratio budget, its peer, since the ratio's interval narrows only when both sides are measured
 * more). Warn-level checks never fail the build, so they get no extra measurement time; nor does a
 * regression check that could not compare at all (units differ), which no amount of forks resolves.
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
