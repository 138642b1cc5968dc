package io.sabot.budget.core.gate;

import io.sabot.budget.core.check.BudgetEvaluator;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.fork.BenchmarkFork;
import io.sabot.budget.core.fork.BenchmarkListScanner;
import io.sabot.budget.core.fork.ForkException;
import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkRun;
import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.fork.ListedBenchmark;
import io.sabot.budget.core.fork.Patterns;
import io.sabot.budget.core.history.CommitId;
import io.sabot.budget.core.history.HistoryBaseline;
import io.sabot.budget.core.history.HistoryEntry;
import io.sabot.budget.core.history.HistoryFile;
import io.sabot.budget.core.io.Beside;
import io.sabot.budget.core.io.BudgetFileException;
import io.sabot.budget.core.io.BudgetFileParser;
import io.sabot.budget.core.io.EnvironmentProbe;
import io.sabot.budget.core.io.PooledResultsWriter;
import io.sabot.budget.core.io.ResultFileException;
import io.sabot.budget.core.io.ResultFiles;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkUnit;
import io.sabot.budget.core.model.ShardSpec;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.JmhOptions;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.paired.Against;
import io.sabot.budget.core.paired.BaselineCode;
import io.sabot.budget.core.paired.BaselineCodeException;
import io.sabot.budget.core.report.ReportData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** @param clock times the forks (cost estimates of adaptive measurement) and stamps history entries; tests fix it */
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
        return check(settings, overrides, adaptive, Optional.empty(), listener);
    }

    /**
     * budget:check, in paired mode when {@code paired} is given: the baseline code is obtained and
     * measured beside this code ({@link PairedCheck}). Where its history is missing (no repository, a
     * shallow clone) the check says so and falls back to the stored baseline.
     */
    public GateOutcome check(GateSettings settings, RunOverrides overrides, AdaptiveSettings adaptive,
                             Optional<PairedSettings> paired, ForkListener listener) throws GateException {
        return check(settings, overrides, adaptive, paired, Optional.empty(), listener);
    }

    /**
     * budget:check of one shard of the suite when {@code shard} is given: the same split is computed in
     * every shard ({@link ShardPlan}), only this shard's units are measured, and {@code shard.json} is
     * written beside the results for {@link #merge}, whose verdicts are the build's.
     */
    public GateOutcome check(GateSettings settings, RunOverrides overrides, AdaptiveSettings adaptive,
                             Optional<PairedSettings> paired, Optional<ShardSpec> shard, ForkListener listener)
            throws GateException {
        BudgetFile budgets = budgetsOfARun(settings, overrides, listener);
        Optional<RunResults> baseline = loadBaseline(settings.baselineFile());
        ForkSettings fork = forkSettings(settings, overrides, budgets.jmh());
        Optional<ShardRecord> sharded = shard.isPresent()
                ? Optional.of(ShardRecord.plan(shard.get(), settings, overrides, fork, this::list, listener))
                : Optional.empty();
        List<String> fallback = new ArrayList<>();
        if (paired.isPresent()) {
            Optional<BaselineCode> code = baselineCode(paired.get(), settings, listener, fallback);
            if (code.isPresent()) {
                return checkPaired(settings, overrides, adaptive, paired.get(), code.get(), budgets, fork, sharded, listener);
            }
        }
        PairedRecord.removeBeside(fork.resultsFile());
        Instant started = clock.instant();
        RunResults current = sharded.isPresent()
                ? ShardedRun.run(fork, sharded.get().units(), s -> runFork(s, listener), listener)
                : runInterleaved(fork, listener);
        Duration firstRun = Duration.between(started, clock.instant());
        Optional<Environment> environment = environmentOf(settings, current, overrides.javaExecutable(), true);
        // With adaptive rounds every look, the first included, gets its share of the error rate.
        BudgetEvaluator evaluator = new BudgetEvaluator(statistics.withErrorSpentOver(adaptive.looks()),
                settings.compareAcrossEnvironments())
                .subsetRun(!overrides.includes().isEmpty() || !overrides.excludes().isEmpty() || sharded.isPresent())
                .baselineFile(settings.baselineFile());
        if (!fallback.isEmpty()) {
            // Asked to pair and could not: the stored numbers are from another time, which the user did not choose
            // to gate on, so their regression verdicts are reported as warnings (limits still gate).
            evaluator.notComparable("the baseline code could not be measured beside this code (paired mode fell back"
                    + " to the stored baseline)");
        }
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
        List<String> confirmations = new ArrayList<>();
        for (int round = 1; round <= overrides.confirm() && evaluation.problems().isEmpty(); round++) {
            List<io.sabot.budget.core.check.CheckResult> failed = Confirmation.failed(evaluation);
            if (failed.isEmpty()) {
                break;
            }
            confirmations.add("confirm-" + round + "/results.json");
            listener.note("Confirming " + failed.size() + " failed check(s), rerun " + round + " of " + overrides.confirm());
            ForkSettings rerun = fork.rerun(Confirmation.includesFor(failed, budgets, current),
                    settings.outputDirectory().resolve("confirm-" + round));
            // a shard re-measures only its own units of those benchmarks (by name, JMH would run every combination)
            RunResults again = sharded.isPresent()
                    ? ShardedRun.run(rerun, sharded.get().unitsOf(Confirmation.benchmarksFor(failed, budgets, current)),
                            s -> runFork(s, listener), listener)
                    : runFork(rerun, listener);
            RunResults merged = Confirmation.merge(current, again);
            evaluation = Confirmation.combine(evaluation, evaluator.evaluate(budgets, merged, baseline, environment), round);
        }
        if (!fallback.isEmpty()) {
            List<String> notes = new ArrayList<>(fallback);
            notes.addAll(evaluation.notes());
            evaluation = new Evaluation(evaluation.results(), evaluation.problems(), notes);
        }
        if (sharded.isPresent()) {
            sharded.get().write(settings, environment.orElseThrow(), adaptive.looks(), Optional.empty(), confirmations);
            evaluation = sharded.get().provisional(evaluation);
        }
        HistoryFile.Read history = recordHistory(settings, current, environment, overrides.workingDirectory());
        return decide(settings, evaluation, reportData(settings, current, budgets, history), baseline, environment);
    }

    /**
     * A project without a budget file: its benchmarks run once (quick, unless run settings were given:
     * JMH's defaults would take minutes per benchmark), and a starter file with one budget per
     * benchmark from these figures is written to the output directory, never over the user's files.
     * The build still stops: a gate without budgets gates nothing.
     */
    private GateException starter(GateSettings settings, RunOverrides overrides, ForkListener listener) throws GateException {
        if (!BenchmarkListScanner.hasBenchmarks(overrides.classpath())) {
            return new GateException(BenchmarkListScanner.missingMessage(settings.projectName()));
        }
        listener.note("No budget file at " + settings.budgetFile() + ": running the benchmarks once to write a starter file");
        RunOverrides run = overrides.noRunSettings() && !overrides.quick() ? overrides.quickly() : overrides;
        RunResults results = runInterleaved(forkSettings(settings, run, BudgetFile.empty("none").jmh()), listener);
        Path starter = settings.outputDirectory().resolve("performance-budgets.starter.yml");
        try {
            Files.createDirectories(settings.outputDirectory());
            Files.writeString(starter, StarterBudgets.render(results, settings.budgetFile(), clock.instant()));
        } catch (IOException e) {
            return new GateException("Cannot write the starter budget file " + starter + ": " + e.getMessage(), e);
        }
        return new GateException("No budget file: " + settings.budgetFile() + " does not exist. This run measured "
                + results.results().size() + " benchmark result(s) and wrote a starter budget file from its figures, one"
                + " budget per benchmark with limits 50% looser than measured: " + starter + ". Review the limits, then copy"
                + " it (cp " + starter + " " + settings.budgetFile() + ") and commit it; or point <budgetFile>"
                + " (-Dbudget.budgetFile=...) at your budget file. The format: README, \"The budget file\"");
    }

    /**
     * The baseline code, or empty (with the reason in {@code fallback}) when its history is missing;
     * any other failure to obtain it stops the build, naming the source and the fix.
     */
    private static Optional<BaselineCode> baselineCode(PairedSettings paired, GateSettings settings, ForkListener listener,
                                                       List<String> fallback) throws GateException {
        Optional<String> commit = Optional.empty();
        if (paired.against() instanceof Against.GitBaselineCommit) {
            if (!Files.exists(settings.baselineFile())) {
                throw new GateException("-Dbudget.against=git:baseline pairs with the commit recorded in the baseline file, but "
                        + settings.baselineFile() + " does not exist. Record one (mvn budget:baseline -Dbudget.reason=\"...\")"
                        + " or name the ref (-Dbudget.against=git:HEAD~1)");
            }
            try {
                commit = ResultFiles.baselineCommit(settings.baselineFile());
            } catch (ResultFileException e) {
                throw new GateException("Cannot read the baseline's commit: " + e.getMessage(), e);
            }
            if (commit.isEmpty()) {
                String why = "The baseline " + settings.baselineFile() + " records no commit (recorded outside a git"
                        + " repository, or by an older plugin): regressions are judged against its stored numbers."
                        + " Re-record it in the repository (mvn budget:baseline) to pair against its commit";
                listener.note(why);
                fallback.add(why);
                return Optional.empty();
            }
        }
        try {
            return Optional.of(paired.provider().provide(paired.against(), commit, listener));
        } catch (BaselineCodeException e) {
            if (!e.historyMissing()) {
                throw new GateException(e.getMessage(), e);
            }
            String why = e.getMessage() + ". Falling back to the stored baseline " + settings.baselineFile()
                    + " (numbers measured at another time: a regression verdict may be undecided or wrong)";
            listener.note(why);
            fallback.add(why);
            return Optional.empty();
        }
    }

    private GateOutcome checkPaired(GateSettings settings, RunOverrides overrides, AdaptiveSettings adaptive,
                                    PairedSettings paired, BaselineCode code, BudgetFile budgets, ForkSettings fork,
                                    Optional<ShardRecord> sharded, ForkListener listener) throws GateException {
        int forks = fork.jmh().forks().orElse(1);
        int rounds = paired.rounds().orElse(Math.max(forks, PairedSettings.DEFAULT_ROUNDS));
        if (rounds < 2) {
            throw new GateException("Paired mode needs 2 or more rounds to estimate its noise, not " + rounds
                    + ". Set <rounds> (-Dbudget.rounds) to 3 or more");
        }
        long seed = paired.seed().orElseGet(() -> new java.util.Random().nextLong() & 0xFFFFFFFFL);
        Optional<Environment> environment = Optional.of(EnvironmentProbe.of(
                new RunResults("paired", List.of(), Optional.empty(), Optional.empty(), Optional.empty()),
                javaHome(settings, overrides.javaExecutable())));
        BudgetEvaluator evaluator = new BudgetEvaluator(statistics.withErrorSpentOver(adaptive.looks()), true)
                .subsetRun(!overrides.includes().isEmpty() || !overrides.excludes().isEmpty() || sharded.isPresent())
                .paired(true);
        PairedCheck.Outcome outcome = new PairedCheck(s -> runFork(s, listener), this::list, clock, listener)
                .run(fork.withForks(1), code, rounds, seed, adaptive, overrides.confirm(), budgets, evaluator, environment,
                        sharded.map(ShardRecord::units));
        environment = environmentOf(settings, outcome.current(), overrides.javaExecutable(), true);
        new PairedRecord(code.description(), adaptive.looks()).write(fork.resultsFile());
        Evaluation evaluation = outcome.evaluation();
        if (sharded.isPresent()) {
            sharded.get().write(settings, environment.orElseThrow(), adaptive.looks(), Optional.of(outcome.run()), List.of());
            evaluation = sharded.get().provisional(evaluation);
        }
        HistoryFile.Read history = recordHistory(settings, outcome.current(), environment, overrides.workingDirectory());
        ReportData data = reportData(settings, outcome.current(), budgets, history).withPaired(outcome.run());
        return decide(settings, evaluation, data, Optional.of(outcome.baseline()), environment);
    }

    /**
     * budget:check comparing JDKs: the benchmarks run on every JDK of {@code jdks}, forks interleaved
     * round by round, the budgets' limits judge every JDK (or the one named), and each JDK is compared
     * with the first by paired ratios ({@link JdkComparisonCheck}); failures are confirmed with more
     * rounds. Adaptive rounds do not apply to a comparison.
     */
    public GateOutcome compareJdks(GateSettings settings, RunOverrides overrides, JdkSettings jdks, ForkListener listener)
            throws GateException {
        BudgetFile budgets = budgetsOfARun(settings, overrides, listener);
        ForkSettings fork = forkSettings(settings, overrides, budgets.jmh());
        int rounds = jdks.rounds().orElse(Math.max(fork.jmh().forks().orElse(1), PairedSettings.DEFAULT_ROUNDS));
        if (rounds < 2) {
            throw new GateException("A JDK comparison needs 2 or more rounds to estimate its noise, not " + rounds
                    + ". Set <rounds> (-Dbudget.rounds) to 3 or more");
        }
        long seed = jdks.seed().orElseGet(() -> new java.util.Random().nextLong() & 0xFFFFFFFFL);
        JdkComparisonCheck.Outcome outcome = new JdkComparisonCheck(s -> runFork(s, listener), this::list, listener)
                .run(fork.withForks(1), jdks, rounds, seed, overrides.confirm(), budgets, statistics,
                        !overrides.includes().isEmpty() || !overrides.excludes().isEmpty());
        Optional<Environment> environment = Optional.of(outcome.environment());
        HistoryFile.Read history = recordHistory(settings, outcome.reference(), environment, overrides.workingDirectory());
        ReportData data = reportData(settings, outcome.reference(), budgets, history).withJdks(outcome.comparison());
        return decide(settings, outcome.evaluation(), data, Optional.empty(), environment);
    }

    private List<ListedBenchmark> list(ForkSettings settings) throws GateException {
        try {
            return forkRunner.list(settings);
        } catch (ForkException e) {
            throw new GateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new GateException("Cannot list the benchmarks in " + settings.outputDirectory() + ": " + e.getMessage(), e);
        }
    }

    /** Appends this run to the history file when one is configured, and returns the history with it. */
    private HistoryFile.Read recordHistory(GateSettings settings, RunResults current, Optional<Environment> environment,
                                           Path projectDirectory) throws GateException {
        if (settings.historyFile().isEmpty()) {
            return new HistoryFile.Read(List.of(), List.of());
        }
        Path file = settings.historyFile().get();
        HistoryEntry entry = HistoryEntry.of(current, clock.instant(), CommitId.resolve(System.getenv(), projectDirectory), environment);
        try {
            HistoryFile.append(file, entry);
        } catch (IOException e) {
            throw new GateException("Cannot append this run to the history file " + file + ": " + e
                    + ". Fix the path or its permissions, or change <history> (-Dbudget.history=...)", e);
        }
        return readHistory(settings);
    }

    private static HistoryFile.Read readHistory(GateSettings settings) throws GateException {
        if (settings.historyFile().isEmpty()) {
            return new HistoryFile.Read(List.of(), List.of());
        }
        Path file = settings.historyFile().get();
        try {
            return HistoryFile.read(file);
        } catch (IOException e) {
            throw new GateException("Cannot read the history file " + file + ": " + e
                    + ". Fix its permissions or change <history> (-Dbudget.history=...)", e);
        }
    }

    private ReportData reportData(GateSettings settings, RunResults current, BudgetFile budgets, HistoryFile.Read history) {
        return new ReportData(current, budgets, history.entries(), settings.historyFile().map(Path::toString),
                settings.historyRuns(), history.warnings(), clock.instant());
    }

    /** results.json then holds every fork the verdicts rest on, for budget:baseline and budget:compare. */
    private static void writePooled(Path resultsFile, RunResults pooled) throws GateException {
        try {
            PooledResultsWriter.write(resultsFile, pooled);
        } catch (ResultFileException | IOException e) {
            throw new GateException("Cannot write the pooled forks to " + resultsFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the benchmarks with their forks spread over the whole run: with {@code n > 1} forks set,
     * {@code n} JMH runs of one fork each, pooled (every fork kept apart) into results.json. JMH
     * itself runs all forks of a benchmark back to back, so a burst of load on a shared machine (a
     * neighbour's build, a GC-heavy test) lands on every fork of the benchmarks it meets, and to the
     * statistics those look like a real change of their fork means. Spread out, a burst hits one
     * fork of several benchmarks, where it shows as fork-to-fork noise. The verdict-quality harness
     * saw such bursts move all later forks of a benchmark by 30 to 55% on an otherwise idle machine.
     * Without an explicit fork count (JMH's default or the benchmarks' {@code @Fork}) JMH runs as is.
     */
    private RunResults runInterleaved(ForkSettings fork, ForkListener listener) throws GateException {
        int forks = fork.jmh().forks().orElse(1);
        if (forks < 2) {
            return runFork(fork, listener);
        }
        RunResults pooled = null;
        for (int round = 1; round <= forks; round++) {
            listener.note("Fork round " + round + " of " + forks + ": one fork of every benchmark");
            ForkSettings oneFork = fork.oneForkRound(round);
            RunResults run = runFork(oneFork, listener);
            if (pooled == null) {
                copyResults(oneFork.resultsFile(), fork.resultsFile());
                pooled = run;
            } else {
                pooled = ForkPool.pool(pooled, run, keys(run));
            }
        }
        writePooled(fork.resultsFile(), pooled);
        return pooled;
    }

    /** The first round's file is the template the pooled forks are written into (JMH's other fields kept). */
    private static void copyResults(Path from, Path to) throws GateException {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new GateException("Cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static Set<BenchmarkKey> keys(RunResults run) {
        Set<BenchmarkKey> keys = new HashSet<>();
        run.results().forEach(r -> keys.add(r.key()));
        return keys;
    }

    private RunResults runFork(ForkSettings fork, ForkListener listener) throws GateException {
        ForkRun run;
        try {
            run = forkRunner.run(fork, listener);
        } catch (ForkException e) {
            throw new GateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new GateException("Cannot prepare the JMH fork in " + fork.outputDirectory() + ": " + e.getMessage(), e);
        }
        RunResults results;
        try {
            results = ResultFiles.read(run.resultsFile());
        } catch (ResultFileException e) {
            // JMH writes the file at the very end, so an incomplete one means the run did not finish normally.
            ForkException failure = run.failure("The JMH fork exited with code " + run.exitCode()
                    + " but its results are unusable: " + e.getMessage());
            throw new GateException(failure.getMessage(), failure);
        }
        if (results.results().isEmpty()) {
            ForkException failure = run.failure("The JMH fork ran but reported no benchmark results ("
                    + run.resultsFile() + "). Check <includes>/<excludes> (-Dbudget.includes/-Dbudget.excludes)");
            throw new GateException(failure.getMessage(), failure);
        }
        return results;
    }

    /** budget:compare: evaluates an existing results file against a baseline; runs nothing. */
    public GateOutcome compare(GateSettings settings, Path currentFile, Path baselineFile) throws GateException {
        return compare(settings, currentFile, baselineFile, false);
    }

    /**
     * budget:compare; with {@code paired}, the two files are the sides of a paired run (fork {@code i}
     * of each measured in the same pair) and regressions are judged on the pairs, as budget:check did.
     */
    public GateOutcome compare(GateSettings settings, Path currentFile, Path baselineFile, boolean paired) throws GateException {
        return compare(settings, currentFile, baselineFile, paired, 1);
    }

    /**
     * As above, with the error rate split over {@code looks} as the check that measured the files split it
     * ({@link PairedRecord#looks()} for a paired run), so compare's intervals are never narrower than the check's.
     */
    public GateOutcome compare(GateSettings settings, Path currentFile, Path baselineFile, boolean paired, int looks)
            throws GateException {
        // The budget file and the baseline are read on other threads meanwhile; an error is still reported
        // in the order of a sequential read (budget file, results, baseline).
        Beside<BudgetFile> budgetsRead = Beside.start("read budgets", () -> loadBudgets(settings));
        Beside<RunResults> baselineRead = Beside.start("read baseline",
                () -> readResults(baselineFile, "the baseline to compare against"));
        RunResults current = null;
        GateException currentFailure = null;
        try {
            current = readResults(currentFile, "the results to compare");
        } catch (GateException e) {
            currentFailure = e;
        } finally {
            budgetsRead.await();
            baselineRead.await();
        }
        BudgetFile budgets = budgetsRead.join(GateException.class);
        if (currentFailure != null) {
            throw currentFailure;
        }
        RunResults baseline = baselineRead.join(GateException.class);
        Optional<Environment> environment = environmentOf(settings, current, null, false);
        Evaluation evaluation = new BudgetEvaluator(statistics.withErrorSpentOver(looks), settings.compareAcrossEnvironments())
                .paired(paired).evaluate(budgets, current, Optional.of(baseline), environment);
        return decide(settings, evaluation, reportData(settings, current, budgets, readHistory(settings)),
                Optional.of(baseline), environment);
    }

    /**
     * budget:merge: reads the shards of a sharded check (each a directory with {@code shard.json} or a
     * parent of such directories), refuses shards that are not one suite measured once, pools their
     * raw forks and evaluates them as budget:check evaluates one run: the same evaluator, error rate
     * split, confirmation reruns (stored mode) and reports. The pooled forks are written to the output
     * directory's results.json (and baseline-results.json in paired mode) for budget:baseline.
     *
     * @param acceptMixedEnvironments merge shards measured on different machines or JDKs, with a note
     */
    public GateOutcome merge(GateSettings settings, List<Path> shardDirectories, boolean acceptMixedEnvironments,
                             Path workingDirectory) throws GateException {
        BudgetFile budgets = loadBudgets(settings);
        List<Path> directories = ShardMerge.shardDirectories(shardDirectories);
        ShardMerge.Expected expected;
        try {
            expected = new ShardMerge.Expected(io.sabot.budget.core.io.FileDigest.sha256(settings.budgetFile()),
                    Files.exists(settings.baselineFile())
                            ? Optional.of(io.sabot.budget.core.io.FileDigest.sha256(settings.baselineFile())) : Optional.empty(),
                    CommitId.resolve(System.getenv(), workingDirectory), acceptMixedEnvironments);
        } catch (IOException e) {
            throw new GateException("Cannot read " + settings.budgetFile() + " or " + settings.baselineFile() + ": " + e.getMessage(), e);
        }
        ShardMerge.Merged merged = ShardMerge.merge(directories, expected);
        Path resultsFile = settings.outputDirectory().resolve("results.json");
        List<Path> currentFiles = merged.shards().stream().map(x -> x.directory().resolve("results.json")).toList();
        writeMerged(currentFiles, resultsFile, merged.current());
        Optional<RunResults> baseline;
        if (merged.paired().isPresent()) {
            baseline = Optional.of(merged.paired().get().baseline());
            writeMerged(merged.shards().stream().map(x -> x.directory().resolve(PairedCheck.BASELINE_RESULTS)).toList(),
                    resultsFile.resolveSibling(PairedCheck.BASELINE_RESULTS), baseline.get());
        } else {
            baseline = loadBaseline(settings.baselineFile());
        }
        Optional<Environment> environment = Optional.of(merged.environment());
        BudgetEvaluator evaluator = new BudgetEvaluator(statistics.withErrorSpentOver(merged.looks()),
                merged.paired().isPresent() || settings.compareAcrossEnvironments())
                .subsetRun(merged.subset())
                .paired(merged.paired().isPresent());
        Evaluation evaluation = evaluator.evaluate(budgets, merged.current(), baseline, environment);
        for (int round = 1; round <= merged.confirmations().size() && evaluation.problems().isEmpty(); round++) {
            evaluation = ShardConfirmation.apply(evaluation, merged.current(), merged.confirmations().get(round - 1), round,
                    rerun -> evaluator.evaluate(budgets, rerun, baseline, environment));
        }
        List<String> notes = new ArrayList<>(merged.notes());
        notes.addAll(evaluation.notes());
        evaluation = new Evaluation(evaluation.results(), evaluation.problems(), notes);
        ReportData data = reportData(settings, merged.current(), budgets, readHistory(settings));
        if (merged.paired().isPresent()) {
            data = data.withPaired(merged.paired().get());
        }
        return decide(settings, evaluation, data, baseline, environment);
    }

    private static void writeMerged(List<Path> templates, Path target, RunResults pooled) throws GateException {
        try {
            PooledResultsWriter.writeCombined(templates, target, pooled);
        } catch (ResultFileException | IOException e) {
            throw new GateException("Cannot write the merged forks to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * budget:compare against the history: the baseline is, per benchmark, the median of its last
     * {@link GateSettings#historyRuns()} runs measured in this environment (see {@link HistoryBaseline}).
     */
    public GateOutcome compareWithHistory(GateSettings settings, Path currentFile) throws GateException {
        Path file = settings.historyFile().orElseThrow(() -> new GateException("Comparing against the history needs a"
                + " history file: set <history> (-Dbudget.history=...) to the file budget:check appends to"));
        BudgetFile budgets = loadBudgets(settings);
        RunResults current = readResults(currentFile, "the results to compare");
        HistoryFile.Read history = readHistory(settings);
        if (history.entries().isEmpty()) {
            throw new GateException("The history file " + file + (Files.exists(file) ? " holds no complete run"
                    : " does not exist") + "; run budget:check with -Dbudget.history=" + file + " first"
                    + (history.warnings().isEmpty() ? "" : " (" + String.join("; ", history.warnings()) + ")"));
        }
        Optional<Environment> environment = environmentOf(settings, current, null, false);
        // budget:check appends its run before budget:compare may judge the same results; a run is not its own baseline
        List<HistoryEntry> earlier = history.entries().stream().filter(e -> !e.records(current)).toList();
        if (earlier.isEmpty()) {
            throw new GateException("The history file " + file + " holds only the run being compared (" + currentFile
                    + "); there is nothing earlier to compare it with yet");
        }
        HistoryBaseline.Baseline baseline;
        try {
            baseline = HistoryBaseline.of(file.toString(), earlier, settings.historyRuns(), environment);
        } catch (IllegalArgumentException e) {
            throw new GateException("Cannot compare against the history: " + e.getMessage(), e);
        }
        Evaluation evaluation = new BudgetEvaluator(statistics, settings.compareAcrossEnvironments())
                .evaluate(budgets, current, Optional.of(baseline.results()), environment);
        List<String> notes = new ArrayList<>(baseline.notes());
        if (earlier.size() < history.entries().size()) {
            notes.add("The history's record of these very results was left out of the baseline");
        }
        notes.addAll(evaluation.notes());
        evaluation = new Evaluation(evaluation.results(), evaluation.problems(), notes);
        return decide(settings, evaluation, reportData(settings, current, budgets, history),
                Optional.of(baseline.results()), environment);
    }

    /** {@code measuredNow}: the results were measured by this build, so the machine's speed now belongs to them. */
    private static Optional<Environment> environmentOf(GateSettings settings, RunResults current, Path javaExecutable,
                                                       boolean measuredNow) {
        if (current.environment().isPresent()) {
            return current.environment();
        }
        Path javaHome = javaHome(settings, javaExecutable);
        return Optional.of(measuredNow ? EnvironmentProbe.of(current, javaHome) : EnvironmentProbe.withoutSpeed(current, javaHome));
    }

    private GateOutcome decide(GateSettings settings, Evaluation evaluation, ReportData data,
                               Optional<RunResults> baseline, Optional<Environment> environment) throws GateException {
        GateOutcome outcome = new GateOutcome(evaluation, settings.failOnViolation(), settings.failOnInconclusive());
        try {
            reporter.report(outcome, data, baseline, environment);
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

    /**
     * What every run starts with: the budget file (a starter one written, and the build stopped, where it
     * is required and missing) and a classpath that holds benchmarks.
     */
    private BudgetFile budgetsOfARun(GateSettings settings, RunOverrides overrides, ForkListener listener) throws GateException {
        if (settings.budgetFileRequired() && !Files.exists(settings.budgetFile())) {
            throw starter(settings, overrides, listener);
        }
        BudgetFile budgets = loadBudgets(settings);
        if (!BenchmarkListScanner.hasBenchmarks(overrides.classpath())) {
            throw new GateException(BenchmarkListScanner.missingMessage(settings.projectName()));
        }
        return budgets;
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

    /** What no source sets: the gc profiler, which feeds alloc budgets. */
    static final JmhOptions DEFAULTS = new JmhOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.of(List.of("gc")), List.of());

    /**
     * The fork of this check. Run settings, first match wins: the POM or command line, quick mode, the
     * budget file's {@code jmh:} section, {@link #DEFAULTS}; what none sets is left to the benchmarks'
     * annotations and JMH (JVM arguments add up, see {@link JmhOptions#over}).
     */
    static ForkSettings forkSettings(GateSettings settings, RunOverrides o, JmhOptions fromFile) throws GateException {
        List<String> includes = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        try {
            o.includes().forEach(p -> includes.add(Patterns.toJmhRegex(p)));
            o.excludes().forEach(p -> excludes.add(Patterns.toJmhRegex(p)));
        } catch (IllegalArgumentException e) {
            throw new GateException("Invalid <includes>/<excludes> (-Dbudget.includes/-Dbudget.excludes): " + e.getMessage());
        }
        for (String arg : o.jmh().jvmArgs()) {
            if (arg.isBlank() || arg.chars().anyMatch(Character::isWhitespace)) {
                throw new GateException("Invalid <jvmArgs> entry '" + arg + "': JMH splits JVM arguments on spaces,"
                        + " so each entry must be one argument without spaces");
            }
        }
        JmhOptions run = o.jmh().over(o.quick() ? RunOverrides.QUICK : JmhOptions.NONE).over(fromFile).over(DEFAULTS);
        return new ForkSettings(o.javaExecutable(), o.classpath(), o.workingDirectory(), settings.outputDirectory(),
                includes, excludes, run, o.jmhArgs(), o.timeout());
    }
}
