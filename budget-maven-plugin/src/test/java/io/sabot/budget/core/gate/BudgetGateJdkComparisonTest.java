package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.fork.BenchmarkFork;
import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkRun;
import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.fork.ListedBenchmark;
import io.sabot.budget.core.io.ResultFiles;
import io.sabot.budget.core.model.JdkComparison;
import io.sabot.budget.core.model.JmhOptions;
import io.sabot.budget.core.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * budget:check comparing JDKs, with a fake JMH that tells the JDKs apart by their java executable and
 * moves the machine's speed from one run of a group to the next by up to +/-25% (the same for every
 * JDK's fork of that run, as the interleaving intends): the ratios must cancel it.
 */
class BudgetGateJdkComparisonTest {

    private static final String SAME = "io.x.Bench.same";
    private static final String SLOWER = "io.x.Bench.slower";

    @TempDir
    Path dir;

    private final List<ForkSettings> calls = new ArrayList<>();
    /** Per JDK label, per benchmark, how much slower (time per op) that JDK runs it than the reference. */
    private final Map<String, Map<String, Double>> factor = new LinkedHashMap<>();
    private final Random noise = new Random(42);
    private double machine = 1;
    private int jdkCount;

    private final BenchmarkFork fakeJmh = new BenchmarkFork() {
        @Override
        public ForkRun run(ForkSettings settings, ForkListener listener) throws java.io.IOException {
            calls.add(settings);
            if ((calls.size() - 1) % jdkCount == 0) {
                machine = 0.75 + noise.nextDouble() * 0.5;
            }
            String jdk = JdkComparison.Jdk.of(settings.javaExecutable()).label();
            FakeJmhOutput output = new FakeJmhOutput();
            for (String name : List.of(SAME, SLOWER)) {
                if (!FakeJmhOutput.included(settings, name)) {
                    continue;
                }
                double base = 100 * machine * factor.getOrDefault(jdk, Map.of()).getOrDefault(name, 1.0);
                output.add(name, Map.of(), jdk.replace("jdk-", ""), List.of(FakeJmhOutput.noisyFork(noise, base)));
            }
            return output.write(settings);
        }

        @Override
        public List<ListedBenchmark> list(ForkSettings settings) {
            return List.of(ListedBenchmark.unlisted(SAME), ListedBenchmark.unlisted(SLOWER));
        }
    };

    private JdkComparison.Jdk jdk(String name) {
        return JdkComparison.Jdk.of(dir.resolve("jvm").resolve(name).resolve("bin").resolve("java"));
    }

    private GateOutcome compare(String budgets, List<JdkComparison.Jdk> jdks, Optional<String> budgetsOn, long seed)
            throws Exception {
        jdkCount = jdks.size();
        Path budgetFile = dir.resolve("performance-budgets.yml");
        Files.writeString(budgetFile, "version: 1\nbudgets:" + (budgets.isEmpty() ? " []\n" : "\n" + budgets));
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/BenchmarkList"), "listed");
        GateSettings settings = new GateSettings(budgetFile, true, dir.resolve("baseline.json"), dir.resolve("budget"),
                true, false, false, Optional.empty(), Optional.empty(), "test", Optional.empty(), 20);
        RunOverrides overrides = new RunOverrides(jdks.get(0).java(), List.of(classes), dir, List.of(), List.of(),
                JmhOptions.NONE, List.of(), Duration.ofMinutes(10), true, 1);
        List<String> console = new ArrayList<>();
        StandardReporter reporter = new StandardReporter(settings, console::add, Instant.now(), List.of());
        GateOutcome outcome = new BudgetGate(Statistics.standard(), fakeJmh, reporter, new MutableClock())
                .compareJdks(settings, overrides, new JdkSettings(jdks, budgetsOn, OptionalLong.of(seed), OptionalInt.of(5)),
                        ForkListener.NONE);
        this.console = console;
        return outcome;
    }

    private List<String> console;

    private static CheckResult check(GateOutcome outcome, String id, String benchmark) {
        return outcome.evaluation().results().stream()
                .filter(r -> r.id().equals(id) && r.benchmark().benchmark().equals(benchmark)).findFirst().orElseThrow();
    }

    @Test
    void everyJdkIsComparedWithTheFirstOnPairedRatiosThatCancelTheMachinesDrift() throws Exception {
        factor.put("jdk-25", Map.of(SLOWER, 1.30));
        GateOutcome outcome = compare("", List.of(jdk("jdk-17"), jdk("jdk-25")), Optional.empty(), 7);

        CheckResult same = check(outcome, "regression @jdk-25", SAME);
        CheckResult slower = check(outcome, "regression @jdk-25", SLOWER);
        assertThat(same.verdict()).isEqualTo(Verdict.PASS);
        assertThat(slower.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(slower.interval()).contains("paired t");
        assertThat(slower.limit()).isEqualTo("<= +10.000% vs JDK jdk-17");
        assertThat(slower.notes()).anySatisfy(n -> assertThat(n).startsWith("paired rounds, jdk-25 / jdk-17: 1.3"));
        assertThat(slower.message()).contains("than the JDK jdk-17");
        assertThat(outcome.fails()).isTrue();
        // a failure repeats before it fails the build: 5 more rounds of the failed benchmark alone, on both JDKs
        assertThat(slower.notes()).anySatisfy(n -> assertThat(n).startsWith("confirmed by rerun 1"));
        assertThat(calls).hasSize(2 * 5 + 2 * 5);
        assertThat(calls.subList(10, 20)).allSatisfy(c -> assertThat(c.includes()).hasSize(1)
                .allSatisfy(re -> assertThat(re).contains("slower")));
        // the reference is not compared with itself
        assertThat(outcome.evaluation().results()).noneMatch(r -> r.id().endsWith("@jdk-17") && r.kind() == CheckKind.REGRESSION);
        assertThat(outcome.evaluation().notes()).anySatisfy(n -> assertThat(n).startsWith("JDK comparison: jdk-17 (17), jdk-25 (25)")
                .contains("seed 7").contains("stored baseline is not used"));
        assertThat(outcome.evaluation().notes()).noneMatch(n -> n.contains("No baseline:"));
    }

    @Test
    void roundsRunOneForkPerJdkInASeededRandomOrderWithOnlyTheJavaChanged() throws Exception {
        List<JdkComparison.Jdk> jdks = List.of(jdk("jdk-17"), jdk("jdk-21"), jdk("jdk-25"));
        compare("", jdks, Optional.empty(), 99);
        List<List<Path>> orders = new ArrayList<>();
        for (int i = 0; i < calls.size(); i += 3) {
            List<ForkSettings> run = calls.subList(i, i + 3);
            assertThat(run).extracting(ForkSettings::javaExecutable).containsExactlyInAnyOrder(
                    jdks.get(0).java(), jdks.get(1).java(), jdks.get(2).java());
            assertThat(run).extracting(ForkSettings::includes).containsOnly(run.get(0).includes());
            assertThat(run).extracting(ForkSettings::jmh).containsOnly(run.get(0).jmh());
            assertThat(run.get(0).jmh().forks()).contains(1);
            orders.add(run.stream().map(ForkSettings::javaExecutable).toList());
        }
        assertThat(calls).hasSize(5 * 3);
        assertThat(orders).as("the order is drawn at random, not always the same").hasSizeGreaterThan(1)
                .matches(o -> o.stream().distinct().count() > 1);
        List<ForkSettings> first = List.copyOf(calls);
        calls.clear();
        compare("", jdks, Optional.empty(), 99);
        assertThat(calls).extracting(ForkSettings::javaExecutable)
                .as("the seed fixes the order").containsExactlyElementsOf(first.stream().map(ForkSettings::javaExecutable).toList());
    }

    @Test
    void limitsJudgeEveryJdkOrOnlyTheOneNamed() throws Exception {
        factor.put("jdk-25", Map.of(SAME, 3.0));
        String budget = "  - {id: S, benchmark: Bench.same, max: 200ns}\n";
        GateOutcome every = compare(budget, List.of(jdk("jdk-17"), jdk("jdk-25")), Optional.empty(), 3);
        assertThat(check(every, "S @jdk-17", SAME).verdict()).isEqualTo(Verdict.PASS);
        assertThat(check(every, "S @jdk-25", SAME).verdict()).isEqualTo(Verdict.FAIL);

        GateOutcome one = compare(budget, List.of(jdk("jdk-17"), jdk("jdk-25")), Optional.of("jdk-17"), 3);
        assertThat(one.evaluation().results()).extracting(CheckResult::id)
                .contains("S @jdk-17").doesNotContain("S @jdk-25").contains("regression @jdk-25");
        assertThat(one.evaluation().notes()).contains("Budget limits judge jdk-17 only (<budgetJdk>)");
    }

    @Test
    void reportsShowEachBenchmarkPerJdkWithTheRatioAndItsInterval() throws Exception {
        factor.put("jdk-25", Map.of(SLOWER, 1.30));
        compare("", List.of(jdk("jdk-17"), jdk("jdk-25")), Optional.empty(), 5);

        JsonNode report = new ObjectMapper().readTree(dir.resolve("budget/report.json").toFile());
        JsonNode jdks = report.get("jdks");
        assertThat(jdks.get("reference").asText()).isEqualTo("jdk-17");
        assertThat(jdks.get("seed").asLong()).isEqualTo(5);
        // 5 rounds of both benchmarks, then 5 confirmation rounds of the failed one
        assertThat(jdks.get("runs")).hasSize(10);
        assertThat(jdks.get("runs").get(9).get("benchmarks")).hasSize(1);
        JsonNode slower = null;
        for (JsonNode b : jdks.get("benchmarks")) {
            if (b.get("benchmark").asText().equals(SLOWER)) {
                slower = b;
            }
        }
        assertThat(slower).isNotNull();
        JsonNode reference = slower.get("results").get(0);
        JsonNode other = slower.get("results").get(1);
        assertThat(reference.get("ratio").asDouble()).isEqualTo(1.0);
        assertThat(other.get("jdk").asText()).isEqualTo("jdk-25");
        assertThat(other.get("ratio").asDouble()).isBetween(1.25, 1.35);
        assertThat(other.get("low").asDouble()).isGreaterThan(1.1).isLessThan(other.get("ratio").asDouble());
        assertThat(other.get("high").asDouble()).isGreaterThan(other.get("ratio").asDouble());
        assertThat(other.get("verdict").asText()).isEqualTo("FAIL");

        String md = Files.readString(dir.resolve("budget/report.md"));
        assertThat(md).contains("### JDK comparison").contains("| Benchmark | jdk-17 | jdk-25 | jdk-25 / jdk-17 |")
                .containsPattern("Bench\\.slower.*\\| 1\\.3\\d\\dx \\\\\\[1\\.\\d{3}, 1\\.\\d{3}\\\\\\] FAIL \\|");
        String html = Files.readString(dir.resolve("budget/report.html"));
        assertThat(html).contains("<section id=\"jdks\">").contains("<th>jdk-25 / jdk-17</th>");
        assertThat(console).anySatisfy(l -> assertThat(l).startsWith("JDK comparison: reference jdk-17 (17)"));
        assertThat(console).anySatisfy(l -> assertThat(l).contains("Bench.slower (avgt)").containsPattern("1\\.3\\d\\dx \\["));
        // each JDK's forks are plain JMH JSON: the reference's in results.json (for budget:baseline), the others beside it
        assertThat(ResultFiles.read(dir.resolve("budget/results.json")).results().get(0).jdkVersion()).isEqualTo("17");
        assertThat(ResultFiles.read(dir.resolve("budget/results-jdk-25.json")).results().get(0).primary().rawData()).hasSize(5);
    }

    @Test
    void aFailedRatioBudgetOfOneJdkIsConfirmedWithItsPeer() throws Exception {
        GateOutcome outcome = compare("  - {id: R, benchmark: Bench.same, faster-than: Bench.slower, by: 2x}\n",
                List.of(jdk("jdk-17"), jdk("jdk-25")), Optional.of("jdk-25"), 8);
        assertThat(check(outcome, "R @jdk-25", SAME).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(calls).hasSize(2 * 5 + 2 * 5);
        // the budget is found under its JDK-tagged id, so its peer is measured again too
        assertThat(calls.subList(10, 20)).allSatisfy(c -> assertThat(c.includes()).hasSize(2));
    }

    @Test
    void aJdkListedTwiceOrABudgetJdkNotListedIsRefused() {
        assertThatThrownBy(() -> new JdkSettings(List.of(jdk("jdk-17"), jdk("jdk-17")), Optional.empty(), OptionalLong.empty(),
                OptionalInt.empty())).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> new JdkSettings(List.of(jdk("jdk-17"), jdk("jdk-25")), Optional.of("jdk-21"),
                OptionalLong.empty(), OptionalInt.empty())).hasMessageContaining("'jdk-21' is none of the compared JDKs (jdk-17, jdk-25)");
    }
}
