package io.sabot.budget.harness;

import io.sabot.budget.core.check.BudgetEvaluator;
import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges a simulated build the way {@code budget:check} does: the regression checks of
 * {@link BudgetEvaluator} with the plugin's standard statistics (hierarchical bootstrap / Welch t on
 * fork means, Bonferroni over the build's benchmarks, 10% threshold from an empty budget file's
 * defaults), then one confirmation round as with the default {@code confirm = 1}: the benchmarks
 * behind failed checks are replaced by their confirmation forks, the build is evaluated again, and a
 * check stays FAIL only if it fails both times (otherwise it takes the confirmation's verdict).
 */
final class PluginRule {

    /** The verdicts of the first evaluation and after the confirmation rerun. */
    record Outcome(BuildVerdicts firstRun, BuildVerdicts confirmed, int benchmarksRerun) {
    }

    private final BudgetEvaluator evaluator;
    private final BudgetFile budgets = BudgetFile.empty("verdict-quality (defaults: regression 10%, level error)");

    PluginRule(Statistics statistics) {
        this.evaluator = new BudgetEvaluator(statistics, false);
    }

    Outcome judge(List<BenchmarkDraw> build) {
        RunResults baseline = run("baseline", build, null, Side.BASELINE);
        RunResults current = run("current", build, null, Side.CURRENT);
        List<Verdict> first = verdicts(evaluate(current, baseline), build);
        List<BenchmarkKey> failed = new ArrayList<>();
        for (int i = 0; i < build.size(); i++) {
            if (first.get(i) == Verdict.FAIL) {
                failed.add(build.get(i).template().key());
            }
        }
        if (failed.isEmpty()) {
            return new Outcome(new BuildVerdicts(first), new BuildVerdicts(first), 0);
        }
        RunResults merged = run("current + confirmation", build, failed, Side.CURRENT);
        List<Verdict> again = verdicts(evaluate(merged, baseline), build);
        List<Verdict> confirmed = new ArrayList<>();
        for (int i = 0; i < build.size(); i++) {
            confirmed.add(first.get(i) == Verdict.FAIL ? again.get(i) : first.get(i));
        }
        return new Outcome(new BuildVerdicts(first), new BuildVerdicts(confirmed), failed.size());
    }

    private Evaluation evaluate(RunResults current, RunResults baseline) {
        Evaluation evaluation = evaluator.evaluate(budgets, current, Optional.of(baseline), Optional.empty());
        if (!evaluation.problems().isEmpty()) {
            throw new IllegalStateException("the simulated build could not be evaluated: " + evaluation.problems());
        }
        return evaluation;
    }

    private static List<Verdict> verdicts(Evaluation evaluation, List<BenchmarkDraw> build) {
        Map<BenchmarkKey, Verdict> byKey = new HashMap<>();
        for (CheckResult r : evaluation.results()) {
            if (r.kind() == CheckKind.REGRESSION) {
                byKey.put(r.benchmark(), r.verdict());
            }
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (BenchmarkDraw b : build) {
            Verdict v = byKey.get(b.template().key());
            if (v == null) {
                throw new IllegalStateException("no regression verdict for " + b.template().key().label());
            }
            verdicts.add(v);
        }
        return verdicts;
    }

    private enum Side { BASELINE, CURRENT }

    /** A run of the build: per benchmark its baseline or current forks; {@code confirmed} take their confirmation forks. */
    private static RunResults run(String name, List<BenchmarkDraw> build, List<BenchmarkKey> confirmed, Side side) {
        List<BenchmarkResult> results = new ArrayList<>();
        for (BenchmarkDraw b : build) {
            List<double[]> forks = side == Side.BASELINE ? b.baseline()
                    : confirmed != null && confirmed.contains(b.template().key()) ? b.confirmation() : b.current();
            results.add(result(b.template(), forks));
        }
        return new RunResults(name, results, Optional.empty(), Optional.empty(), Optional.empty());
    }

    static BenchmarkResult result(BenchmarkResult template, List<double[]> forks) {
        Metric p = template.primary();
        Metric metric = new Metric(p.name(), BenchmarkDraw.mean(forks), Double.NaN, Double.NaN, Double.NaN, p.unit(),
                p.direction(), Map.of(), forks, List.of());
        return new BenchmarkResult(template.key(), template.threads(), forks.size(), template.jdkVersion(), template.vmName(),
                template.vmVersion(), template.jmhVersion(), template.jvmArgs(), metric, Map.of());
    }
}
