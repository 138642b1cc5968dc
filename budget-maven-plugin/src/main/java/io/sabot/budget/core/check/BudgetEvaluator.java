package io.sabot.budget.core.check;

import io.sabot.budget.core.check.stats.ForkAgreement;
import io.sabot.budget.core.check.stats.Samples;
import io.sabot.budget.core.io.Beside;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Budget;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.Limit;
import io.sabot.budget.core.model.RunResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Runs every check of a build: one per budget, plus the regression check against the baseline.
 * Nothing throws half-way; all results and problems are collected and returned together.
 */
public final class BudgetEvaluator {

    private final Statistics statistics;
    private final boolean compareAcrossEnvironments;
    private boolean subsetRun;
    private boolean paired;
    private String reference;
    private final List<String> incomparable = new ArrayList<>();
    private Path baselineFile;

    /**
     * @param compareAcrossEnvironments when true, a baseline from a different environment still fails
     *                                  the build on regressions (by default it only warns)
     */
    public BudgetEvaluator(Statistics statistics, boolean compareAcrossEnvironments) {
        this.statistics = statistics;
        this.compareAcrossEnvironments = compareAcrossEnvironments;
    }

    /** The run was filtered by includes/excludes, so budgets whose benchmarks did not run are skipped, not errors. */
    public BudgetEvaluator subsetRun(boolean subset) {
        this.subsetRun = subset;
        return this;
    }

    /**
     * The baseline is the baseline code measured beside this run, pair by pair (fork {@code i} of
     * each side in the same pair): regressions are judged on the paired ratios, and the baseline's
     * environment is this machine now.
     */
    public BudgetEvaluator paired(boolean value) {
        this.paired = value;
        return this;
    }

    /**
     * What the baseline is called in limits and messages ({@code "<= +10% vs JDK java-17-openjdk-amd64"});
     * default "baseline", or "baseline code" in paired mode.
     */
    public BudgetEvaluator reference(String name) {
        this.reference = name;
        return this;
    }

    private String referenceName() {
        return reference != null ? reference : paired ? "baseline code" : "baseline";
    }

    /**
     * The stored baseline is not a fair reference for this run for {@code reason}: its regression
     * checks are reported as warnings, like a baseline from another environment (unless
     * compareAcrossEnvironments).
     */
    /** Where the baseline was looked for: a missing one is then named in the note (a mistyped path must not pass unseen). */
    public BudgetEvaluator baselineFile(Path file) {
        this.baselineFile = file;
        return this;
    }

    public BudgetEvaluator notComparable(String reason) {
        incomparable.add(reason);
        return this;
    }

    /**
     * Evaluates every check on the steady part of each fork: both runs first lose the leading iterations
     * still warming up ({@link WarmupTrim}), and the notes say which benchmarks were trimmed or never settled.
     */
    public Evaluation evaluate(BudgetFile budgets, RunResults current, Optional<RunResults> baseline,
                               Optional<Environment> currentEnvironment) {
        WarmupTrim.Trimmed trimmed = WarmupTrim.apply(current, baseline);
        Evaluation steady = evaluateSteady(budgets, trimmed.current(), trimmed.baseline(), currentEnvironment);
        List<String> notes = new ArrayList<>(steady.notes());
        notes.addAll(trimmed.notes());
        return new Evaluation(steady.results(), steady.problems(), notes);
    }

    private Evaluation evaluateSteady(BudgetFile budgets, RunResults current, Optional<RunResults> baseline,
                                      Optional<Environment> currentEnvironment) {
        List<String> notes = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        if (paired && baseline.isPresent()) {
            return evaluatePaired(budgets, current, baseline.get(), notes);
        }
        if (baseline.isPresent()) {
            RunResults base = baseline.get();
            Environment baseEnvironment = base.environment().orElseGet(() -> Environment.fromResults(base));
            Environment currentEnv = currentEnvironment.orElseGet(() -> Environment.fromResults(current));
            differences.addAll(currentEnv.differencesFrom(baseEnvironment));
            differences.addAll(incomparable);
            if (base.environment().isEmpty()) {
                notes.add("Baseline " + base.source() + " is plain JMH JSON without a machine fingerprint: compared on its JDK"
                        + " and JMH only");
            }
            currentEnv.jvmArgsDifference(baseEnvironment).ifPresent(notes::add);
            double machineSlowdown = currentEnv.speed().slowdownFrom(baseEnvironment.speed());
            if (machineSlowdown > 1) {
                // Reported, never acted on: two probes minutes apart on one machine differed by 2.4x, and a
                // threshold raised by the probe let a +56% slowdown pass. Paired mode removes the need.
                notes.add(String.format(Locale.ROOT, "This machine ran the speed probe %.0f%% slower than when the baseline"
                        + " was recorded (%s). Thresholds are not adjusted for it: numbers stored at another time or on"
                        + " another VM may differ by as much; measure the baseline code beside this code instead"
                        + " (-Dbudget.against=git:baseline)", (machineSlowdown - 1) * 100,
                        currentEnv.speed().comparedWith(baseEnvironment.speed())));
            }
            if (!differences.isEmpty()) {
                notes.add("Baseline environment differs: " + String.join("; ", differences)
                        + (compareAcrossEnvironments ? "" : ". Regression checks only warn;"
                        + " re-record the baseline on this machine (mvn budget:baseline) to gate on them."));
            }
            base.recordedAt().ifPresent(t -> notes.add("Baseline recorded " + t + base.reason().map(r -> " (" + r + ")").orElse("")));
            for (BenchmarkResult r : current.results()) {
                if (base.find(r.key()).isEmpty()) {
                    notes.add("No baseline for " + r.key().label() + " (new benchmark); record one with mvn budget:baseline");
                }
            }
            List<String> notRun = base.results().stream().filter(r -> current.find(r.key()).isEmpty())
                    .map(r -> r.key().label()).toList();
            if (subsetRun && !notRun.isEmpty()) {
                notes.add(notRun.size() + " baseline benchmark(s) not run, filtered out by includes/excludes");
            } else {
                notRun.forEach(label -> notes.add("Baseline has " + label + " but this run does not"));
            }
        } else {
            notes.add("No baseline: " + (baselineFile == null ? "" : baselineFile + " does not exist, so ")
                    + "regression checks skipped; record one with mvn budget:baseline -Dbudget.reason=\"...\""
                    + (baselineFile == null ? "" : ", or point -Dbudget.baselineFile at the file"));
        }
        boolean comparable = differences.isEmpty() || compareAcrossEnvironments;
        Problems problems = new Problems(subsetRun);
        EvaluationContext context = new EvaluationContext(current, baseline, budgets, statistics.forBuild(current, baseline),
                comparable, differences, problems, false, referenceName());
        return run(budgets, context, current, notes);
    }

    private Evaluation evaluatePaired(BudgetFile budgets, RunResults current, RunResults baseline, List<String> notes) {
        Set<String> named = new HashSet<>();
        Set<String> baselineNames = new HashSet<>();
        baseline.results().forEach(b -> baselineNames.add(b.key().benchmark()));
        for (BenchmarkResult r : current.results()) {
            // A reference (regression: off) runs on this side only by design: not news, not a note.
            if (baseline.find(r.key()).isPresent() || budgets.regressionOff(r.key().benchmark(), r.key().params())) {
                continue;
            }
            String name = r.key().benchmark();
            if (!baselineNames.contains(name)) {
                if (named.add(name)) {
                    notes.add("New benchmark " + name + ": not in the baseline code, so limits only");
                }
            } else {
                notes.add("No baseline code for " + r.key().label() + " (a new @Param value): limits only");
            }
        }
        EvaluationContext context = new EvaluationContext(current, Optional.of(baseline), budgets,
                statistics.forPairedBuild(current, baseline), true, List.of(), new Problems(subsetRun), true,
                referenceName());
        return run(budgets, context, current, notes);
    }

    private Evaluation run(BudgetFile budgets, EvaluationContext context, RunResults current, List<String> notes) {
        // Which forks disagree depends on the run alone, and the regression check (the last check, one
        // comparison per benchmark) on the runs and the budget file alone: both run on threads of their own
        // while the budgets' checks run. The regression check collects its problems apart; they follow the
        // budgets' problems, and its results theirs, as in one pass.
        Beside<List<String>> disagreements = Beside.start("fork agreement", () -> forkDisagreements(current));
        List<Check> checks = checks(budgets);
        Check last = checks.remove(checks.size() - 1);
        EvaluationContext lastContext = context.withProblems(new Problems(subsetRun));
        Beside<List<CheckResult>> lastResults = Beside.start("regression check", () -> last.evaluate(lastContext));
        List<CheckResult> results = new ArrayList<>();
        try {
            for (Check check : checks) {
                results.addAll(check.evaluate(context));
            }
        } finally {
            disagreements.await();
            lastResults.await();
        }
        results.addAll(lastResults.join(RuntimeException.class));
        context.problems().addAll(lastContext.problems());
        notes.addAll(context.problems().skipped());
        notes.addAll(disagreements.join(RuntimeException.class));
        return new Evaluation(results, context.problems().list(), notes);
    }

    /** Benchmarks whose forks split into two groups: their verdicts deserve a word of caution. */
    private static List<String> forkDisagreements(RunResults current) {
        List<String> notes = new ArrayList<>();
        for (BenchmarkResult r : current.results()) {
            List<double[]> raw = r.primary().rawData();
            if (raw.size() < 2 || r.primary().sampleCount() <= raw.size()
                    || raw.stream().flatMapToDouble(Arrays::stream).anyMatch(v -> !Double.isFinite(v))) {
                continue;
            }
            ForkAgreement.split(new Samples(raw), r.primary().unit().label())
                    .ifPresent(split -> notes.add(r.key().label() + ": " + split));
        }
        return notes;
    }

    static List<Check> checks(BudgetFile file) {
        List<Check> checks = new ArrayList<>();
        for (Budget budget : file.budgets()) {
            budget.limit().ifPresentOrElse(limit -> checks.add(checkFor(budget, limit)),
                    () -> checks.add(new RegressionScopeCheck(budget)));
        }
        checks.add(new RegressionCheck());
        return checks;
    }

    private static Check checkFor(Budget budget, Limit limit) {
        if (limit instanceof Limit.Score score) {
            return new ScoreLimitCheck(budget, score);
        }
        if (limit instanceof Limit.Percentile percentile) {
            return new PercentileLimitCheck(budget, percentile);
        }
        if (limit instanceof Limit.SecondaryMetric metric) {
            return new SecondaryMetricLimitCheck(budget, metric);
        }
        return new RatioCheck(budget, (Limit.Ratio) limit);
    }

    /** A budget that only sets {@code regression:} must still match something, or it is a typo. */
    private record RegressionScopeCheck(Budget budget) implements Check {
        @Override
        public List<CheckResult> evaluate(EvaluationContext context) {
            Matching.resultsFor(budget, context);
            return List.of();
        }
    }
}
