package io.sabot.budget.core.gate;

import io.sabot.budget.core.check.BudgetEvaluator;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.fork.ListedBenchmark;
import io.sabot.budget.core.io.PooledResultsWriter;
import io.sabot.budget.core.io.ResultFileException;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkUnit;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.Level;
import io.sabot.budget.core.model.PairedRun;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import io.sabot.budget.core.paired.BaselineCode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * budget:check in paired mode: lists the benchmarks on both sides, measures them pair by pair
 * ({@link PairedMeasurement}), evaluates, then spends the adaptive time on more rounds for the
 * benchmarks of undecided error-level checks (limits and ratios first, then regressions, at exactly
 * their {@code @Param} values; when the time left cannot pay for all, those nearest to a decision),
 * and confirms the failures of each look with more rounds before the next. Each look gets an equal
 * share of the error rate, and a verdict once reached is final. A failure its confirmation leaves
 * undecided takes part in the adaptive looks still left; failing again there repeats the failure, which
 * then stands without a second confirmation.
 */
final class PairedCheck {

    /** Lists the benchmark names a side's classpath holds for the settings' includes/excludes. */
    interface Lister {
        List<ListedBenchmark> list(ForkSettings settings) throws GateException;
    }

    /** What a paired check measured and decided. */
    record Outcome(Evaluation evaluation, RunResults current, RunResults baseline, PairedRun run) {
    }

    private final AdaptiveMeasurement.RoundFork fork;
    private final Lister lister;
    private final Clock clock;
    private final ForkListener listener;

    PairedCheck(AdaptiveMeasurement.RoundFork fork, Lister lister, Clock clock, ForkListener listener) {
        this.fork = fork;
        this.lister = lister;
        this.clock = clock;
        this.listener = listener;
    }

    Outcome run(ForkSettings current, BaselineCode code, int rounds, long seed, AdaptiveSettings adaptive, int confirm,
                BudgetFile budgets, BudgetEvaluator evaluator, Optional<Environment> environment) throws GateException {
        return run(current, code, rounds, seed, adaptive, confirm, budgets, evaluator, environment, Optional.empty());
    }

    /**
     * @param shard a shard's units: only these are measured and kept, in the first look, adaptive looks
     *              and confirmation alike; empty: every benchmark the sides list
     */
    Outcome run(ForkSettings current, BaselineCode code, int rounds, long seed, AdaptiveSettings adaptive, int confirm,
                BudgetFile budgets, BudgetEvaluator evaluator, Optional<Environment> environment,
                Optional<List<BenchmarkUnit>> shard) throws GateException {
        Path directory = current.outputDirectory().resolve("paired");
        // Paths of equal length on both sides: identical code then gets an identical memory layout (SideClasspaths).
        SideClasspaths.Sides classpaths;
        try {
            classpaths = SideClasspaths.equalize(current.classpath(), code.classpath(), directory.resolve("classpath"));
        } catch (IOException e) {
            throw new GateException("Cannot lay out the two sides' classpaths in " + directory.resolve("classpath") + ": "
                    + e.getMessage() + ". Check that the output directory is writable (<outputDirectory>, "
                    + "-Dbudget.outputDirectory)", e);
        }
        current = current.withClasspath(classpaths.current(), current.outputDirectory());
        ForkSettings baseline = current.withClasspath(classpaths.baseline(), directory.resolve("baseline"));
        List<ListedBenchmark> listedHere = lister.list(current.rerun(current.includes(), directory.resolve("list-current")));
        List<ListedBenchmark> listedThere = lister.list(baseline.rerun(current.includes(), directory.resolve("list-baseline")));
        List<String> here = listedHere.stream().map(ListedBenchmark::name).toList();
        List<String> there = listedThere.stream().map(ListedBenchmark::name).toList();
        Set<String> sharded = shard.map(units -> units.stream().map(BenchmarkUnit::benchmark)
                .collect(java.util.stream.Collectors.toSet())).orElse(null);
        List<String> both = here.stream().filter(there::contains).filter(n -> sharded == null || sharded.contains(n)).toList();
        // Reference benchmarks (regression: off) run on this side only: they feed limits and ratios, never a regression.
        List<String> references = references(listedHere, budgets).stream().filter(both::contains).toList();
        List<PairedMeasurement.Unit> units = PairedMeasurement.units(listedHere, listedThere, current.jmhArgs().contains("-p"))
                .stream().filter(u -> !references.contains(u.name())).toList();
        if (shard.isPresent()) {
            units = ofShard(units, shard.get());
        }
        Predicate<BenchmarkKey> keep = key -> shard.isEmpty() || shard.get().stream().anyMatch(u -> u.holds(key));
        List<String> onlyHere = here.stream().filter(n -> !there.contains(n))
                .filter(n -> sharded == null || sharded.contains(n)).toList();
        List<String> thisSideOnly = new ArrayList<>(onlyHere);
        thisSideOnly.addAll(references);
        List<String> onlyThere = there.stream().filter(n -> !here.contains(n)).toList();
        List<String> notes = new ArrayList<>();
        notes.add("Paired run: the baseline code " + code.description() + " was measured beside this code, " + rounds
                + " round(s) of pairs, the order within each pair drawn at random (seed " + seed + "; -Dbudget.seed=" + seed
                + " repeats it)");
        // benchmarks on this side only are named by the evaluation ("New benchmark ..."), in budget:compare too
        if (!references.isEmpty()) {
            notes.add(references.size() + " reference benchmark(s) (regression: off in the budget file) measured on this side"
                    + " only, for their limits and the ratios that compare with them: " + String.join(", ", shortNames(references)));
        }
        onlyThere.forEach(n -> notes.add("Removed benchmark " + n + ": in the baseline code " + code.description()
                + " but not in this code"));
        listener.note("Paired mode against " + code.description() + ": " + (both.size() - references.size())
                + " benchmark(s) on both sides" + (references.isEmpty() ? "" : ", " + references.size() + " reference(s) on this side only")
                + ", " + rounds + " round(s), seed " + seed);

        PairedMeasurement measurement = new PairedMeasurement(fork, listener, seed);
        Instant started = clock.instant();
        PairedMeasurement.Sides sides = measurement.run(PairedMeasurement.Sides.empty(), current, baseline, units, thisSideOnly,
                keep, rounds, directory);
        Duration firstLook = Duration.between(started, clock.instant());
        Evaluation evaluation = evaluate(evaluator, budgets, sides, current, environment, directory);

        // Adaptive rounds: the benchmarks of undecided error-level checks get more pairs; decided checks are final.
        // A limit judges this code's forks, so more pairs decide it too (and each look already pays for its share
        // of the error rate, measured or not).
        Duration spent = Duration.ZERO;
        int looks = 1;
        // Per benchmark result (a @Param combination counts as one): the first look's time over what it measured.
        Duration perResult = firstLook.dividedBy(Math.max(1, sides.current().size()));
        // Failures are confirmed with more rounds before they fail the build, right after the look that found
        // them: a failure its confirmation overturns to undecided then takes part in the adaptive looks still
        // left (the error rate is split over looks, not confirmations), and failing again there repeats it,
        // so it stands without a second confirmation.
        Set<String> confirmedOnce = new HashSet<>();
        while (true) {
            List<CheckResult> unconfirmed = Confirmation.failed(evaluation).stream()
                    .filter(r -> !confirmedOnce.contains(Confirmation.key(r))).toList();
            Set<String> confirming = unconfirmed.stream().map(Confirmation::key).collect(Collectors.toSet());
            for (int round = 1; round <= confirm; round++) {
                List<CheckResult> failed = Confirmation.failed(evaluation).stream()
                        .filter(r -> confirming.contains(Confirmation.key(r))).toList();
                if (failed.isEmpty()) {
                    break;
                }
                Set<String> names = Confirmation.benchmarksFor(failed, budgets, sides.currentResults("results.json"));
                listener.note("Confirming " + failed.size() + " failed check(s) with " + rounds + " more round(s), rerun " + round
                        + " of " + confirm);
                List<PairedMeasurement.Unit> pairedUnits = units.stream().filter(u -> names.contains(u.name())).toList();
                List<String> lonelyNames = names.stream().filter(thisSideOnly::contains).toList();
                sides = measurement.run(sides, current, baseline, pairedUnits, lonelyNames, keep, rounds, directory);
                evaluation = Confirmation.combine(evaluation, evaluate(evaluator, budgets, sides, current, environment, directory),
                        round, r -> confirming.contains(Confirmation.key(r)));
            }
            confirmedOnce.addAll(confirming);
            if (!adaptive.enabled() || looks >= adaptive.looks()) {
                break;
            }
            List<CheckResult> undecided = undecided(evaluation, both);
            if (undecided.isEmpty()) {
                break;
            }
            Duration left = adaptive.maxTime().minus(spent);
            long room = perResult.isZero() ? Long.MAX_VALUE : left.dividedBy(perResult);
            List<CheckResult> ranked = UndecidedBenchmarks.nearestDecisionFirst(undecided);
            RunResults now = sides.currentResults(current.resultsFile().toString());
            // a ratio's peer found on this side only gets no pairs: it takes no place in the room
            Predicate<BenchmarkKey> pairable = key -> both.contains(key.benchmark());
            Set<BenchmarkKey> chosen = UndecidedBenchmarks.fitting(ranked, budgets, now, room, pairable);
            Set<BenchmarkKey> all = UndecidedBenchmarks.fitting(ranked, budgets, now, Long.MAX_VALUE, pairable);
            if (chosen.isEmpty()) {
                notes.add("Adaptive rounds stopped: " + rounds + " more round(s) of even one of the " + all.size()
                        + " undecided benchmark(s) would take about " + perResult.toSeconds() + " s, "
                        + timeLeft(left, spent, adaptive.maxTime()));
                break;
            }
            Instant before = clock.instant();
            String subset = chosen.size() < all.size()
                    ? " (of " + all.size() + "; the time left pays for these, nearest to a decision first)" : "";
            String look = "Adaptive paired look " + (looks + 1) + ": " + rounds + " more round(s) of " + chosen.size()
                    + " undecided benchmark(s)" + subset;
            listener.note(look);
            if (!subset.isEmpty()) {
                notes.add(look);
            }
            List<BenchmarkKey> pairedKeys = chosen.stream().filter(k -> !references.contains(k.benchmark())).toList();
            List<String> referenceNames = chosen.stream().map(BenchmarkKey::benchmark).filter(references::contains)
                    .distinct().toList();
            sides = measurement.runKeys(sides, current, baseline, pairedKeys, referenceNames, List.copyOf(chosen), rounds,
                    directory);
            spent = spent.plus(Duration.between(before, clock.instant()));
            looks++;
            evaluation = keepDecided(evaluation, evaluate(evaluator, budgets, sides, current, environment, directory), looks,
                    confirmedOnce);
        }
        List<String> all = new ArrayList<>(notes);
        all.addAll(evaluation.notes());
        evaluation = new Evaluation(evaluation.results(), evaluation.problems(), all);
        RunResults now = sides.currentResults(current.resultsFile().toString());
        RunResults then = sides.baselineResults(baselineFile(current).toString());
        return new Outcome(evaluation, now, then, new PairedRun(code.description(), then, seed, sides.pairs()));
    }

    /**
     * The benchmarks that are references at every @Param combination this side lists: their budget
     * says {@code regression: off}, so no regression check needs their baseline side.
     */
    static List<String> references(List<ListedBenchmark> listed, BudgetFile budgets) {
        return listed.stream()
                .filter(b -> b.combinations().stream().allMatch(c -> budgets.regressionOff(b.name(), c)))
                .map(ListedBenchmark::name)
                .toList();
    }

    private static List<String> shortNames(List<String> names) {
        return names.stream().map(BenchmarkKey::shortName).toList();
    }

    /**
     * The paired units of a shard: those of its units; a benchmark paired whole (its values differ
     * between the sides) is measured at each of the shard's combinations of it, pinned, and one the
     * shard holds whole (values that cannot be pinned) stays whole.
     */
    static List<PairedMeasurement.Unit> ofShard(List<PairedMeasurement.Unit> units, List<BenchmarkUnit> shard) {
        List<PairedMeasurement.Unit> mine = new ArrayList<>();
        for (PairedMeasurement.Unit unit : units) {
            for (BenchmarkUnit u : shard) {
                if (!u.benchmark().equals(unit.name())) {
                    continue;
                }
                if (!unit.open() && u.params().equals(unit.params())) {
                    mine.add(unit);
                } else if (unit.open()) {
                    mine.add(u.params().isEmpty() ? unit : new PairedMeasurement.Unit(unit.name(), u.params(), u.params(), false));
                }
            }
        }
        return mine;
    }

    static final String BASELINE_RESULTS = "baseline-results.json";

    /** Where the baseline side's forks are written: plain JMH JSON beside results.json, for budget:compare. */
    static Path baselineFile(ForkSettings current) {
        return baselineFileBeside(current.resultsFile());
    }

    static Path baselineFileBeside(Path resultsFile) {
        return resultsFile.resolveSibling(BASELINE_RESULTS);
    }

    private Evaluation evaluate(BudgetEvaluator evaluator, BudgetFile budgets, PairedMeasurement.Sides sides,
                                ForkSettings current, Optional<Environment> environment, Path directory) throws GateException {
        RunResults now = sides.currentResults(current.resultsFile().toString());
        RunResults then = sides.baselineResults(baselineFile(current).toString());
        try {
            PooledResultsWriter.writeCombined(sides.currentFiles(), current.resultsFile(), now);
            if (!sides.baselineFiles().isEmpty()) {
                PooledResultsWriter.writeCombined(sides.baselineFiles(), baselineFile(current), then);
            }
        } catch (ResultFileException | IOException e) {
            throw new GateException("Cannot write the paired results to " + current.resultsFile().getParent() + ": "
                    + e.getMessage(), e);
        }
        return evaluator.evaluate(budgets, now, Optional.of(then), environment);
    }

    /**
     * The INCONCLUSIVE error-level checks (limits, ratios and regressions) whose benchmark has a baseline
     * side to pair with: their results (each a benchmark at one @Param combination) are what the adaptive
     * rounds measure again. A benchmark new in this code is judged on the forks of the first look.
     */
    static List<CheckResult> undecided(Evaluation evaluation, List<String> paired) {
        List<CheckResult> checks = new ArrayList<>();
        for (CheckResult r : evaluation.results()) {
            if (r.level() == Level.ERROR && r.verdict() == Verdict.INCONCLUSIVE && paired.contains(r.benchmark().benchmark())) {
                checks.add(r);
            }
        }
        return checks;
    }

    /** The new evaluation, except that checks decided at an earlier look keep that verdict. */
    private static Evaluation keepDecided(Evaluation earlier, Evaluation later, int look, Set<String> confirmedOnce) {
        Map<String, CheckResult> decided = new LinkedHashMap<>();
        Map<String, CheckResult> before = new LinkedHashMap<>();
        for (CheckResult r : earlier.results()) {
            before.put(Confirmation.key(r), r);
            if (r.verdict() != Verdict.INCONCLUSIVE) {
                decided.put(Confirmation.key(r), r);
            }
        }
        List<CheckResult> results = new ArrayList<>();
        for (CheckResult r : later.results()) {
            CheckResult kept = decided.get(Confirmation.key(r));
            if (kept != null) {
                results.add(kept);
                continue;
            }
            // what its confirmation said stays on the record
            List<String> notes = new ArrayList<>(r.notes());
            Optional.ofNullable(before.get(Confirmation.key(r))).ifPresent(b -> b.notes().stream()
                    .filter(n -> n.startsWith(Confirmation.OVERTURNED)).forEach(notes::add));
            if (r.verdict() != Verdict.INCONCLUSIVE) {
                notes.add("decided at look " + look + " after more paired rounds");
                if (r.verdict() == Verdict.FAIL && confirmedOnce.contains(Confirmation.key(r))) {
                    notes.add("failed again after its confirmation rounds had left it undecided: the failure repeated");
                }
            }
            results.add(r.withNotes(notes));
        }
        return new Evaluation(results, later.problems(), later.notes());
    }

    /** "beyond the 40 s left of ...", or, when a look ran over the estimate, that the time is spent. */
    static String timeLeft(Duration left, Duration spent, Duration maxTime) {
        String option = "-Dbudget.maxTime=" + maxTime.toSeconds() + "s";
        if (left.isNegative() || left.isZero()) {
            return "and the looks have spent the " + option + " (" + spent.toSeconds() + " s so far)";
        }
        return "beyond the " + left.toSeconds() + " s left of " + option;
    }
}
