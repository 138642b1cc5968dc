package io.sabot.budget.core.check;

import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Budget;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Level;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.Quantity;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Compares every benchmark of the run with the baseline's result for the same benchmark, mode and
 * @Param values. The threshold and level come from the first budget that matches the benchmark and
 * sets {@code regression}, else from the file's defaults (10%, error); a benchmark whose budget says
 * {@code regression: off} is a reference and gets no check. When the baseline was recorded
 * in a different environment the check still runs but only warns, and says why.
 */
final class RegressionCheck implements Check {

    static final String ID = "regression";

    @Override
    public List<CheckResult> evaluate(EvaluationContext context) {
        if (context.baseline().isEmpty()) {
            return List.of();
        }
        RunResults baseline = context.baseline().get();
        List<Comparison> pairs = new ArrayList<>();
        for (BenchmarkResult current : context.current().results()) {
            Optional<Budget> owner = context.budgets().regressionOwner(current.key().benchmark(), current.key().params());
            if (owner.map(Budget::regressionOff).orElse(false)) {
                continue; // a reference benchmark: the same code on both sides, nothing to judge
            }
            baseline.find(current.key()).ifPresent(b -> pairs.add(new Comparison(b, current, owner)));
        }
        List<CheckResult> results = new ArrayList<>();
        for (Comparison pair : pairs) {
            results.add(compare(pair.baseline(), pair.current(), pair.owner(), context, pairs.size()));
        }
        return results;
    }

    /** A result, its baseline, and the budget whose threshold governs it (empty: the defaults). */
    private record Comparison(BenchmarkResult baseline, BenchmarkResult current, Optional<Budget> owner) {
    }

    private CheckResult compare(BenchmarkResult baseline, BenchmarkResult current, Optional<Budget> owner,
                                EvaluationContext context, int comparisons) {
        BudgetFile.Defaults defaults = context.budgets().defaults();
        double allowed = owner.map(b -> b.regression().getAsDouble()).orElse(defaults.regression());
        Level level = owner.map(Budget::level).orElse(defaults.level());
        String id = owner.map(b -> b.id() + "/" + ID).orElse(ID);
        List<String> notes = new ArrayList<>();
        if (!context.baselineComparable()) {
            if (level == Level.ERROR) {
                notes.add("baseline recorded in a different environment (" + String.join("; ", context.environmentDifferences())
                        + "): regression reported as a warning only");
            }
            level = Level.WARN;
        }
        Metric before = baseline.primary();
        Metric now = current.primary();
        double threshold = allowed;
        String limit = "<= +" + Quantity.format(threshold * 100) + "% vs " + context.reference();
        if (!before.unit().isComparableTo(now.unit())) {
            notes.add("baseline unit " + before.unit() + " differs from " + now.unit() + "; not compared");
            return new CheckResult(id, CheckKind.REGRESSION, current.key(), level, Verdict.INCONCLUSIVE, limit,
                    OptionalDouble.empty(), now.score(), now.unit().label(), OptionalDouble.empty(), "",
                    "cannot compare with the baseline: units differ (" + before.unit() + " vs " + now.unit() + ")", notes);
        }
        Metric baselineInCurrentUnit = before;
        double scale = before.unit().toBase() / now.unit().toBase();
        Metric baselineScaled = scaledCopy(before, scale, now);
        Statistics.RegressionDecision decision = context.paired()
                ? context.statistics().pairedRegression(baselineScaled, now, now.direction(), threshold, comparisons)
                : context.statistics().regression(baselineScaled, now, now.direction(), threshold, comparisons);
        notes.addAll(decision.notes());
        double change = decision.slowdown().estimate();
        String direction = change >= 0 ? "slower" : "faster";
        // In paired mode the change is estimated from the rounds' ratios, which need not agree with the ratio of
        // the two sides' means (a round measured in a slow minute weighs as much as any other): say which is which.
        String means = (context.paired() ? "estimated from the paired rounds; the sides' means " : "")
                + Quantity.format(before.score() * scale) + " -> " + Quantity.format(now.score()) + " " + now.unit();
        String message = current.key().label() + " is " + Quantity.format(Math.abs(change) * 100) + "% " + direction
                + " than the " + context.reference() + " (" + means
                + ", slowdown interval [" + pct(decision.slowdown().low()) + ", " + pct(decision.slowdown().high()) + "])"
                + switch (decision.verdict()) {
                    case PASS -> ", within the allowed " + pct(threshold);
                    case FAIL -> ", more than the allowed " + pct(threshold);
                    case INCONCLUSIVE -> "; too noisy to tell against " + pct(threshold) + (context.paired()
                            ? ": more rounds (-Dbudget.rounds) or adaptive looks (-Dbudget.maxTime) narrow the interval"
                            : ": more forks (-Dbudget.forks) narrow the interval, and paired mode (-Dbudget.against=git:...)"
                            + " measures the baseline code beside this code instead of another run's numbers");
                };
        return new CheckResult(id, CheckKind.REGRESSION, current.key(), level, decision.verdict(), limit,
                OptionalDouble.of(baselineInCurrentUnit.score() * scale), now.score(), now.unit().label(),
                OptionalDouble.of(change), decision.slowdown().toString(), message, notes,
                Optional.of(new CheckResult.Slowdown(decision.slowdown().low(), change, decision.slowdown().high(), threshold)));
    }


    /** A slowdown as a signed percentage; beyond +/-1,000% only that (an interval of a few noisy rounds can reach 1e9%). */
    static String pct(double fraction) {
        if (fraction > 10) {
            return "> +1,000%";
        }
        if (fraction < -10) {
            return "< -1,000%";
        }
        return (fraction >= 0 ? "+" : "") + Quantity.format(fraction * 100) + "%";
    }

    /** The baseline metric expressed in the current run's unit, so samples compare like with like. */
    private static Metric scaledCopy(Metric m, double scale, Metric target) {
        if (scale == 1) {
            return m;
        }
        List<double[]> raw = new ArrayList<>();
        for (double[] fork : m.rawData()) {
            double[] copy = new double[fork.length];
            for (int i = 0; i < fork.length; i++) {
                copy[i] = fork[i] * scale;
            }
            raw.add(copy);
        }
        List<List<double[][]>> histograms = new ArrayList<>();
        for (List<double[][]> fork : m.histograms()) {
            List<double[][]> iterations = new ArrayList<>();
            for (double[][] iteration : fork) {
                double[][] copy = new double[iteration.length][];
                for (int i = 0; i < iteration.length; i++) {
                    copy[i] = new double[] {iteration[i][0] * scale, iteration[i][1]};
                }
                iterations.add(copy);
            }
            histograms.add(iterations);
        }
        java.util.Map<Double, Double> percentiles = new java.util.HashMap<>();
        m.percentiles().forEach((k, v) -> percentiles.put(k, v * scale));
        return new Metric(m.name(), m.score() * scale, m.scoreError() * scale, m.confidenceLow() * scale,
                m.confidenceHigh() * scale, target.unit(), m.direction(), percentiles, raw, histograms);
    }
}
