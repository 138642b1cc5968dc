package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.fork.BenchmarkFork;
import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkRun;
import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.io.ResultFiles;
import io.sabot.budget.core.model.JmhOptions;
import io.sabot.budget.core.model.ShardSpec;
import io.sabot.budget.core.model.PairedRun;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import io.sabot.budget.core.paired.Against;
import io.sabot.budget.core.paired.BaselineCode;
import io.sabot.budget.core.paired.BaselineCodeException;
import io.sabot.budget.core.report.ReportData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * budget:check in paired mode with a fake JMH that tells the two sides apart by their classpath and
 * moves the machine's speed between pairs (as another hour or VM does): the pairs must cancel it.
 */
class BudgetGatePairedTest {

    private static final String SAME = "io.x.Bench.same";
    private static final String SLOWER = "io.x.Bench.slower";
    private static final String FASTER = "io.x.Bench.faster";
    private static final String NEW = "io.x.Bench.brandNew";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final List<ForkSettings> calls = new ArrayList<>();
    /** Per benchmark, how much slower (time per op) the current code is than the baseline code. */
    private final Map<String, Double> currentFactor = new LinkedHashMap<>();
    private final List<String> baselineOnly = new ArrayList<>();
    private final List<String> currentOnly = new ArrayList<>();
    private final Random noise = new Random(42);
    private ReportData reportData;
    private double machine = 1;

    private boolean isBaseline(ForkSettings s) {
        return s.classpath().contains(dir.resolve("base"));
    }

    private List<String> names(ForkSettings s) {
        List<String> names = new ArrayList<>(isBaseline(s) ? List.of() : currentOnly);
        currentFactor.keySet().forEach(names::add);
        if (isBaseline(s)) {
            names.addAll(baselineOnly);
        }
        return names;
    }

    private final BenchmarkFork fakeJmh = new BenchmarkFork() {
        @Override
        public ForkRun run(ForkSettings settings, ForkListener listener) throws java.io.IOException {
            calls.add(settings);
            // The machine changes speed from one pair to the next by up to +/-25%, the same for both forks of a pair.
            if (calls.size() % 2 == 1) {
                machine = 0.75 + noise.nextDouble() * 0.5;
            }
            FakeJmhOutput output = new FakeJmhOutput();
            for (String name : names(settings)) {
                if (!settings.includes().isEmpty() && !FakeJmhOutput.included(settings, name)) {
                    continue;
                }
                double base = 100 * machine * (isBaseline(settings) ? 1 : currentFactor.getOrDefault(name, 1.0));
                output.add(name, Map.of(), "", List.of(FakeJmhOutput.noisyFork(noise, base)));
                clock.advance(Duration.ofSeconds(2));
            }
            return output.write(settings);
        }

        @Override
        public List<io.sabot.budget.core.fork.ListedBenchmark> list(ForkSettings settings) {
            return names(settings).stream().map(io.sabot.budget.core.fork.ListedBenchmark::unlisted).toList();
        }
    };

    /** Shard k of n of a paired check, its output in shards/shard-k/, as one job of a CI matrix. */
    private GateOutcome checkShard(int k, int n, long seed) throws Exception {
        Path budgetFile = dir.resolve("performance-budgets.yml");
        Files.writeString(budgetFile, "version: 1\nbudgets:\n  - {id: S, benchmark: Bench.same, max: 1ms}\n");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/BenchmarkList"), "listed");
        GateSettings settings = new GateSettings(budgetFile, true, dir.resolve("baseline.json"), dir.resolve("shards/shard-" + k),
                true, false, false, Optional.empty(), Optional.empty(), "test", Optional.empty(), 20);
        RunOverrides overrides = new RunOverrides(Path.of("java"), List.of(classes), dir, List.of(), List.of(),
                JmhOptions.NONE, List.of(), Duration.ofMinutes(10), true, 1);
        return new BudgetGate(Statistics.standard(), fakeJmh, (o, d, b, e) -> { }, clock).check(settings, overrides,
                AdaptiveSettings.OFF, Optional.of(new PairedSettings(new Against.ClassPath(List.of(dir.resolve("base"))), base(),
                        OptionalLong.of(seed), OptionalInt.of(4))), Optional.of(new ShardSpec(k, n)), ForkListener.NONE);
    }

    @Test
    void pairedShardsPairTheirOwnUnitsAndTheMergeJudgesThemAsOnePairedRun() throws Exception {
        currentFactor.put(SAME, 1.0);
        currentFactor.put(SLOWER, 1.30);
        currentFactor.put(FASTER, 0.80);
        currentOnly.add(NEW);
        GateOutcome first = checkShard(1, 2, 5);
        int firstCalls = calls.size();
        GateOutcome second = checkShard(2, 2, 6);

        // each shard measured only its own benchmarks, on both sides, pair by pair
        List<String> one = first.evaluation().results().stream().map(r -> r.benchmark().benchmark()).distinct().toList();
        List<String> two = second.evaluation().results().stream().map(r -> r.benchmark().benchmark()).distinct().toList();
        assertThat(one).doesNotContainAnyElementsOf(two);
        assertThat(calls.subList(0, firstCalls)).allSatisfy(c -> assertThat(c.includes()).noneMatch(re -> two.stream()
                .anyMatch(name -> Pattern.compile(re).matcher(name).find())));
        assertThat(first.evaluation().notes().get(0)).startsWith("Shard 1/2: 2 of 4 units measured");

        GateSettings merging = new GateSettings(dir.resolve("performance-budgets.yml"), true, dir.resolve("baseline.json"),
                dir.resolve("merged"), true, false, false, Optional.empty(), Optional.empty(), "test", Optional.empty(), 20);
        GateOutcome merged = new BudgetGate(Statistics.standard(), fakeJmh, (o, d, b, e) -> reportData = d, clock)
                .merge(merging, List.of(dir.resolve("shards")), false, dir);
        assertThat(regression(merged, SLOWER).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(regression(merged, SAME).verdict()).isNotEqualTo(Verdict.FAIL);
        assertThat(regression(merged, SLOWER).interval()).contains("paired t");
        assertThat(merged.fails()).isTrue();
        assertThat(reportData.paired().orElseThrow().pairsOf(regression(merged, SLOWER).benchmark())).isNotEmpty();

        // the same forks judged as one paired run by budget:compare give the same verdicts
        GateOutcome compared = new BudgetGate(Statistics.standard(), fakeJmh, (o, d, b, e) -> { }, clock)
                .compare(merging, dir.resolve("merged/results.json"), dir.resolve("merged/baseline-results.json"), true);
        for (String benchmark : List.of(SAME, SLOWER, FASTER)) {
            assertThat(regression(merged, benchmark).verdict()).isEqualTo(regression(compared, benchmark).verdict());
        }
    }

    private GateOutcome check(String budgets, Against against, BaselineCodeProvider provider, long seed, int confirm)
            throws Exception {
        Path budgetFile = dir.resolve("performance-budgets.yml");
        Files.writeString(budgetFile, "version: 1\nbudgets:" + (budgets.isEmpty() ? " []\n" : "\n" + budgets));
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/BenchmarkList"), "listed");
        GateSettings settings = new GateSettings(budgetFile, true, dir.resolve("baseline.json"), dir.resolve("budget"),
                true, false, false, Optional.empty(), Optional.empty(), "test", Optional.empty(), 20);
        RunOverrides overrides = new RunOverrides(Path.of("java"), List.of(classes), dir, List.of(), List.of(),
                JmhOptions.NONE, List.of(), Duration.ofMinutes(10), true, confirm);
        GateReporter reporter = (outcome, data, baseline, environment) -> reportData = data;
        return new BudgetGate(Statistics.standard(), fakeJmh, reporter, clock).check(settings, overrides,
                AdaptiveSettings.OFF, Optional.of(new PairedSettings(against, provider, OptionalLong.of(seed), OptionalInt.of(4))),
                ForkListener.NONE);
    }

    private BaselineCodeProvider base() {
        return (against, commit, listener) -> new BaselineCode("classpath:base", List.of(dir.resolve("base")));
    }

    private static CheckResult regression(GateOutcome outcome, String benchmark) {
        return outcome.evaluation().results().stream()
                .filter(r -> r.kind() == CheckKind.REGRESSION && r.benchmark().benchmark().equals(benchmark))
                .findFirst().orElseThrow();
    }

    @Test
    void pairsCancelTheMachinesDriftAndCatchARealSlowdown() throws Exception {
        currentFactor.put(SAME, 1.0);
        currentFactor.put(SLOWER, 1.30);
        currentFactor.put(FASTER, 0.80);
        GateOutcome outcome = check("  - {id: S, benchmark: Bench.same, max: 1ms}\n",
                new Against.ClassPath(List.of(dir.resolve("base"))), base(), 7, 1);

        // the machine moved by up to +/-25% between pairs; unchanged code still passes, a 30% slowdown fails
        assertThat(regression(outcome, SAME).verdict()).isEqualTo(Verdict.PASS);
        assertThat(regression(outcome, FASTER).verdict()).isEqualTo(Verdict.PASS);
        CheckResult slower = regression(outcome, SLOWER);
        assertThat(slower.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(slower.interval()).contains("paired t");
        assertThat(slower.change().getAsDouble()).isBetween(0.25, 0.35);
        assertThat(slower.slowdown()).hasValueSatisfying(s -> assertThat(s.low()).isGreaterThan(0.10));
        assertThat(slower.notes()).anySatisfy(n -> assertThat(n).startsWith("paired rounds, this code / baseline code: 1.3"));
        assertThat(slower.notes()).anySatisfy(n -> assertThat(n).startsWith("confirmed by rerun 1"));
        assertThat(outcome.fails()).isTrue();
        assertThat(outcome.evaluation().notes()).anySatisfy(n -> assertThat(n).contains("Paired run: the baseline code classpath:base")
                .contains("seed 7"));
    }

    @Test
    void compareJudgesAPairedRunsFilesAgainAsPairs() throws Exception {
        currentFactor.put(SAME, 1.0);
        currentFactor.put(SLOWER, 1.30);
        currentFactor.put(FASTER, 0.80);
        GateOutcome checked = check("", new Against.ClassPath(List.of(dir.resolve("base"))), base(), 21, 0);
        GateSettings settings = new GateSettings(dir.resolve("performance-budgets.yml"), true, dir.resolve("baseline.json"),
                dir.resolve("compared"), true, false, false, Optional.empty(), Optional.empty(), "test", Optional.empty(), 20);
        GateOutcome compared = new BudgetGate(Statistics.standard(), fakeJmh, (o, d, b, e) -> { }, clock)
                .compare(settings, dir.resolve("budget/results.json"), dir.resolve("budget/baseline-results.json"), true);
        for (String benchmark : List.of(SAME, SLOWER, FASTER)) {
            assertThat(regression(compared, benchmark).verdict()).isEqualTo(regression(checked, benchmark).verdict());
            assertThat(regression(compared, benchmark).interval()).contains("paired t");
        }
        assertThat(regression(compared, SLOWER).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void everyPairRunsBothSidesBackToBackWithTheSameSettings() throws Exception {
        currentFactor.put(SAME, 1.0);
        currentFactor.put(SLOWER, 1.0);
        check("", new Against.ClassPath(List.of(dir.resolve("base"))), base(), 11, 0);

        assertThat(calls).hasSize(2 * 4);
        for (int i = 0; i < calls.size(); i += 2) {
            ForkSettings first = calls.get(i);
            ForkSettings second = calls.get(i + 1);
            assertThat(isBaseline(first)).isNotEqualTo(isBaseline(second));
            assertThat(first.includes()).isEqualTo(second.includes());
            assertThat(first.jmh().forks()).contains(1);
            assertThat(first.jmh()).as("both sides run with the same JMH settings").isEqualTo(second.jmh());
        }
        PairedRun run = reportData.paired().orElseThrow();
        assertThat(run.seed()).isEqualTo(11);
        assertThat(run.pairs()).hasSize(4).extracting(PairedRun.Pair::round).containsExactly(1, 2, 3, 4);
        // each side is ordinary JMH JSON holding one fork per round
        RunResults current = ResultFiles.read(dir.resolve("budget/results.json"));
        RunResults baseline = ResultFiles.read(dir.resolve("budget/baseline-results.json"));
        assertThat(current.find(Forks.key(SAME, Map.of())).orElseThrow().primary().rawData()).hasSize(4);
        assertThat(baseline.find(Forks.key(SLOWER, Map.of())).orElseThrow().primary().rawData()).hasSize(4);
    }

    @Test
    void theSeedFixesTheOrderOfEveryPair() throws Exception {
        currentFactor.put(SAME, 1.0);
        check("", new Against.ClassPath(List.of(dir.resolve("base"))), base(), 99, 0);
        List<Boolean> first = reportData.paired().orElseThrow().pairs().stream().map(PairedRun.Pair::baselineFirst).toList();
        calls.clear();
        check("", new Against.ClassPath(List.of(dir.resolve("base"))), base(), 99, 0);
        List<Boolean> again = reportData.paired().orElseThrow().pairs().stream().map(PairedRun.Pair::baselineFirst).toList();
        assertThat(again).isEqualTo(first);
        assertThat(calls).extracting(this::isBaseline).containsExactlyElementsOf(
                first.stream().flatMap(b -> java.util.stream.Stream.of(b, !b)).toList());
    }

    @Test
    void referenceBenchmarksRunOnThisSideOnlyAndStillFeedTheirRatios() throws Exception {
        String peer = "io.x.Bench.peer";
        currentFactor.put(SAME, 1.0);
        currentFactor.put(SLOWER, 1.30);
        currentFactor.put(peer, 1.30); // had it been paired, its 30% would fail the build
        GateOutcome outcome = check("""
                  - {id: PEERS, benchmark: Bench.peer, regression: off}
                  - {id: R, benchmark: Bench.same, faster-than: Bench.peer, by: 0.5x}
                """, new Against.ClassPath(List.of(dir.resolve("base"))), base(), 5, 0);

        assertThat(outcome.evaluation().results()).noneSatisfy(r -> assertThat(r.benchmark().benchmark()).isEqualTo(peer)
                .matches(x -> r.kind() == CheckKind.REGRESSION));
        // the benchmarks of this code are still paired and judged
        assertThat(regression(outcome, SLOWER).change().getAsDouble()).isBetween(0.15, 0.45);
        CheckResult ratio = outcome.evaluation().results().stream().filter(r -> r.id().equals("R")).findFirst().orElseThrow();
        assertThat(ratio.verdict()).isEqualTo(Verdict.PASS);
        assertThat(outcome.evaluation().notes()).anySatisfy(n -> assertThat(n)
                .startsWith("1 reference benchmark(s) (regression: off in the budget file) measured on this side only")
                .endsWith("Bench.peer"));
        // on this side only by design, so not reported as a benchmark the baseline code lacks
        assertThat(outcome.evaluation().notes()).noneSatisfy(n -> assertThat(n).startsWith("No baseline code for").contains("peer"));
        // the reference never ran on the baseline code, and ran once a round on this side
        assertThat(calls).filteredOn(this::isBaseline).allSatisfy(s -> assertThat(s.includes())
                .noneSatisfy(re -> assertThat(re).contains("peer")));
        RunResults current = ResultFiles.read(dir.resolve("budget/results.json"));
        assertThat(current.find(Forks.key(peer, Map.of())).orElseThrow().primary().rawData()).hasSize(4);
        RunResults baseline = ResultFiles.read(dir.resolve("budget/baseline-results.json"));
        assertThat(baseline.find(Forks.key(peer, Map.of()))).isEmpty();
    }

    @Test
    void benchmarksOnOneSideOnlyAreNamedAndNewOnesStillMeetTheirLimits() throws Exception {
        currentFactor.put(SAME, 1.0);
        currentOnly.add(NEW);
        baselineOnly.add("io.x.Bench.gone");
        GateOutcome outcome = check("  - {id: N, benchmark: Bench.brandNew, max: 50ns}\n",
                new Against.ClassPath(List.of(dir.resolve("base"))), base(), 3, 0);

        assertThat(outcome.evaluation().notes())
                .anySatisfy(n -> assertThat(n).startsWith("New benchmark " + NEW))
                .anySatisfy(n -> assertThat(n).startsWith("Removed benchmark io.x.Bench.gone"));
        // named once: the evaluation's note, not a second one from the paired run
        assertThat(outcome.evaluation().notes()).filteredOn(n -> n.contains(NEW)).hasSize(1);
        CheckResult limit = outcome.evaluation().results().stream().filter(r -> r.id().equals("N")).findFirst().orElseThrow();
        assertThat(limit.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(outcome.evaluation().results()).noneSatisfy(r -> assertThat(r.benchmark().benchmark()).isEqualTo(NEW)
                .matches(x -> r.kind() == CheckKind.REGRESSION));
        // the new benchmark ran on this side only, never on the baseline code
        assertThat(calls).filteredOn(this::isBaseline).allSatisfy(s -> assertThat(s.includes())
                .noneSatisfy(re -> assertThat(re).contains("brandNew")));
    }

    @Test
    void missingHistoryFallsBackToTheStoredBaselineAndSaysSo() throws Exception {
        currentFactor.put(SAME, 1.0);
        BaselineCodeProvider shallow = (against, commit, listener) -> {
            throw new BaselineCodeException("The ref of git:HEAD~1 is not in this clone: it is shallow", true);
        };
        GateOutcome outcome = check("", new Against.GitRef("HEAD~1"), shallow, 1, 0);
        assertThat(outcome.evaluation().notes()).anySatisfy(n -> assertThat(n).contains("it is shallow")
                .contains("Falling back to the stored baseline"));
        assertThat(reportData.paired()).isEmpty();
    }

    @Test
    void aRefThatCannotBeHadStopsTheBuildNamingIt() {
        currentFactor.put(SAME, 1.0);
        BaselineCodeProvider typo = (against, commit, listener) -> {
            throw new BaselineCodeException("The git ref 'orgin/main' of git:orgin/main does not name a commit");
        };
        assertThatThrownBy(() -> check("", new Against.GitRef("orgin/main"), typo, 1, 0))
                .isInstanceOf(GateException.class).hasMessageContaining("'orgin/main'");
    }
}
