package io.sabot.budget.core.gate;

import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.fork.Patterns;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Adaptive measurement: a clean build pays for one run, an undecided one gets the forks it needs.
 * After the first evaluation, while {@link AdaptiveSettings#maxTime()} allows, each round forks again
 * only the benchmarks behind undecided checks ({@link UndecidedBenchmarks}), pools the new forks
 * into the results ({@link ForkPool}, fork identity kept) and evaluates again. It stops when every
 * error-level check is decided, when the next round would not fit the time left, or after
 * {@link AdaptiveSettings#maxRounds()} rounds.
 *
 * <p><b>Cost.</b> A round's cost is estimated before it starts: forks it would run times the measured
 * time per fork so far (the first run's wall time divided by its forks, refined by every round). A
 * round whose estimate exceeds the time left is not started, so the budget is overrun at most by the
 * error of one estimate.
 *
 * <p><b>Optional stopping.</b> Looking again until a verdict appears is a classic way to manufacture
 * false alarms: each look is another chance for noise to push an interval past a limit, and with
 * four looks at a 1% error each the build-level error approaches 4%. The gate therefore fixes the
 * number of looks in advance (the first run plus {@code maxRounds}) and evaluates every look, the
 * first included, with statistics whose error rate is split evenly across them (Bonferroni, the
 * simplest Pocock-style spending: {@link io.sabot.budget.core.check.Statistics#withErrorSpentOver}).
 * By the union bound the chance of any false verdict over all looks stays within the single-look
 * rate. The price is a wider interval at the first look, which is why the feature is off unless a
 * time budget is given. A verdict, once reached, is final: later looks only re-evaluate checks that
 * are still INCONCLUSIVE, as in a group-sequential design, so a decided benchmark is never forked
 * again and a decided check never flips (a ratio peer forked for another check keeps its verdicts).
 *
 * <p><b>Confirmation.</b> Adaptive rounds come first; confirmation reruns then re-fork the benchmarks
 * behind the final FAILs as before. A confirmation is an independent replicate that must fail again,
 * so it can only remove failures and does not add to the false-alarm rate; its time is not counted
 * in {@code maxTime}.
 */
final class AdaptiveMeasurement {

    /** Runs one JMH fork and reads its results. */
    interface RoundFork {
        RunResults run(ForkSettings settings) throws GateException;
    }

    /** Evaluates pooled results with the first run's budgets, baseline and (spent) statistics. */
    interface Reevaluation {
        Evaluation evaluate(RunResults pooled);
    }

    /** One round: the forks it added per benchmark and its wall time. */
    record Round(int number, Map<BenchmarkKey, Integer> addedForks, Duration took) {
    }

    /** The final evaluation (with notes saying what was measured), the pooled results and the rounds. */
    record Outcome(Evaluation evaluation, RunResults results, List<Round> rounds, Duration spent) {
    }

    private final AdaptiveSettings settings;
    private final Clock clock;
    private final RoundFork fork;
    private final ForkListener listener;

    AdaptiveMeasurement(AdaptiveSettings settings, Clock clock, RoundFork fork, ForkListener listener) {
        this.settings = settings;
        this.clock = clock;
        this.fork = fork;
        this.listener = listener;
    }

    Outcome refine(Evaluation first, RunResults firstRun, Duration firstRunTime, ForkSettings base, BudgetFile budgets,
                   Reevaluation reevaluate) throws GateException {
        Evaluation evaluation = first;
        RunResults results = firstRun;
        Duration measured = firstRunTime;
        long forksMeasured = firstRun.results().stream().mapToLong(ForkPool::forks).sum();
        Duration spent = Duration.ZERO;
        List<Round> rounds = new ArrayList<>();
        Map<String, Integer> decidedIn = new LinkedHashMap<>();
        String stop;
        while (true) {
            Set<BenchmarkKey> targets = UndecidedBenchmarks.of(evaluation, budgets, results);
            if (targets.isEmpty()) {
                stop = "every error-level check is decided";
                break;
            }
            if (rounds.size() == settings.maxRounds()) {
                stop = "the cap of " + settings.maxRounds() + " round" + plural(settings.maxRounds()) + " was reached";
                break;
            }
            int forks = forksPerRound(base, targets, firstRun);
            Duration perFork = measured.dividedBy(Math.max(1, forksMeasured));
            Duration left = settings.maxTime().minus(spent);
            long room = perFork.isZero() ? Long.MAX_VALUE : left.dividedBy(perFork.multipliedBy(forks));
            int undecided = targets.size();
            targets = UndecidedBenchmarks.fitting(evaluation, budgets, results, room);
            if (targets.isEmpty()) {
                Duration one = perFork.multipliedBy(forks);
                String what = undecided == 1 ? forks + " fork" + plural(forks)
                        : forks + " fork" + plural(forks) + " of even one of the " + undecided + " undecided benchmarks";
                stop = "the next round (" + what + ", about " + format(one) + ") " + timeLeft(left, spent, settings.maxTime());
                break;
            }
            Duration estimate = perFork.multipliedBy((long) forks * targets.size());
            int number = rounds.size() + 1;
            listener.note("Adaptive round " + number + " of at most " + settings.maxRounds() + ": " + forks + " more fork"
                    + plural(forks) + " of " + targets.size() + " undecided benchmark" + plural(targets.size())
                    + (targets.size() < undecided ? " (of " + undecided + "; the time left fits these, nearest to a decision first)" : "")
                    + " ("
                    + targets.stream().map(BenchmarkKey::label).collect(Collectors.joining(", ")) + "), about "
                    + format(estimate) + " of " + format(left) + " left");
            Instant start = clock.instant();
            RunResults extra = runRound(number, targets, forks, base);
            Duration took = Duration.between(start, clock.instant());
            spent = spent.plus(took);
            measured = measured.plus(took);
            Map<BenchmarkKey, Integer> added = new LinkedHashMap<>();
            for (BenchmarkKey key : targets) {
                extra.find(key).ifPresent(r -> added.put(key, ForkPool.forks(r)));
            }
            forksMeasured += added.values().stream().mapToInt(Integer::intValue).sum();
            rounds.add(new Round(number, added, took));
            if (added.isEmpty()) {
                stop = "round " + number + " returned no result for the undecided benchmarks (see "
                        + base.outputDirectory().resolve("adaptive-" + number) + "*/fork.log)";
                break;
            }
            results = ForkPool.pool(results, extra, targets);
            evaluation = carryDecided(evaluation, reevaluate.evaluate(results), number, decidedIn);
            if (!evaluation.problems().isEmpty()) {
                stop = "the pooled results could not be evaluated";
                break;
            }
        }
        return new Outcome(annotate(evaluation, results, rounds, decidedIn, spent, stop), results, rounds, spent);
    }

    /** Forks per benchmark and round: the configured {@code -f}, else as many as the first run had. */
    static int forksPerRound(ForkSettings base, Set<BenchmarkKey> targets, RunResults firstRun) {
        if (base.jmh().forks().isPresent() && base.jmh().forks().get() > 0) {
            return base.jmh().forks().get();
        }
        int most = 1;
        for (BenchmarkKey key : targets) {
            most = Math.max(most, firstRun.find(key).map(ForkPool::forks).orElse(1));
        }
        return most;
    }

    /**
     * One JMH run per @Param combination: the include regexes select the benchmark methods exactly and
     * {@code -p} pins the combination, so nothing decided is measured again. (A value with a comma
     * cannot be passed to {@code -p}; such a parameter is left open and the surplus results are
     * dropped by the pooling.)
     */
    private RunResults runRound(int number, Set<BenchmarkKey> targets, int forks, ForkSettings base) throws GateException {
        Map<String, List<BenchmarkKey>> byParams = new TreeMap<>();
        for (BenchmarkKey key : targets) {
            byParams.computeIfAbsent(key.paramsText(), p -> new ArrayList<>()).add(key);
        }
        List<BenchmarkResult> all = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        int group = 0;
        for (List<BenchmarkKey> keys : byParams.values()) {
            group++;
            Set<String> includes = new LinkedHashSet<>();
            keys.forEach(k -> includes.add(Patterns.exact(k.benchmark())));
            Map<String, String> params = new TreeMap<>();
            keys.get(0).params().forEach((name, value) -> {
                if (!value.contains(",")) {
                    params.put(name, value);
                }
            });
            String directory = "adaptive-" + number + (byParams.size() == 1 ? "" : "-" + group);
            RunResults run = fork.run(base.extraForks(List.copyOf(includes), params, forks,
                    base.outputDirectory().resolve(directory)));
            all.addAll(run.results());
            sources.add(run.source());
        }
        return new RunResults(String.join(" + ", sources), all, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Decided checks keep their verdict; undecided ones take this look's result. */
    static Evaluation carryDecided(Evaluation previous, Evaluation next, int round, Map<String, Integer> decidedIn) {
        Map<String, CheckResult> fresh = new LinkedHashMap<>();
        next.results().forEach(r -> fresh.put(key(r), r));
        List<CheckResult> results = new ArrayList<>();
        for (CheckResult r : previous.results()) {
            CheckResult now = fresh.get(key(r));
            if (r.verdict() == Verdict.INCONCLUSIVE && now != null) {
                if (now.verdict() != Verdict.INCONCLUSIVE) {
                    decidedIn.put(key(r), round);
                }
                results.add(now);
            } else {
                results.add(r);
            }
        }
        Set<String> problems = new LinkedHashSet<>(previous.problems());
        problems.addAll(next.problems());
        return new Evaluation(results, List.copyOf(problems), previous.notes());
    }

    /** Per-check notes saying what was measured and why it stopped, plus a summary note for the build. */
    private Evaluation annotate(Evaluation evaluation, RunResults results, List<Round> rounds, Map<String, Integer> decidedIn,
                                Duration spent, String stop) {
        Map<BenchmarkKey, Integer> added = new LinkedHashMap<>();
        rounds.forEach(r -> r.addedForks().forEach((k, n) -> added.merge(k, n, Integer::sum)));
        List<CheckResult> annotated = new ArrayList<>();
        for (CheckResult r : evaluation.results()) {
            String note = checkNote(r, added, results, rounds.size(), decidedIn, stop);
            if (note == null) {
                annotated.add(r);
            } else {
                List<String> notes = new ArrayList<>(r.notes());
                notes.add(note);
                annotated.add(r.withNotes(notes));
            }
        }
        List<String> notes = new ArrayList<>(evaluation.notes());
        notes.add(summary(rounds, spent, stop));
        return new Evaluation(annotated, evaluation.problems(), notes);
    }

    private static String checkNote(CheckResult r, Map<BenchmarkKey, Integer> added, RunResults results, int rounds,
                                    Map<String, Integer> decidedIn, String stop) {
        Integer forks = added.get(r.benchmark());
        String measured = forks == null ? null : "+" + forks + " fork" + plural(forks) + " in adaptive measurement ("
                + results.find(r.benchmark()).map(ForkPool::forks).orElse(forks) + " in all)";
        Integer round = decidedIn.get(key(r));
        if (round != null) {
            // Without forks of its own, a ratio check was decided by the forks of its re-measured peer.
            return "decided at adaptive round " + round + (measured == null ? " (its peer was re-measured)" : " with " + measured);
        }
        if (r.verdict() != Verdict.INCONCLUSIVE || !UndecidedBenchmarks.resolvableByMeasurement(r)) {
            return null;
        }
        if (measured == null) {
            return "not re-measured by adaptive measurement: " + stop;
        }
        return "still undecided with " + measured + " after " + rounds + " round" + plural(rounds) + ": " + stop;
    }

    private String summary(List<Round> rounds, Duration spent, String stop) {
        StringBuilder text = new StringBuilder("Adaptive measurement (maxTime " + format(settings.maxTime()) + ", at most "
                + settings.maxRounds() + " round" + plural(settings.maxRounds()) + "; every verdict at 1/" + settings.looks()
                + " of the error rate, split over " + settings.looks() + " possible looks): ");
        if (rounds.isEmpty()) {
            text.append("no extra forks");
        } else {
            text.append(rounds.size()).append(" round").append(plural(rounds.size())).append(" in ").append(format(spent));
            for (Round round : rounds) {
                text.append("; round ").append(round.number()).append(" (").append(format(round.took())).append("): ")
                        .append(round.addedForks().isEmpty() ? "nothing measured" : round.addedForks().entrySet().stream()
                                .map(e -> e.getKey().label() + " +" + e.getValue())
                                .collect(Collectors.joining(", ")));
            }
        }
        return text.append(". Stopped: ").append(stop).toString();
    }

    private static String key(CheckResult r) {
        return r.id() + "|" + r.benchmark();
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    /** "850 ms", "12.3 s", "4 min 05 s". */
    /** "would not fit the 40.0 s left of ...", or, when a round ran over its estimate, that the time is spent. */
    static String timeLeft(Duration left, Duration spent, Duration maxTime) {
        if (left.isNegative() || left.isZero()) {
            return "would not fit: the rounds have spent the maxTime " + format(maxTime) + " (" + format(spent) + " so far)";
        }
        return "would not fit the " + format(left) + " left of maxTime " + format(maxTime);
    }

    static String format(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 120_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
}
