package io.sabot.budget.core.check;

import static io.sabot.budget.core.check.Results.params;
import static io.sabot.budget.core.check.Results.result;
import static io.sabot.budget.core.check.Results.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sabot.budget.core.io.BudgetFileParser;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.MachineSpeed;
import io.sabot.budget.core.model.Level;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetEvaluatorTest {

    static final String BENCH = "io.x.Bench";
    private final BudgetEvaluator evaluator = new BudgetEvaluator(Statistics.standard(), false);

    static BudgetFile budgets(String body) throws Exception {
        return BudgetFileParser.parse("budgets.yml", new StringReader("version: 1\nbudgets:\n" + body));
    }

    private Evaluation evaluate(String body, RunResults current) throws Exception {
        return evaluator.evaluate(budgets(body), current, Optional.empty(), Optional.empty());
    }

    private static CheckResult only(Evaluation e) {
        assertThat(e.problems()).isEmpty();
        assertThat(e.results()).hasSize(1);
        return e.results().get(0);
    }

    @Test
    void maxOnTimeConvertsUnitsAndDecidesOnTheInterval() throws Exception {
        RunResults run = run(result(BENCH + ".a", Mode.AVERAGE_TIME, "ns/op", Map.of(), 8000, 8100, 7900, 8000));
        assertThat(only(evaluate("  - {id: A, benchmark: Bench.a, max: 10us}\n", run)).verdict()).isEqualTo(Verdict.PASS);
        CheckResult fail = only(evaluate("  - {id: A, benchmark: Bench.a, max: 5us}\n", run));
        assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(fail.message()).contains("8.000 us/op").contains("but the limit is <= 5.000 us/op");
        assertThat(only(evaluate("  - {id: A, benchmark: Bench.a, max: 8us}\n", run)).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void minOnThroughputAndReciprocalConversionForOneThread() throws Exception {
        RunResults run = run(result(BENCH + ".t", Mode.THROUGHPUT, "ops/ms", Map.of(), 200, 205, 195, 200));
        assertThat(only(evaluate("  - {id: T, benchmark: Bench.t, min: 100K ops/s}\n", run)).verdict()).isEqualTo(Verdict.PASS);
        assertThat(only(evaluate("  - {id: T, benchmark: Bench.t, min: 300K ops/s}\n", run)).verdict()).isEqualTo(Verdict.FAIL);
        // 200 ops/ms = 5 us/op
        assertThat(only(evaluate("  - {id: T, benchmark: Bench.t, max: 10us}\n", run)).verdict()).isEqualTo(Verdict.PASS);
        assertThat(only(evaluate("  - {id: T, benchmark: Bench.t, max: 2us}\n", run)).verdict()).isEqualTo(Verdict.FAIL);
        RunResults threaded = run(result(BENCH + ".t", Mode.THROUGHPUT, "ops/ms", Map.of(), 4, Map.of(), 200, 200));
        assertThat(evaluate("  - {id: T, benchmark: Bench.t, max: 10us}\n", threaded).problems())
                .singleElement().asString().contains("single-threaded");
    }

    @Test
    void warnLevelFailuresAreWarningsNotViolations() throws Exception {
        RunResults run = run(result(BENCH + ".a", Mode.AVERAGE_TIME, "us/op", Map.of(), 8, 8, 8));
        Evaluation e = evaluate("  - {id: A, benchmark: Bench.a, max: 1us, level: warn}\n", run);
        assertThat(e.violations()).isEmpty();
        assertThat(e.warnings()).singleElement().satisfies(r -> assertThat(r.verdictLabel()).isEqualTo("WARN"));
    }

    @Test
    void aBudgetMatchingNothingIsAProblemNamingItsLocation() throws Exception {
        RunResults run = run(result(BENCH + ".a", Mode.AVERAGE_TIME, "us/op", Map.of(), 8, 8, 8));
        Evaluation e = evaluate("  - {id: GHOST, benchmark: Bench.b, max: 1us}\n", run);
        assertThat(e.problems()).singleElement().asString()
                .contains("budgets.yml:3:5").contains("budget 'GHOST' matches no benchmark").contains(BENCH + ".a");
        Evaluation subset = new BudgetEvaluator(Statistics.standard(), false).subsetRun(true)
                .evaluate(budgets("  - {id: GHOST, benchmark: Bench.b, max: 1us}\n"), run, Optional.empty(), Optional.empty());
        assertThat(subset.problems()).isEmpty();
        assertThat(subset.notes()).anySatisfy(n -> assertThat(n).contains("not evaluated").contains(": GHOST"));
    }

    @Test
    void percentileOnANonSampleBenchmarkAndAllocWithoutGcAreProblems() throws Exception {
        RunResults run = run(result(BENCH + ".a", Mode.AVERAGE_TIME, "us/op", Map.of(), 8, 8, 8));
        assertThat(evaluate("  - {id: P, benchmark: Bench.a, p99: 1ms}\n", run).problems())
                .singleElement().asString().contains("SampleTime");
        assertThat(evaluate("  - {id: M, benchmark: Bench.a, alloc: 0 B/op}\n", run).problems())
                .singleElement().asString().contains("gc profiler");
    }

    @Test
    void allocBudgetReadsTheGcNormMetric() throws Exception {
        RunResults run = run(result(BENCH + ".a", Mode.AVERAGE_TIME, "us/op", Map.of(), 1,
                Map.of("\u00b7gc.alloc.rate.norm", Results.secondary("\u00b7gc.alloc.rate.norm", "B/op", 48)), 8, 8, 8));
        assertThat(only(evaluate("  - {id: M, benchmark: Bench.a, alloc: 64 B/op}\n", run)).verdict()).isEqualTo(Verdict.PASS);
        assertThat(only(evaluate("  - {id: M, benchmark: Bench.a, alloc: 1 B/op}\n", run)).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void ratioPicksThePeerWithTheSameParams() throws Exception {
        RunResults run = run(
                result(BENCH + ".arrow", Mode.THROUGHPUT, "ops/s", params("rows", "10"), 1000, 1000, 1000),
                result(BENCH + ".arrow", Mode.THROUGHPUT, "ops/s", params("rows", "20"), 500, 500, 500),
                result(BENCH + ".json", Mode.THROUGHPUT, "ops/s", params("rows", "10"), 100, 100, 100),
                result(BENCH + ".json", Mode.THROUGHPUT, "ops/s", params("rows", "20"), 250, 250, 250));
        Evaluation e = evaluate("  - {id: R, benchmark: Bench.arrow, faster-than: Bench.json, by: 5x}\n", run);
        assertThat(e.problems()).isEmpty();
        assertThat(e.results()).extracting(CheckResult::verdict).containsExactly(Verdict.PASS, Verdict.FAIL);
        assertThat(e.results().get(0).measured()).isCloseTo(10, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aRatioWhosePeerWasFilteredOutIsSkippedInASubsetRunButAProblemInAFullRun() throws Exception {
        RunResults run = run(result(BENCH + ".arrow", Mode.THROUGHPUT, "ops/s", Map.of(), 1000, 1000, 1000));
        String budget = "  - {id: R, benchmark: Bench.arrow, faster-than: Bench.json, by: 5x}\n";
        assertThat(evaluate(budget, run).problems()).singleElement().asString()
                .contains("budget 'R'").contains("matches no result");
        Evaluation subset = new BudgetEvaluator(Statistics.standard(), false).subsetRun(true)
                .evaluate(budgets(budget), run, Optional.empty(), Optional.empty());
        assertThat(subset.problems()).isEmpty();
        assertThat(subset.notes()).anySatisfy(n -> assertThat(n).contains("not evaluated").contains(": R"));
    }

    @Test
    void aSubsetRunSummarisesTheBaselineBenchmarksItLeftOutInOneNote() throws Exception {
        RunResults before = run(
                result(BENCH + ".a", Mode.AVERAGE_TIME, "ns/op", Map.of(), 100, 100, 100),
                result(BENCH + ".b", Mode.AVERAGE_TIME, "ns/op", Map.of(), 100, 100, 100),
                result(BENCH + ".c", Mode.AVERAGE_TIME, "ns/op", Map.of(), 100, 100, 100));
        RunResults after = run(result(BENCH + ".a", Mode.AVERAGE_TIME, "ns/op", Map.of(), 100, 100, 100));
        Evaluation subset = new BudgetEvaluator(Statistics.standard(), false).subsetRun(true)
                .evaluate(budgets("  - {id: B, benchmark: Bench.b, max: 1us}\n  - {id: C, benchmark: Bench.c, max: 1us}\n"),
                        after, Optional.of(before), Optional.empty());
        assertThat(subset.problems()).isEmpty();
        assertThat(subset.notes()).contains("2 baseline benchmark(s) not run, filtered out by includes/excludes")
                .contains("2 budget(s) not evaluated, their benchmarks filtered out by includes/excludes: B, C")
                .noneMatch(n -> n.startsWith("Baseline has"));
        Evaluation full = evaluator.evaluate(budgets("  - {id: A, benchmark: Bench.a, max: 1us}\n"), after,
                Optional.of(before), Optional.empty());
        assertThat(full.notes()).contains("Baseline has Bench.b (avgt) but this run does not");
    }

    @Test
    void aMetricThatCanBeNegativeKeepsItsIntervalWhileAllocationIsFlooredAtZero() throws Exception {
        io.sabot.budget.core.model.Metric growth = new io.sabot.budget.core.model.Metric("heap.growth", -3, Double.NaN,
                Double.NaN, Double.NaN, io.sabot.budget.core.model.MetricUnit.parse("%"),
                io.sabot.budget.core.model.Direction.LOWER_IS_BETTER, Map.of(),
                List.of(new double[] {-2, -4, -3}, new double[] {-3, -2.5, -3.5}), List.of());
        RunResults run = run(result(BENCH + ".a", Mode.THROUGHPUT, "ops/s", Map.of(), 1, Map.of("heap.growth", growth), 8, 8, 8));
        CheckResult check = only(evaluate("  - {id: G, benchmark: Bench.a, metric: heap.growth, max: 5%}\n", run));
        assertThat(check.verdict()).isEqualTo(Verdict.PASS);
        assertThat(check.measured()).isCloseTo(-3, org.assertj.core.data.Offset.offset(1e-9));
        CheckResult tooMuch = only(evaluate("  - {id: G, benchmark: Bench.a, metric: heap.growth, min: 0%}\n", run));
        assertThat(tooMuch.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void regressionIsDirectionAwareAndUsesPerBudgetThresholds() throws Exception {
        RunResults before = run(
                result(BENCH + ".t", Mode.THROUGHPUT, "ops/s", Map.of(), 1000, 1000, 1000, 1000),
                result(BENCH + ".a", Mode.AVERAGE_TIME, "ns/op", Map.of(), 100, 100, 100, 100),
                result(BENCH + ".gone", Mode.AVERAGE_TIME, "ns/op", Map.of(), 100, 100));
        RunResults after = run(
                result(BENCH + ".t", Mode.THROUGHPUT, "ops/s", Map.of(), 700, 700, 700, 700),
                result(BENCH + ".a", Mode.AVERAGE_TIME, "ns/op", Map.of(), 106, 106, 106, 106),
                result(BENCH + ".new", Mode.AVERAGE_TIME, "ns/op", Map.of(), 100, 100));
        Evaluation e = evaluator.evaluate(budgets("  - {id: TIGHT, benchmark: Bench.a, regression: 5%}\n"), after,
                Optional.of(before), Optional.empty());
        assertThat(e.problems()).isEmpty();
        CheckResult throughput = e.results().stream().filter(r -> r.benchmark().benchmark().endsWith(".t")).findFirst().orElseThrow();
        assertThat(throughput.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(throughput.change().getAsDouble()).isCloseTo(0.30, org.assertj.core.data.Offset.offset(0.001));
        CheckResult tight = e.results().stream().filter(r -> r.id().equals("TIGHT/regression")).findFirst().orElseThrow();
        assertThat(tight.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(tight.limit()).contains("+5.000%");
        assertThat(e.notes()).anySatisfy(n -> assertThat(n).contains("No baseline for Bench.new"))
                .anySatisfy(n -> assertThat(n).contains("Baseline has Bench.gone"));
    }

    /** Bench.a with one fork per value, each fork's iterations within 1% of it. */
    private static io.sabot.budget.core.model.BenchmarkResult forksOfA(double... forkMeans) {
        List<double[]> raw = java.util.Arrays.stream(forkMeans).mapToObj(v -> new double[] {v * 0.99, v, v * 1.01}).toList();
        io.sabot.budget.core.model.Metric metric = new io.sabot.budget.core.model.Metric("primary",
                java.util.Arrays.stream(forkMeans).average().orElseThrow(), Double.NaN, Double.NaN, Double.NaN,
                io.sabot.budget.core.model.MetricUnit.NS_PER_OP, Mode.AVERAGE_TIME.primaryDirection(), Map.of(), raw, List.of());
        return new io.sabot.budget.core.model.BenchmarkResult(
                new io.sabot.budget.core.model.BenchmarkKey(BENCH + ".a", Mode.AVERAGE_TIME, Map.of()), 1, forkMeans.length,
                "17", "OpenJDK", "17", "1.37", List.of(), metric, Map.of());
    }

    @Test
    void anUndecidedRegressionSaysWhatWouldDecideItAndWhereItsNumbersComeFrom() throws Exception {
        RunResults before = run(forksOfA(100, 60, 140));
        RunResults after = run(forksOfA(130, 55, 175));
        BudgetFile budgets = budgets("  - {id: R, benchmark: Bench.a, regression: 10%}\n");

        CheckResult stored = only(evaluator.evaluate(budgets, after, Optional.of(before), Optional.empty()));
        assertThat(stored.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(stored.message()).contains("too noisy to tell against +10.000%: more forks (-Dbudget.forks) narrow the interval")
                .contains("paired mode (-Dbudget.against=git:...)")
                .doesNotContain("paired rounds");

        CheckResult paired = only(new BudgetEvaluator(Statistics.standard(), true).paired(true)
                .evaluate(budgets, after, Optional.of(before), Optional.empty()));
        assertThat(paired.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        // the estimate is the rounds' (+30%, -8%, +25%), the means are the sides' (100 -> 120 ns/op)
        assertThat(paired.message()).contains("(estimated from the paired rounds; the sides' means 100.0 -> 120.0 ns/op,")
                .contains("more rounds (-Dbudget.rounds) or adaptive looks (-Dbudget.maxTime)");
    }

    @Test
    void aReferenceBenchmarkIsNeverJudgedAgainstTheBaseline() throws Exception {
        RunResults before = run(
                result(BENCH + ".peer", Mode.AVERAGE_TIME, "ns/op", Map.of(), 100, 100, 100, 100),
                result(BENCH + ".a", Mode.AVERAGE_TIME, "ns/op", Map.of(), 100, 100, 100, 100));
        RunResults after = run(
                result(BENCH + ".peer", Mode.AVERAGE_TIME, "ns/op", Map.of(), 150, 150, 150, 150),
                result(BENCH + ".a", Mode.AVERAGE_TIME, "ns/op", Map.of(), 150, 150, 150, 150));
        Evaluation e = evaluator.evaluate(budgets("  - {id: PEERS, benchmark: Bench.peer, regression: off}\n"), after,
                Optional.of(before), Optional.empty());
        assertThat(e.problems()).isEmpty();
        assertThat(e.results()).hasSize(1);
        assertThat(e.results().get(0).benchmark().benchmark()).isEqualTo(BENCH + ".a");
        assertThat(e.results().get(0).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aBaselineFromAnotherMachineOnlyWarns() throws Exception {
        Environment here = new Environment("Eclipse Adoptium", "17.0.15", "OpenJDK", "Linux", "amd64", "EPYC", 2, "1.37", List.of());
        Environment there = new Environment("Eclipse Adoptium", "21.0.2", "OpenJDK", "Linux", "amd64", "Xeon", 16, "1.37", List.of());
        RunResults before = new RunResults("baseline.json",
                List.of(result(BENCH + ".a", Mode.AVERAGE_TIME, "ns/op", Map.of(), 100, 100, 100)),
                Optional.of(there), Optional.empty(), Optional.empty());
        RunResults after = run(result(BENCH + ".a", Mode.AVERAGE_TIME, "ns/op", Map.of(), 200, 200, 200));
        Evaluation e = evaluator.evaluate(BudgetFile.empty("none"), after, Optional.of(before), Optional.of(here));
        CheckResult r = e.results().get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.level()).isEqualTo(Level.WARN);
        assertThat(e.violations()).isEmpty();
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("different environment").contains("CPU: EPYC vs Xeon"));
        Evaluation strict = new BudgetEvaluator(Statistics.standard(), true)
                .evaluate(BudgetFile.empty("none"), after, Optional.of(before), Optional.of(here));
        assertThat(strict.violations()).hasSize(1);
    }

    @Test
    void aMachineFoundSlowerIsReportedButNeverRaisesTheThreshold() throws Exception {
        Environment fast = new Environment("Eclipse Adoptium", "17.0.15", "OpenJDK", "Linux", "amd64", "EPYC", 2, "1.37", List.of(),
                new MachineSpeed(1.0, 90));
        Environment slow = new Environment("Eclipse Adoptium", "17.0.15", "OpenJDK", "Linux", "amd64", "EPYC", 2, "1.37", List.of(),
                new MachineSpeed(1.9, 95));
        RunResults before = new RunResults("baseline.json",
                List.of(result(BENCH + ".a", Mode.AVERAGE_TIME, "ns/op", Map.of(), 100, 100, 100)),
                Optional.of(fast), Optional.empty(), Optional.empty());
        // 90% slower on a machine the probe found 90% slower: the probe cannot excuse it (it let +56% pass before)
        Evaluation slower = evaluator.evaluate(BudgetFile.empty("none"),
                run(result(BENCH + ".a", Mode.AVERAGE_TIME, "ns/op", Map.of(), 190, 190, 190)), Optional.of(before), Optional.of(slow));
        assertThat(slower.results().get(0).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(slower.results().get(0).limit()).isEqualTo("<= +10.000% vs baseline");
        assertThat(slower.notes()).anySatisfy(n -> assertThat(n).contains("This machine ran the speed probe 90% slower")
                .contains("CPU chain 1.90 vs 1.00 ns per step").contains("Thresholds are not adjusted"));
    }

    @Test
    void warmUpIsLeftOutOfTheVerdictAndNamedInTheNotes() throws Exception {
        // Mean 8.3 ns/op with the warm-up, 6 ns/op without it.
        RunResults run = run(result(BENCH + ".get", Mode.AVERAGE_TIME, "ns/op", params("size", "10"), 13, 12, 7, 6, 6, 6));
        Evaluation e = evaluate("  - {id: G, benchmark: Bench.get, max: 6.5ns}\n", run);
        assertThat(only(e).verdict()).isEqualTo(Verdict.PASS);
        assertThat(only(e).measured()).isCloseTo(6, within(0.01));
        assertThat(e.notes()).contains("Bench.get[size=10] (avgt): 2 of 2 forks trimmed (first 3 iterations still warming up)");
    }

    @Test
    void bothSidesLoseTheirWarmUpAndARegressionAfterItStillFails() throws Exception {
        RunResults before = run(result(BENCH + ".get", Mode.AVERAGE_TIME, "ns/op", Map.of(), 12, 6, 6, 6, 6, 6));
        BudgetFile none = BudgetFile.empty("none");
        // Warm-up that differs between the runs is not a regression (with it: +19%)...
        Evaluation warmer = evaluator.evaluate(none, run(result(BENCH + ".get", Mode.AVERAGE_TIME, "ns/op", Map.of(),
                13, 12, 7, 6, 6, 6)), Optional.of(before), Optional.empty());
        assertThat(warmer.results().get(0).verdict()).isEqualTo(Verdict.PASS);
        assertThat(warmer.results().get(0).change().getAsDouble()).isCloseTo(0, within(0.005));
        assertThat(warmer.notes()).contains("Bench.get (avgt): 2 of 2 forks trimmed (first 3 iterations still warming up)",
                "Baseline Bench.get (avgt): 2 of 2 forks trimmed (first iteration still warming up)");
        // ...a slower steady state is.
        Evaluation slower = evaluator.evaluate(none, run(result(BENCH + ".get", Mode.AVERAGE_TIME, "ns/op", Map.of(),
                13, 12, 9, 9, 9, 9)), Optional.of(before), Optional.empty());
        assertThat(slower.results().get(0).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(slower.results().get(0).change().getAsDouble()).isCloseTo(0.5, within(0.005));
        // A fork that is fast first and slow later is judged whole: its slowdown is not trimmed away.
        Evaluation later = evaluator.evaluate(none, run(result(BENCH + ".get", Mode.THROUGHPUT, "ops/us", Map.of(),
                100, 100, 50, 50, 50)), Optional.of(run(result(BENCH + ".get", Mode.THROUGHPUT, "ops/us", Map.of(),
                100, 100, 100, 100, 100))), Optional.empty());
        assertThat(later.results().get(0).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(later.results().get(0).change().getAsDouble()).isCloseTo(0.3, within(0.005));
        assertThat(later.notes()).noneMatch(n -> n.contains("trimmed") || n.contains("never settled"));
    }

    @Test
    void aBenchmarkThatNeverSettlesIsNamedAndJudgedOnAllItsIterations() throws Exception {
        RunResults run = run(result(BENCH + ".get", Mode.AVERAGE_TIME, "ns/op", Map.of(), 20, 18, 16, 14, 12, 10));
        Evaluation e = evaluate("  - {id: G, benchmark: Bench.get, max: 100ns}\n", run);
        assertThat(only(e).measured()).isCloseTo(15, within(0.01));
        assertThat(e.notes()).anySatisfy(n -> assertThat(n).startsWith("Bench.get (avgt): 2 of 2 forks never settled")
                .contains("-Dbudget.warmupIterations"));
    }
}
