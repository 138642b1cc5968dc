package io.sabot.budget.core.gate;

import io.sabot.budget.core.check.BudgetEvaluator;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.fork.BenchmarkFork;
import io.sabot.budget.core.fork.BenchmarkListScanner;
import io.sabot.budget.core.fork.ForkException;
import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.fork.Patterns;
import io.sabot.budget.core.io.BudgetFileException;
import io.sabot.budget.core.io.BudgetFileParser;
import io.sabot.budget.core.io.EnvironmentProbe;
import io.sabot.budget.core.io.PooledResultsWriter;
import io.sabot.budget.core.io.ResultFileException;
import io.sabot.budget.core.io.ResultFiles;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.RunSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The use cases of the plugin without Maven: check (fork JMH, then evaluate), compare (evaluate two
 * files) and the evaluation they share. Front ends pass settings in and act on the outcome.
 */
public final class BudgetGate {

    private final Statistics statistics;
    private final BenchmarkFork forkRunner;
    private final GateReporter reporter;
    private final Clock clock;

    public BudgetGate(Statistics statistics, BenchmarkFork forkRunner, GateReporter reporter) {
        this(statistics, forkRunner, reporter, Clock.systemUTC());
    }

    /** @param clock times the forks, for the cost estimates of adaptive measurement */
    public BudgetGate(Statistics statistics, BenchmarkFork forkRunner, GateReporter reporter, Clock clock) {
        this.statistics = statistics;
        this.forkRunner = forkRunner;
        this.reporter = reporter;
        this.clock = clock;
    }

    /** budget:check without adaptive measurement. */
    public GateOutcome check(GateSettings settings, RunOverrides overrides, ForkListener listener) throws GateException {
        return check(settings, overrides, AdaptiveSettings.OFF, listener);
    }

    /**
     * budget:check: runs the benchmarks in a fork and evaluates them; then adaptive rounds for
     * undecided checks (see {@link AdaptiveMeasurement}), then confirmation reruns for failed ones.
     */
    public GateOutcome check(GateSettings settings, RunOverrides overrides, AdaptiveSettings adaptive, ForkListener listener)
            throws GateException {
        BudgetFile budgets = loadBudgets(settings);
        if (!BenchmarkListScanner.hasBenchmarks(overrides.classpath())) {
            throw new GateException(BenchmarkListScanner.missingMessage(settings.projectName()));
        }
        Optional<RunResults> baseline = loadBaseline(settings.baselineFile());
        ForkSettings fork = forkSettings(settings, overrides, budgets.jmh());
        Instant started = clock.instant();
        RunResults current = runFork(fork, listener);
        Duration firstRun = Duration.between(started, clock.instant());
        Optional<Environment> environment = environmentOf(settings, current, overrides.javaExecutable());
        // With adaptive rounds every look, the first included, gets its share of the error rate.
        BudgetEvaluator evaluator = new BudgetEvaluator(statistics.withErrorSpentOver(adaptive.looks()),
                settings.compareAcrossEnvironments())
                .subsetRun(!overrides.includes().isEmpty() || !overrides.excludes().isEmpty());
        Evaluation evaluation = evaluator.evaluate(budgets, current, baseline, environment);
        if (adaptive.enabled() && evaluation.problems().isEmpty()) {
            AdaptiveMeasurement.Outcome refined = new AdaptiveMeasurement(adaptive, clock, s -> runFork(s, listener), listener)
                    .refine(evaluation, current, firstRun, fork, budgets,
                            pooled -> evaluator.evaluate(budgets, pooled, baseline, environment));
            evaluation = refined.evaluation();
            current = refined.results();
            if (!refined.rounds().isEmpty()) {
                writePooled(fork.resultsFile(), current);
            }
        }
        for (int round = 1; round <= overrides.confirm() && evaluation.problems().isEmpty(); round++) {
            List<io.sabot.budget.core.check.CheckResult> failed = Confirmation.failed(evaluation);
            if (failed.isEmpty()) {
                break;
            }
            listener.note("Confirming " + failed.size() + " failed check(s), rerun " + round + " of " + overrides.confirm());
            ForkSettings rerun = fork.rerun(Confirmation.includesFor(failed, budgets, current),
                    settings.outputDirectory().resolve("confirm-" + round));
            RunResults merged = Confirmation.merge(current, runFork(rerun, listener));
            evaluation = Confirmation.combine(evaluation, evaluator.evaluate(budgets, merged, baseline, environment), round);
        }
        return decide(settings, evaluation, current, baseline, environment);
    }

    /** results.json then holds every fork the verdicts rest on, for budget:baseline and budget:compare. */
    private static void writePooled(Path resultsFile, RunResults pooled) throws GateException {
        try {
            PooledResultsWriter.write(resultsFile, pooled);
        } catch (ResultFileException | IOException e) {
            throw new GateException("Cannot add the adaptive rounds' forks to " + resultsFile + ": " + e.getMessage(), e);
        }
    }

    private RunResults runFork(ForkSettings fork, ForkListener listener) throws GateException {
        Path resultsFile;
        try {
            resultsFile = forkRunner.run(fork, listener);
        } catch (ForkException e) {
            throw new GateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new GateException("Cannot prepare the JMH fork in " + fork.outputDirectory() + ": " + e.getMessage(), e);
        }
        RunResults results = readResults(resultsFile, "the JMH results of this run");
        if (results.results().isEmpty()) {
            throw new GateException("The JMH fork ran but reported no benchmark results (" + resultsFile + ")."
                    + " Check <includes>/<excludes> and the fork log " + fork.logFile());
        }
        return results;
    }

    /** budget:compare: evaluates an existing results file against a baseline; runs nothing. */
    public GateOutcome compare(GateSettings settings, Path currentFile, Path baselineFile) throws GateException {
        BudgetFile budgets = loadBudgets(settings);
        RunResults current = readResults(currentFile, "the results to compare");
        RunResults baseline = readResults(baselineFile, "the baseline to compare against");
        return evaluate(settings, budgets, current, Optional.of(baseline), null);
    }

    private GateOutcome evaluate(GateSettings settings, BudgetFile budgets, RunResults current,
                                 Optional<RunResults> baseline, Path javaExecutable) throws GateException {
        Optional<Environment> environment = environmentOf(settings, current, javaExecutable);
        Evaluation evaluation = new BudgetEvaluator(statistics, settings.compareAcrossEnvironments())
                .evaluate(budgets, current, baseline, environment);
        return decide(settings, evaluation, current, baseline, environment);
    }

    private static Optional<Environment> environmentOf(GateSettings settings, RunResults current, Path javaExecutable) {
        return current.environment().isPresent()
                ? current.environment()
                : Optional.of(EnvironmentProbe.of(current, javaHome(settings, javaExecutable)));
    }

    private GateOutcome decide(GateSettings settings, Evaluation evaluation, RunResults current,
                               Optional<RunResults> baseline, Optional<Environment> environment) throws GateException {
        GateOutcome outcome = new GateOutcome(evaluation, settings.failOnViolation(), settings.failOnInconclusive());
        try {
            reporter.report(outcome, current, baseline, environment);
        } catch (IOException e) {
            throw new GateException("Cannot write the reports to " + settings.outputDirectory() + ": " + e.getMessage(), e);
        }
        if (outcome.hasProblems()) {
            throw new GateException("The budgets could not be evaluated:\n  - "
                    + String.join("\n  - ", evaluation.problems()));
        }
        return outcome;
    }

    static Path javaHome(GateSettings settings, Path javaExecutable) {
        if (javaExecutable != null && javaExecutable.getParent() != null && javaExecutable.getParent().getParent() != null) {
            return javaExecutable.getParent().getParent();
        }
        return settings.javaHome().orElse(Path.of(System.getProperty("java.home")));
    }

    BudgetFile loadBudgets(GateSettings settings) throws GateException {
        Path file = settings.budgetFile();
        if (!Files.exists(file)) {
            if (settings.budgetFileRequired()) {
                throw new GateException("Budget file " + file + " not found. Create it (see the README for the format)"
                        + " or point <budgetFile> (-Dbudget.budgetFile=...) at it");
            }
            return BudgetFile.empty(file.toString());
        }
        try {
            return BudgetFileParser.parse(file);
        } catch (BudgetFileException e) {
            throw new GateException("Invalid budget file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new GateException("Cannot read the budget file " + file + ": " + e.getMessage(), e);
        }
    }

    static Optional<RunResults> loadBaseline(Path file) throws GateException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(readResults(file, "the baseline (fix or delete it, then re-record it with"
                + " mvn budget:baseline -Dbudget.reason=\"...\")"));
    }

    static RunResults readResults(Path file, String what) throws GateException {
        try {
            return ResultFiles.read(file);
        } catch (ResultFileException e) {
            throw new GateException("Cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    static ForkSettings forkSettings(GateSettings settings, RunOverrides o, RunSettings fromFile) throws GateException {
        List<String> includes = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        try {
            o.includes().forEach(p -> includes.add(Patterns.toJmhRegex(p)));
            o.excludes().forEach(p -> excludes.add(Patterns.toJmhRegex(p)));
        } catch (IllegalArgumentException e) {
            throw new GateException("Invalid <includes>/<excludes> (-Dbudget.includes/-Dbudget.excludes): " + e.getMessage());
        }
        for (String arg : o.jvmArgs()) {
            if (arg.isBlank() || arg.chars().anyMatch(Character::isWhitespace)) {
                throw new GateException("Invalid <jvmArgs> entry '" + arg + "': JMH splits JVM arguments on spaces,"
                        + " so each entry must be one argument without spaces");
            }
        }
        List<String> jvmArgs = new ArrayList<>(fromFile.jvmArgs().orElse(List.of()));
        jvmArgs.addAll(o.jvmArgs());
        Optional<Integer> forks = first(o.forks(), o.quick() ? Optional.of(RunOverrides.QUICK_FORKS) : Optional.empty(), fromFile.forks());
        Optional<Integer> warmupIterations = first(o.warmupIterations(),
                o.quick() ? Optional.of(RunOverrides.QUICK_WARMUP_ITERATIONS) : Optional.empty(),
                fromFile.warmup().map(RunSettings.Iterations::count));
        Optional<java.time.Duration> warmupTime = first(o.warmupTime(),
                o.quick() ? Optional.of(RunOverrides.QUICK_ITERATION_TIME) : Optional.empty(),
                fromFile.warmup().map(RunSettings.Iterations::time));
        Optional<Integer> measurementIterations = first(o.measurementIterations(),
                o.quick() ? Optional.of(RunOverrides.QUICK_MEASUREMENT_ITERATIONS) : Optional.empty(),
                fromFile.measurement().map(RunSettings.Iterations::count));
        Optional<java.time.Duration> measurementTime = first(o.measurementTime(),
                o.quick() ? Optional.of(RunOverrides.QUICK_ITERATION_TIME) : Optional.empty(),
                fromFile.measurement().map(RunSettings.Iterations::time));
        List<String> profilers = o.profilers().orElse(fromFile.profilers().orElse(List.of("gc")));
        return new ForkSettings(o.javaExecutable(), o.classpath(), o.workingDirectory(), settings.outputDirectory(),
                includes, excludes, forks, warmupIterations, warmupTime, measurementIterations, measurementTime,
                profilers, jvmArgs, o.jmhArgs(), o.timeout());
    }

    @SafeVarargs
    private static <T> Optional<T> first(Optional<T>... candidates) {
        for (Optional<T> candidate : candidates) {
            if (candidate.isPresent()) {
                return candidate;
            }
        }
        return Optional.empty();
    }
}
