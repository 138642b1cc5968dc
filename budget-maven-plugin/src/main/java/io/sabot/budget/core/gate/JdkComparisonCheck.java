package io.sabot.budget.core.gate;

import io.sabot.budget.core.check.BudgetEvaluator;
import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.fork.ListedBenchmark;
import io.sabot.budget.core.io.EnvironmentProbe;
import io.sabot.budget.core.io.PooledResultsWriter;
import io.sabot.budget.core.io.ResultFileException;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.JdkComparison;
import io.sabot.budget.core.model.RunResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * budget:check comparing JDKs: the benchmarks run on every JDK, interleaved ({@link JdkRounds}); the
 * budgets' limits judge every JDK's results (or only the JDK named by {@code budgetsOn}), and every
 * other JDK is compared with the first, the reference, with paired mode's statistics: a regression
 * check per benchmark on the per-round log ratios of fork scores ({@code PairedRatio}), its threshold
 * and level from the budget file as for the baseline code. The stored baseline is not used: the
 * reference JDK measured beside the others is the fairer reference.
 */
final class JdkComparisonCheck {

    /** What a JDK comparison measured and decided; {@code reference} is the reference JDK's results. */
    record Outcome(Evaluation evaluation, RunResults reference, JdkComparison comparison, Environment environment) {
    }

    private final AdaptiveMeasurement.RoundFork fork;
    private final PairedCheck.Lister lister;
    private final ForkListener listener;

    JdkComparisonCheck(AdaptiveMeasurement.RoundFork fork, PairedCheck.Lister lister, ForkListener listener) {
        this.fork = fork;
        this.lister = lister;
        this.listener = listener;
    }

    /**
     * @param settings the run with one fork per JMH run, on the reference JDK
     * @param confirm  confirmation reruns: the benchmarks behind failed checks get {@code rounds} more rounds on
     *                 every JDK, and a check fails only if it fails again
     * @param subset   whether includes/excludes filtered the run (budgets whose benchmarks did not run are skipped)
     */
    Outcome run(ForkSettings settings, JdkSettings jdkSettings, int rounds, long seed, int confirm, BudgetFile budgets,
                Statistics statistics, boolean subset) throws GateException {
        List<JdkComparison.Jdk> jdks = jdkSettings.jdks();
        Path directory = settings.outputDirectory().resolve("jdks");
        // one classpath on every JDK, so one listing; each @Param combination is a unit, as in paired mode
        List<ListedBenchmark> listed = lister.list(settings.withJava(jdks.get(0).java(), directory.resolve("list")));
        List<PairedMeasurement.Unit> units = PairedMeasurement.units(listed, listed, settings.jmhArgs().contains("-p"));
        listener.note("Comparing " + jdks.size() + " JDKs (reference " + jdks.get(0).label() + "): " + listed.size()
                + " benchmark(s), " + rounds + " round(s), seed " + seed);
        JdkRounds measurement = new JdkRounds(fork, listener, seed);
        JdkRounds.Measured measured = measurement.run(JdkRounds.Measured.empty(jdks.size()), settings, jdks, units, rounds,
                directory);
        // Every comparison with the reference is one family of checks: each JDK's share of the error rate.
        Judged judged = judge(settings, jdkSettings, measured, budgets, statistics.withErrorSpentOver(jdks.size() - 1), subset);
        Evaluation evaluation = judged.evaluation();
        for (int round = 1; round <= confirm && evaluation.problems().isEmpty(); round++) {
            List<CheckResult> failed = Confirmation.failed(evaluation);
            if (failed.isEmpty()) {
                break;
            }
            Set<String> names = Confirmation.benchmarksFor(failed, budgets, judged.reference());
            List<PairedMeasurement.Unit> again = units.stream().filter(u -> names.contains(u.name())).toList();
            listener.note("Confirming " + failed.size() + " failed check(s) with " + rounds + " more round(s) on every JDK,"
                    + " rerun " + round + " of " + confirm);
            measured = measurement.run(measured, settings, jdks, again, rounds, directory);
            judged = judge(settings, jdkSettings, measured, budgets, statistics.withErrorSpentOver(jdks.size() - 1), subset);
            evaluation = Confirmation.combine(evaluation, judged.evaluation(), round);
        }
        List<JdkComparison.Jdk> reported = judged.jdks();
        List<String> notes = new ArrayList<>();
        notes.add("JDK comparison: " + String.join(", ", reported.stream().map(JdkComparison.Jdk::describe).toList())
                + " measured in " + rounds + " interleaved round(s), the order within each round drawn at random (seed " + seed
                + "; -Dbudget.seed=" + seed + " repeats it). Each JDK is compared with the first, "
                + reported.get(0).label() + "; the stored baseline is not used");
        jdkSettings.budgetsOn().ifPresent(on -> notes.add("Budget limits judge " + on + " only (<budgetJdk>)"));
        notes.addAll(evaluation.notes());
        JdkComparison comparison = new JdkComparison(reported, seed, measured.runs(), jdkSettings.budgetsOn(),
                rows(reported, judged.results(), evaluation));
        return new Outcome(new Evaluation(evaluation.results(), evaluation.problems(), notes), judged.reference(), comparison,
                environment(judged.reference(), reported.get(0)));
    }

    /** One evaluation of everything measured so far: each JDK's results (as written), its JDK with the version it reported. */
    private record Judged(Evaluation evaluation, List<RunResults> results, List<JdkComparison.Jdk> jdks) {
        RunResults reference() {
            return results.get(0);
        }
    }

    /**
     * Writes each JDK's pooled forks and evaluates them: limits on every JDK (or the one named), and each
     * JDK but the first in paired mode against the first, whose regression checks are the comparisons.
     */
    private static Judged judge(ForkSettings settings, JdkSettings jdkSettings, JdkRounds.Measured measured,
                                BudgetFile budgets, Statistics statistics, boolean subset) throws GateException {
        List<JdkComparison.Jdk> jdks = jdkSettings.jdks();
        List<RunResults> results = new ArrayList<>();
        List<JdkComparison.Jdk> reported = new ArrayList<>();
        for (int j = 0; j < jdks.size(); j++) {
            Path file = resultsFile(settings, jdks, j);
            RunResults run = measured.results(j, file.toString());
            write(measured.files().get(j), file, run);
            results.add(run);
            reported.add(jdks.get(j).withVersion(run.results().isEmpty() ? "" : run.results().get(0).jdkVersion()));
        }
        RunResults reference = results.get(0);
        List<CheckResult> checks = new ArrayList<>();
        Set<String> problems = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        for (int j = 0; j < jdks.size(); j++) {
            JdkComparison.Jdk jdk = reported.get(j);
            BudgetEvaluator evaluator = new BudgetEvaluator(statistics, true).subsetRun(subset);
            Optional<Environment> environment = Optional.of(environment(results.get(j), jdk));
            Evaluation evaluation = j == 0
                    ? evaluator.evaluate(budgets, reference, Optional.empty(), environment)
                    : evaluator.paired(true).reference("JDK " + reported.get(0).label())
                            .evaluate(budgets, results.get(j), Optional.of(reference), environment);
            boolean limitsApply = jdkSettings.budgetsOn().map(jdk.label()::equals).orElse(true);
            for (CheckResult r : evaluation.results()) {
                if (r.kind() == CheckKind.REGRESSION || limitsApply) {
                    checks.add(tagged(r, jdk, reported.get(0)));
                }
            }
            problems.addAll(evaluation.problems());
            for (String note : evaluation.notes()) {
                // the reference is evaluated without a baseline on purpose: the other JDKs are compared with it
                if (!(j == 0 && note.startsWith("No baseline:"))) {
                    notes.add("[" + jdk.label() + "] " + note);
                }
            }
        }
        return new Judged(new Evaluation(checks, List.copyOf(problems), List.copyOf(notes)), results, reported);
    }

    /** The reference JDK's forks go to results.json (what budget:baseline stores), the others' to results-<label>.json. */
    static Path resultsFile(ForkSettings settings, List<JdkComparison.Jdk> jdks, int j) {
        return j == 0 ? settings.resultsFile() : settings.resultsFile().resolveSibling("results-" + jdks.get(j).label() + ".json");
    }

    private static void write(List<Path> templates, Path file, RunResults run) throws GateException {
        try {
            PooledResultsWriter.writeCombined(templates, file, run);
        } catch (ResultFileException | IOException e) {
            throw new GateException("Cannot write the results of the JDK comparison to " + file + ": " + e.getMessage(), e);
        }
    }

    private static Environment environment(RunResults run, JdkComparison.Jdk jdk) {
        Path home = jdk.java().toAbsolutePath().getParent() == null ? jdk.java() : jdk.java().toAbsolutePath().getParent().getParent();
        return EnvironmentProbe.of(run, home == null ? jdk.java() : home);
    }

    /** The check under the name of the JDK it judged: "CKPT-001 @temurin-25-jdk-amd64". */
    private static CheckResult tagged(CheckResult r, JdkComparison.Jdk jdk, JdkComparison.Jdk reference) {
        // paired mode names its sides "this code" and "baseline code"; here they are two JDKs
        List<String> notes = r.notes().stream().map(n -> n.replace("paired rounds, this code / baseline code:",
                "paired rounds, " + jdk.label() + " / " + reference.label() + ":")).toList();
        return new CheckResult(r.id() + " @" + jdk.label(), r.kind(), r.benchmark(), r.level(), r.verdict(), r.limit(),
                r.baseline(), r.measured(), r.unit(), r.change(), r.interval(), "[" + jdk.label() + "] " + r.message(),
                notes, r.slowdown());
    }

    /**
     * Per result of the reference, its score on every JDK (JMH's score of the pooled forks, as measured)
     * and the paired ratio to the reference with its interval (from the comparison check: per-round
     * ratios of fork scores, steady iterations without each fork's worst, so it may differ from the ratio
     * of the two scores when forks warm up unevenly or are disturbed).
     */
    static List<JdkComparison.Row> rows(List<JdkComparison.Jdk> jdks, List<RunResults> results, Evaluation evaluation) {
        List<JdkComparison.Row> rows = new ArrayList<>();
        for (BenchmarkResult ref : results.get(0).results()) {
            List<JdkComparison.Cell> cells = new ArrayList<>();
            cells.add(new JdkComparison.Cell(jdks.get(0).label(), ref.primary().score(), 1, Double.NaN, Double.NaN,
                    Optional.empty()));
            for (int j = 1; j < jdks.size(); j++) {
                String label = jdks.get(j).label();
                Optional<BenchmarkResult> other = results.get(j).find(ref.key());
                Optional<CheckResult> check = evaluation.results().stream()
                        .filter(c -> c.kind() == CheckKind.REGRESSION && c.id().endsWith(" @" + label)
                                && c.benchmark().equals(ref.key()))
                        .findFirst();
                double score = other.map(o -> o.primary().score()).orElse(Double.NaN);
                if (check.isPresent() && check.get().slowdown().isPresent()) {
                    CheckResult.Slowdown s = check.get().slowdown().get();
                    Direction direction = ref.primary().direction();
                    cells.add(new JdkComparison.Cell(label, score, ratio(s.estimate(), direction),
                            ratio(direction == Direction.LOWER_IS_BETTER ? s.low() : s.high(), direction),
                            ratio(direction == Direction.LOWER_IS_BETTER ? s.high() : s.low(), direction),
                            Optional.of(check.get().verdict())));
                } else {
                    cells.add(new JdkComparison.Cell(label, score, score / ref.primary().score(), Double.NaN, Double.NaN,
                            check.map(CheckResult::verdict)));
                }
            }
            rows.add(new JdkComparison.Row(ref.key(), ref.primary().unit().label(), cells));
        }
        return rows;
    }

    /**
     * The ratio of scores (this JDK / reference) a slowdown fraction stands for: a time grows with the
     * slowdown ({@code 1 + s}), a throughput shrinks ({@code 1 - s}).
     */
    static double ratio(double slowdown, Direction direction) {
        return direction == Direction.LOWER_IS_BETTER ? 1 + slowdown : 1 - slowdown;
    }
}
