package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.fork.BenchmarkFork;
import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkRun;
import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.model.PairedRun;
import io.sabot.budget.core.model.Verdict;
import io.sabot.budget.core.paired.Against;
import io.sabot.budget.core.paired.BaselineCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Adaptive rounds of paired mode on a parameterized benchmark: a fake JMH that honours the include
 * regexes and {@code -p} pins, one benchmark with six {@code @Param} values of which one is undecided.
 * The adaptive rounds must measure that combination only, both sides of it, and pair it fork by fork.
 */
class BudgetGatePairedAdaptiveTest {

    private static final String SIZED = "io.x.Bench.sized";
    private static final List<String> SIZES = List.of("1", "2", "3", "4", "5", "6");
    /** The undecided one: 10% slower (the threshold) with much more noise than the others. */
    private static final String NOISY = "4";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final List<ForkSettings> calls = new ArrayList<>();
    private final Random noise = new Random(3);
    /** The sizes 10% slower with much more noise than the others: undecided after the first look. */
    private java.util.Set<String> noisySizes = java.util.Set.of(NOISY);
    /**
     * Sizes whose machine speed swings by 20% from pair to pair, alike for both forks of a pair: their
     * regression checks decide at once (the pairs' ratios agree), their limits, on this side's forks alone, do not.
     */
    private java.util.Set<String> swingingSizes = java.util.Set.of();
    /** Per size, this code's slowdown factor by fork (round) on this side, in the order the forks run; 1 beyond its end. */
    private Map<String, double[]> scripted = Map.of();
    private final Map<String, Integer> currentForks = new HashMap<>();
    private int confirm = 0;

    private boolean isBaseline(ForkSettings s) {
        return s.classpath().contains(dir.resolve("base"));
    }

    private final BenchmarkFork fakeJmh = new BenchmarkFork() {
        @Override
        public ForkRun run(ForkSettings settings, ForkListener listener) throws java.io.IOException {
            calls.add(settings);
            Map<String, String> pinned = pins(settings);
            ObjectMapper json = new ObjectMapper();
            ArrayNode results = json.createArrayNode();
            boolean included = settings.includes().isEmpty()
                    || settings.includes().stream().anyMatch(re -> Pattern.compile(re).matcher(SIZED).find());
            for (String size : SIZES) {
                if (!included || (pinned.containsKey("size") && !pinned.get("size").equals(size))) {
                    continue;
                }
                boolean noisy = noisySizes.contains(size);
                double factor = isBaseline(settings) ? 1 : noisy ? 1.10 : 1.0;
                if (!isBaseline(settings) && scripted.containsKey(size)) {
                    int f = currentForks.merge(size, 1, Integer::sum) - 1;
                    factor = f < scripted.get(size).length ? scripted.get(size)[f] : 1;
                }
                double forkEffect = 1 + noise.nextGaussian() * (noisy ? 0.08 : 0.005);
                if (swingingSizes.contains(size)) {
                    forkEffect *= 1 + new Random((calls.size() - 1) / 2).nextGaussian() * 0.2; // the pair's two runs: calls 2k+1, 2k+2
                }
                ObjectNode result = results.addObject().put("benchmark", SIZED).put("mode", "avgt").put("threads", 1)
                        .put("forks", 1).put("jmhVersion", "1.37");
                result.putObject("params").put("size", size);
                ObjectNode primary = result.putObject("primaryMetric").put("scoreUnit", "ns/op");
                ArrayNode fork = primary.putArray("rawData").addArray();
                double sum = 0;
                for (int i = 0; i < 5; i++) {
                    double v = 100 * Integer.parseInt(size) * factor * forkEffect * (1 + noise.nextGaussian() * 0.002);
                    fork.add(v);
                    sum += v;
                }
                primary.put("score", sum / 5);
                clock.advance(Duration.ofSeconds(2));
            }
            Files.createDirectories(settings.outputDirectory());
            json.writeValue(settings.resultsFile().toFile(), results);
            return new ForkRun(settings.resultsFile(), "fake jmh", 0, List.of(), settings.outputDirectory().resolve("fork.log"));
        }

        @Override
        public List<io.sabot.budget.core.fork.ListedBenchmark> list(ForkSettings settings) {
            return List.of(new io.sabot.budget.core.fork.ListedBenchmark(SIZED, Map.of("size", SIZES)));
        }
    };

    private static Map<String, String> pins(ForkSettings settings) {
        Map<String, String> pinned = new HashMap<>();
        for (int i = 0; i < settings.jmhArgs().size() - 1; i++) {
            if (settings.jmhArgs().get(i).equals("-p")) {
                String[] kv = settings.jmhArgs().get(i + 1).split("=", 2);
                pinned.put(kv[0], kv[1]);
            }
        }
        return pinned;
    }

    private GateOutcome check(AdaptiveSettings adaptive, List<PairedRun> runs) throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/BenchmarkList"), "listed");
        GateSettings settings = new GateSettings(dir.resolve("performance-budgets.yml"), false, dir.resolve("baseline.json"),
                dir.resolve("budget"), true, false, false, Optional.empty(), Optional.empty(), "test", Optional.empty(), 20);
        RunOverrides overrides = new RunOverrides(Path.of("java"), List.of(classes), dir, List.of(), List.of(),
                io.sabot.budget.core.model.JmhOptions.NONE, List.of(), Duration.ofMinutes(10), false, confirm);
        GateReporter reporter = (outcome, data, baseline, environment) -> data.paired().ifPresent(runs::add);
        List<Path> base = List.of(dir.resolve("base"));
        return new BudgetGate(Statistics.standard(), fakeJmh, reporter, clock).check(settings, overrides, adaptive,
                Optional.of(new PairedSettings(new Against.ClassPath(base), (a, c, l) -> new BaselineCode("classpath:base", base),
                        OptionalLong.of(5), OptionalInt.of(3))), ForkListener.NONE);
    }

    @Test
    void adaptiveRoundsMeasureOnlyTheUndecidedParamCombinationOnBothSides() throws Exception {
        List<PairedRun> runs = new ArrayList<>();
        GateOutcome outcome = check(new AdaptiveSettings(Duration.ofMinutes(30), 2), runs);

        List<CheckResult> regressions = outcome.evaluation().results().stream()
                .filter(r -> r.kind() == CheckKind.REGRESSION).toList();
        assertThat(regressions).hasSize(SIZES.size());
        assertThat(regressions).filteredOn(r -> !r.benchmark().params().get("size").equals(NOISY))
                .allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.PASS));
        // first look: 3 rounds x 6 combinations x 2 sides, each run pinned to its combination (JMH listed them with -lp);
        // then 2 adaptive looks x 3 rounds x 2 sides of size=4 only
        int firstLook = 3 * SIZES.size() * 2;
        List<ForkSettings> adaptiveCalls = calls.subList(firstLook, calls.size());
        assertThat(calls.subList(0, firstLook)).allSatisfy(s -> assertThat(pins(s)).containsOnlyKeys("size"));
        assertThat(calls.subList(0, 2 * SIZES.size()).stream().map(s -> pins(s).get("size")).distinct()).hasSize(SIZES.size());
        assertThat(adaptiveCalls).hasSize(12).allSatisfy(s -> assertThat(pins(s)).containsExactly(Map.entry("size", NOISY)));
        assertThat(adaptiveCalls.stream().filter(this::isBaseline)).hasSize(6);

        PairedRun run = runs.get(0);
        assertThat(run.pairs()).hasSize(3 * SIZES.size() + 6);
        assertThat(run.pairs().subList(3 * SIZES.size(), run.pairs().size()))
                .allSatisfy(p -> assertThat(p.params()).containsExactly(Map.entry("size", NOISY)));
        CheckResult noisy = regressions.stream().filter(r -> r.benchmark().params().get("size").equals(NOISY)).findFirst()
                .orElseThrow();
        assertThat(run.pairsOf(noisy.benchmark())).hasSize(9);
        CheckResult quiet = regressions.get(0);
        assertThat(run.pairsOf(quiet.benchmark())).hasSize(3);
        // both sides hold one fork per pair of each combination: 9 for the undecided one, 3 for the others
        assertThat(run.baseline().find(noisy.benchmark()).orElseThrow().primary().rawData()).hasSize(9);
        assertThat(run.baseline().find(quiet.benchmark()).orElseThrow().primary().rawData()).hasSize(3);
    }

    /**
     * An error-level limit left undecided by the first look's forks gets adaptive rounds even though its
     * benchmark's regression check decided at once (the engine's CKPT-005 on 2026-12-05: [38.4, 100.0] ms
     * against <= 100 ms, never measured again because only regression checks were).
     */
    @Test
    void anUndecidedLimitGetsAdaptivePairsThoughItsRegressionCheckDecided() throws Exception {
        noisySizes = java.util.Set.of();
        swingingSizes = java.util.Set.of("2");
        Files.writeString(dir.resolve("performance-budgets.yml"), "version: 1\ndefaults: {regression: 10%}\nbudgets:\n"
                + "  - {id: LIMIT, benchmark: io.x.Bench.sized, params: {size: 2}, max: 300ns}\n");
        List<PairedRun> runs = new ArrayList<>();
        GateOutcome outcome = check(new AdaptiveSettings(Duration.ofMinutes(30), 2), runs);

        CheckResult regression = outcome.evaluation().results().stream()
                .filter(r -> r.kind() == CheckKind.REGRESSION && r.benchmark().params().get("size").equals("2"))
                .findFirst().orElseThrow();
        assertThat(regression.verdict()).isEqualTo(Verdict.PASS);
        List<ForkSettings> adaptiveCalls = calls.subList(3 * SIZES.size() * 2, calls.size());
        assertThat(adaptiveCalls).isNotEmpty().allSatisfy(s -> assertThat(pins(s)).containsExactly(Map.entry("size", "2")));
        assertThat(adaptiveCalls.stream().filter(this::isBaseline)).hasSize(adaptiveCalls.size() / 2);
        CheckResult limit = outcome.evaluation().results().stream().filter(r -> r.id().equals("LIMIT")).findFirst()
                .orElseThrow();
        assertThat(runs.get(0).pairsOf(limit.benchmark())).hasSizeGreaterThan(3);
        assertThat(io.sabot.budget.core.io.ResultFiles.read(dir.resolve("budget/results.json")).find(limit.benchmark())
                .orElseThrow().primary().rawData()).hasSizeGreaterThan(3);
    }

    @Test
    void whenTheTimeLeftCannotPayForEveryUndecidedCombinationTheRoundsMeasureTheOnesThatFit() throws Exception {
        noisySizes = java.util.Set.of("3", NOISY);
        List<PairedRun> runs = new ArrayList<>();
        // The first look costs 12 s of (fake) clock per combination (6 forks of 2 s): 20 s pay for one more, not two.
        // (JVM starts cost nothing on the fake clock, so pinned runs cost what the whole benchmark's did.)
        GateOutcome outcome = check(new AdaptiveSettings(Duration.ofSeconds(20), 2), runs);

        List<ForkSettings> adaptiveCalls = calls.subList(3 * SIZES.size() * 2, calls.size());
        assertThat(adaptiveCalls).isNotEmpty().allSatisfy(s -> assertThat(pins(s)).hasSize(1));
        assertThat(adaptiveCalls.stream().map(s -> pins(s).get("size")).distinct()).hasSize(1);
        assertThat(outcome.evaluation().notes()).anyMatch(n -> n.matches("Adaptive paired look 2: 3 more round\\(s\\) of 1 undecided"
                + " benchmark\\(s\\) \\(of \\d+; the time left pays for these, nearest to a decision first\\)"));
    }

    /**
     * Loaded +15% builds of 2026-12-06. At 02:31 work09 failed at the first look, its confirmation rounds
     * (one of them disturbed) left it undecided, and it ended the build INCONCLUSIVE with two adaptive looks
     * unspent; in another (03:13) work08's confirmation came after the adaptive looks another benchmark had
     * spent. Now a look's failures are confirmed before the next look, an overturned one takes part in the
     * looks left, and its failure, repeated there, stands. Size 4 stays undecided and takes every look too.
     */
    @Test
    void aFailureItsConfirmationLeavesUndecidedGoesBackToTheAdaptiveLooksLeft() throws Exception {
        String size = "5";
        // two disturbed confirmation rounds (0.95, 0.96): DisturbedRound leaves out one, the other keeps it undecided
        scripted = Map.of(size, new double[] {1.30, 1.31, 1.29, 1.30, 0.95, 0.96, 1.30, 1.31, 1.29, 1.30, 1.31, 1.29});
        confirm = 1;
        List<PairedRun> runs = new ArrayList<>();
        GateOutcome outcome = check(new AdaptiveSettings(Duration.ofMinutes(30), 2), runs);

        CheckResult scriptedCheck = outcome.evaluation().results().stream()
                .filter(r -> r.kind() == CheckKind.REGRESSION && r.benchmark().params().get("size").equals(size)).findFirst()
                .orElseThrow();
        assertThat(scriptedCheck.notes()).anySatisfy(n -> assertThat(n).startsWith("failed in the first run"));
        assertThat(scriptedCheck.verdict()).isEqualTo(Verdict.FAIL);
        // the disturbed confirmation round left in (0.96) keeps it undecided at the second look too; the third decides
        assertThat(scriptedCheck.notes()).contains("decided at look 3 after more paired rounds",
                "failed again after its confirmation rounds had left it undecided: the failure repeated");
        // 3 first-look rounds, 3 confirmation rounds, 3 + 3 of the adaptive looks; no second confirmation
        assertThat(runs.get(0).pairsOf(scriptedCheck.benchmark())).hasSize(12);
        CheckResult noisy = outcome.evaluation().results().stream()
                .filter(r -> r.kind() == CheckKind.REGRESSION && r.benchmark().params().get("size").equals(NOISY)).findFirst()
                .orElseThrow();
        assertThat(runs.get(0).pairsOf(noisy.benchmark())).as("size 4, in every look").hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void adaptiveGroupsAreCutByParamCombinationAndGroupSize() {
        List<io.sabot.budget.core.model.BenchmarkKey> keys = List.of(
                Forks.key("io.x.A.a", Map.of("n", "1")), Forks.key("io.x.A.b", Map.of("n", "1")),
                Forks.key("io.x.A.c", Map.of("n", "1")), Forks.key("io.x.A.d", Map.of("n", "1")),
                Forks.key("io.x.A.a", Map.of("n", "2")), Forks.key("io.x.A.e", Map.of("s", "x,y")));
        List<PairedMeasurement.Group> groups = PairedMeasurement.groups(keys.stream().map(PairedMeasurement.Unit::of).toList());
        assertThat(groups).extracting(PairedMeasurement.Group::names).containsExactly(
                List.of("io.x.A.a", "io.x.A.b", "io.x.A.c"), List.of("io.x.A.d"), List.of("io.x.A.a"), List.of("io.x.A.e"));
        assertThat(groups).extracting(PairedMeasurement.Group::pins).containsExactly(
                Map.of("n", "1"), Map.of("n", "1"), Map.of("n", "2"), Map.of());
        // a value -p cannot carry stays open in the run, yet the pair names it, so it counts for that combination only
        assertThat(groups.get(3).params()).isEqualTo(Map.of("s", "x,y"));
    }
}
