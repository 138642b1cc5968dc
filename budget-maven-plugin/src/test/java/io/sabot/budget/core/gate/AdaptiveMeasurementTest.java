package io.sabot.budget.core.gate;

import static io.sabot.budget.core.gate.Forks.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.check.BudgetEvaluator;
import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.io.BudgetFileParser;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Level;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AdaptiveMeasurementTest {

    private static final BenchmarkKey A = key("io.x.Bench.a", Map.of());
    private static final BenchmarkKey B = key("io.x.Bench.b", Map.of());
    private static final BenchmarkKey C = key("io.x.Bench.c", Map.of());
    private static final Duration PER_FORK = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock();
    private final FakeJmh jmh = new FakeJmh(clock, PER_FORK);

    /** Forks whose means scatter by {@code forkSd} around {@code mean}, iterations by 1%; seeded per fork. */
    private static BiFunction<Integer, Integer, double[]> around(double mean, double forkSd, long seed) {
        return (fork, call) -> {
            Random random = new Random(seed * 1_000 + fork);
            double forkMean = mean * (1 + forkSd * random.nextGaussian());
            double[] samples = new double[5];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = forkMean * (1 + 0.01 * random.nextGaussian());
            }
            return samples;
        };
    }

    private static double[] steady(double value) {
        return new double[] {value * 0.995, value, value * 1.005, value, value};
    }

    @Test
    void anUndecidedBenchmarkGetsForksUntilItIsDecidedAndNothingElseIsForked() throws Exception {
        // The first two forks disagree (96 and 112 ns) around the 110 ns limit; later forks settle near 100 ns.
        BiFunction<Integer, Integer, double[]> later = around(100, 0.02, 1);
        // C and D have no budget: with B they let the build pool fork variances (three quiet benchmarks).
        jmh.benchmark(A, (fork, call) -> fork == 1 ? steady(96) : fork == 2 ? steady(112) : later.apply(fork, call))
                .benchmark(B, around(50, 0.01, 2))
                .benchmark(C, around(70, 0.01, 3))
                .benchmark(key("io.x.Bench.d", Map.of()), around(30, 0.01, 4));
        RunResults first = jmh.firstRun(2);
        Run run = new Run("  - {id: A, benchmark: Bench.a, max: 110ns}\n  - {id: B, benchmark: Bench.b, max: 100ns}\n",
                new AdaptiveSettings(Duration.ofMinutes(10), 3), first);
        assertThat(run.first.results()).extracting(CheckResult::verdict).containsExactly(Verdict.INCONCLUSIVE, Verdict.PASS);

        AdaptiveMeasurement.Outcome outcome = run.refine(Duration.ofSeconds(20));

        CheckResult a = check(outcome.evaluation(), "A");
        assertThat(a.verdict()).isEqualTo(Verdict.PASS);
        int rounds = outcome.rounds().size();
        assertThat(a.notes()).anySatisfy(n -> assertThat(n).contains("decided at adaptive round " + rounds)
                .contains("+" + 2 * rounds + " forks in adaptive measurement (" + (2 + 2 * rounds) + " in all)"));
        // Only Bench.a was ever forked again, two forks a round (as many as the first run had).
        assertThat(jmh.measured).isNotEmpty().allSatisfy(m -> assertThat(m).containsExactly(A));
        assertThat(jmh.calls).allSatisfy(s -> assertThat(s.jmh().forks()).contains(2));
        assertThat(outcome.results().find(A).orElseThrow().primary().rawData()).hasSize(2 + 2 * rounds);
        assertThat(outcome.results().find(B).orElseThrow()).isSameAs(first.find(B).orElseThrow());
        assertThat(check(outcome.evaluation(), "B")).isSameAs(run.first.results().get(1));
        assertThat(outcome.evaluation().notes()).anySatisfy(n -> assertThat(n).startsWith("Adaptive measurement")
                .contains(rounds + " round").contains("Bench.a (avgt) +2").contains("Stopped: every error-level check is decided"));
    }

    @Test
    void aCleanBuildForksNothingMore() throws Exception {
        jmh.benchmark(A, around(50, 0.01, 13));
        Run run = new Run("  - {id: A, benchmark: Bench.a, max: 110ns}\n", new AdaptiveSettings(Duration.ofMinutes(10), 3),
                jmh.firstRun(2));

        AdaptiveMeasurement.Outcome outcome = run.refine(Duration.ofSeconds(10));

        assertThat(jmh.calls).isEmpty();
        assertThat(outcome.spent()).isZero();
        assertThat(check(outcome.evaluation(), "A").notes()).isEmpty();
        assertThat(outcome.evaluation().notes()).anySatisfy(n -> assertThat(n)
                .endsWith("no extra forks. Stopped: every error-level check is decided"));
    }

    @Test
    void aBudgetTooSmallForOneRoundForksNothingAndSaysWhy() throws Exception {
        jmh.benchmark(A, around(110, 0.02, 3));
        RunResults first = jmh.firstRun(2);
        Run run = new Run("  - {id: A, benchmark: Bench.a, max: 110ns}\n", new AdaptiveSettings(Duration.ofSeconds(9), 3), first);

        // 10 s for 2 forks: a round of 2 more forks costs about 10 s, more than the 9 s allowed.
        AdaptiveMeasurement.Outcome outcome = run.refine(Duration.ofSeconds(10));

        assertThat(jmh.calls).isEmpty();
        CheckResult a = check(outcome.evaluation(), "A");
        assertThat(a.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(a.notes()).anySatisfy(n -> assertThat(n).contains("not re-measured")
                .contains("the next round (2 forks, about 10.0 s) would not fit the 9.0 s left of maxTime 9.0 s"));
        assertThat(outcome.evaluation().notes()).anySatisfy(n -> assertThat(n).contains("no extra forks"));
    }

    @Test
    void theBudgetRunningOutStopsTheRoundsWithTheCheckStillInconclusive() throws Exception {
        // Exactly at the limit: no amount of forks decides it.
        jmh.benchmark(A, around(110, 0.02, 4));
        RunResults first = jmh.firstRun(2);
        Run run = new Run("  - {id: A, benchmark: Bench.a, max: 110ns}\n", new AdaptiveSettings(Duration.ofSeconds(15), 3), first);

        AdaptiveMeasurement.Outcome outcome = run.refine(Duration.ofSeconds(10));

        // Round 1: about 10 s, fits the 15 s; it takes 10 s, so round 2 (10 s) does not fit the 5 s left.
        assertThat(outcome.rounds()).hasSize(1);
        assertThat(outcome.spent()).isEqualTo(Duration.ofSeconds(10));
        CheckResult a = check(outcome.evaluation(), "A");
        assertThat(a.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(a.notes()).anySatisfy(n -> assertThat(n)
                .contains("still undecided with +2 forks in adaptive measurement (4 in all) after 1 round")
                .contains("would not fit the 5.0 s left of maxTime 15.0 s"));
        assertThat(outcome.evaluation().notes()).anySatisfy(n -> assertThat(n).contains("1 round in 10.0 s")
                .contains("round 1 (10.0 s): Bench.a (avgt) +2"));
    }

    @Test
    void aRoundThatRanOverItsEstimateSaysTheTimeIsSpentNotNegative() throws Exception {
        jmh.benchmark(A, around(110, 0.02, 4));
        RunResults first = jmh.firstRun(2);
        Run run = new Run("  - {id: A, benchmark: Bench.a, max: 110ns}\n", new AdaptiveSettings(Duration.ofSeconds(7), 3), first);

        // The first run's 6 s for 2 forks estimate a round at 6 s, which fits the 7 s; it takes 10 s (5 s a fork).
        AdaptiveMeasurement.Outcome outcome = run.refine(Duration.ofSeconds(6));

        assertThat(outcome.rounds()).hasSize(1);
        assertThat(outcome.spent()).isEqualTo(Duration.ofSeconds(10));
        CheckResult a = check(outcome.evaluation(), "A");
        assertThat(a.notes()).anySatisfy(n -> assertThat(n)
                .contains("would not fit: the rounds have spent the maxTime 7.0 s (10.0 s so far)")
                .doesNotContain("left of"));
    }

    @Test
    void theRoundCapStopsAnUndecidableCheck() throws Exception {
        jmh.benchmark(A, around(110, 0.02, 5));
        Run run = new Run("  - {id: A, benchmark: Bench.a, max: 110ns}\n", new AdaptiveSettings(Duration.ofHours(1), 2),
                jmh.firstRun(2));

        AdaptiveMeasurement.Outcome outcome = run.refine(Duration.ofSeconds(10));

        assertThat(jmh.calls).hasSize(2);
        assertThat(check(outcome.evaluation(), "A").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(check(outcome.evaluation(), "A").notes()).anySatisfy(n -> assertThat(n)
                .contains("+4 forks").contains("after 2 rounds: the cap of 2 rounds was reached"));
    }

    @Test
    void warnLevelAndDecidedChecksAreNeverForked() throws Exception {
        jmh.benchmark(A, around(110, 0.02, 6)).benchmark(B, around(100, 0.02, 7)).benchmark(C, around(10, 0.01, 8));
        Run run = new Run("  - {id: A, benchmark: Bench.a, max: 110ns}\n"
                + "  - {id: B, benchmark: Bench.b, max: 100ns, level: warn}\n"
                + "  - {id: C, benchmark: Bench.c, max: 100ns}\n", new AdaptiveSettings(Duration.ofHours(1), 1), jmh.firstRun(2));
        assertThat(check(run.first, "B").verdict()).isEqualTo(Verdict.INCONCLUSIVE);

        AdaptiveMeasurement.Outcome outcome = run.refine(Duration.ofSeconds(30));

        assertThat(jmh.measured).containsExactly(List.of(A));
        assertThat(jmh.calls.get(0).includes()).containsExactly("^" + Pattern.quote("io.x.Bench.a") + "$");
        assertThat(check(outcome.evaluation(), "B").notes()).noneSatisfy(n -> assertThat(n).contains("adaptive"));
    }

    @Test
    void oneParamCombinationIsPinnedWithMinusP() throws Exception {
        BenchmarkKey small = key("io.x.Bench.p", Map.of("size", "10", "kind", "a"));
        BenchmarkKey large = key("io.x.Bench.p", Map.of("size", "20", "kind", "a"));
        jmh.benchmark(small, around(110, 0.02, 9)).benchmark(large, around(10, 0.01, 10));
        Run run = new Run("  - {id: P, benchmark: Bench.p, max: 110ns}\n", new AdaptiveSettings(Duration.ofHours(1), 1),
                jmh.firstRun(3));

        run.refine(Duration.ofSeconds(30));

        ForkSettings extra = jmh.calls.get(0);
        assertThat(extra.jmhArgs()).containsExactly("-p", "kind=a", "-p", "size=10");
        assertThat(extra.jmh().forks()).contains(3);
        assertThat(extra.outputDirectory()).isEqualTo(Path.of("target/budget/adaptive-1"));
        assertThat(jmh.measured).containsExactly(List.of(small));
    }

    @Test
    void aRatioCheckForksItsPeerToo() throws Exception {
        jmh.benchmark(A, around(100, 0.03, 11)).benchmark(B, around(100, 0.03, 12));
        Run run = new Run("  - {id: R, benchmark: Bench.a, faster-than: Bench.b, by: 1x}\n",
                new AdaptiveSettings(Duration.ofHours(1), 1), jmh.firstRun(2));
        assertThat(check(run.first, "R").verdict()).isEqualTo(Verdict.INCONCLUSIVE);

        run.refine(Duration.ofSeconds(20));

        assertThat(jmh.measured).containsExactly(List.of(A, B));
    }

    @Test
    void aVerdictOnceReachedIsFinalAndOnlyUndecidedChecksTakeTheNewLook() {
        CheckResult decided = result("X", Verdict.PASS);
        CheckResult undecided = result("Y", Verdict.INCONCLUSIVE);
        Evaluation previous = new Evaluation(List.of(decided, undecided), List.of(), List.of("first run note"));
        Evaluation next = new Evaluation(List.of(result("X", Verdict.FAIL), result("Y", Verdict.FAIL)), List.of(), List.of());
        Map<String, Integer> decidedIn = new HashMap<>();

        Evaluation combined = AdaptiveMeasurement.carryDecided(previous, next, 2, decidedIn);

        assertThat(combined.results()).extracting(CheckResult::verdict).containsExactly(Verdict.PASS, Verdict.FAIL);
        assertThat(combined.results().get(0)).isSameAs(decided);
        assertThat(decidedIn).containsOnlyKeys("Y|" + A);
        assertThat(combined.notes()).containsExactly("first run note");
    }

    private static CheckResult result(String id, Verdict verdict) {
        return new CheckResult(id, CheckKind.SCORE, A, Level.ERROR, verdict, "<= 1 ns/op", OptionalDouble.empty(), 1,
                "ns/op", OptionalDouble.empty(), "", id + " " + verdict, List.of());
    }

    private static CheckResult check(Evaluation evaluation, String id) {
        return evaluation.results().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** The gate's path in miniature: spent statistics, a first evaluation, then the adaptive rounds. */
    private final class Run {
        final BudgetFile budgets;
        final AdaptiveSettings settings;
        final RunResults firstRun;
        final BudgetEvaluator evaluator;
        final Evaluation first;

        Run(String budgetLines, AdaptiveSettings settings, RunResults firstRun) throws Exception {
            this.budgets = BudgetFileParser.parse("budgets.yml", new StringReader("version: 1\nbudgets:\n" + budgetLines));
            this.settings = settings;
            this.firstRun = firstRun;
            this.evaluator = new BudgetEvaluator(Statistics.standard().withErrorSpentOver(settings.looks()), false);
            this.first = evaluate(firstRun);
        }

        Evaluation evaluate(RunResults results) {
            return evaluator.evaluate(budgets, results, Optional.empty(), Optional.empty());
        }

        AdaptiveMeasurement.Outcome refine(Duration firstRunTime) throws GateException {
            ForkSettings base = new ForkSettings(Path.of("java"), List.of(), Path.of("."), Path.of("target/budget"),
                    List.of(), List.of(), BudgetGate.DEFAULTS, List.of(), Duration.ofMinutes(10));
            return new AdaptiveMeasurement(settings, clock, jmh, ForkListener.NONE)
                    .refine(first, firstRun, firstRunTime, base, budgets, this::evaluate);
        }
    }
}
