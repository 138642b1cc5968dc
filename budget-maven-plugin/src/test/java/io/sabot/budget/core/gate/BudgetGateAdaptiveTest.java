package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.fork.BenchmarkFork;
import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.io.ResultFiles;
import io.sabot.budget.core.model.JmhOptions;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** budget:check's whole path with a fake JMH fork that writes real JMH JSON: first run, adaptive rounds, confirmation. */
class BudgetGateAdaptiveTest {

    private static final String A = "io.x.Bench.a";
    private static final String B = "io.x.Bench.b";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final Map<String, IntFunction<double[]>> benchmarks = new LinkedHashMap<>();
    private final Map<String, Integer> forksRun = new HashMap<>();
    private final List<ForkSettings> calls = new ArrayList<>();
    private GateOutcome reported;

    /** Writes the JMH JSON of the benchmarks the includes select, {@code -f} forks each, 3 s per fork. */
    private final BenchmarkFork fakeJmh = (settings, listener) -> {
        calls.add(settings);
        ObjectMapper json = new ObjectMapper();
        ArrayNode results = json.createArrayNode();
        int forks = settings.jmh().forks().orElseThrow();
        benchmarks.forEach((name, source) -> {
            if (settings.includes().isEmpty()
                    || settings.includes().stream().anyMatch(re -> Pattern.compile(re).matcher(name).find())) {
                ObjectNode result = results.addObject().put("benchmark", name).put("mode", "avgt").put("threads", 1)
                        .put("forks", forks).put("jmhVersion", "1.37");
                ObjectNode primary = result.putObject("primaryMetric").put("scoreUnit", "ns/op");
                ArrayNode raw = primary.putArray("rawData");
                double sum = 0;
                for (int f = 0; f < forks; f++) {
                    ArrayNode fork = raw.addArray();
                    for (double v : source.apply(forksRun.merge(name, 1, Integer::sum))) {
                        fork.add(v);
                        sum += v;
                    }
                }
                primary.put("score", sum / (forks * 5));
                clock.advance(Duration.ofSeconds(3).multipliedBy(forks));
            }
        });
        Files.createDirectories(settings.outputDirectory());
        json.writeValue(settings.resultsFile().toFile(), results);
        return new io.sabot.budget.core.fork.ForkRun(settings.resultsFile(), "fake jmh", 0, List.of(),
                settings.outputDirectory().resolve("fork.log"));
    };

    private static double[] steady(double value) {
        return new double[] {value * 0.995, value, value * 1.005, value * 0.998, value * 1.002};
    }

    private GateOutcome check(String budgets, AdaptiveSettings adaptive) throws Exception {
        Path budgetFile = dir.resolve("performance-budgets.yml");
        Files.writeString(budgetFile, "version: 1\nbudgets:\n" + budgets);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/BenchmarkList"), "listed");
        GateSettings settings = new GateSettings(budgetFile, true, dir.resolve("baseline.json"), dir.resolve("budget"),
                true, false, false, Optional.empty(), Optional.empty(), "test", Optional.empty(), 20);
        RunOverrides overrides = new RunOverrides(Path.of("java"), List.of(classes), dir, List.of(), List.of(),
                JmhOptions.NONE.withForks(2), List.of(), Duration.ofMinutes(10), false, 1);
        GateReporter reporter = (outcome, current, baseline, environment) -> reported = outcome;
        return new BudgetGate(Statistics.standard(), fakeJmh, reporter, clock).check(settings, overrides, adaptive,
                ForkListener.NONE);
    }

    private static CheckResult check(GateOutcome outcome, String id) {
        return outcome.evaluation().results().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void withoutABudgetTheBuildRunsOnceAtTheFullErrorRate() throws Exception {
        benchmarks.put(A, f -> steady(f == 1 ? 96 : 112));
        GateOutcome outcome = check("  - {id: A, benchmark: Bench.a, max: 110ns}\n", AdaptiveSettings.OFF);

        assertThat(calls).hasSize(2);
        assertThat(check(outcome, "A").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        // two forks and no other benchmark to pool with: the bootstrap
        assertThat(check(outcome, "A").interval()).contains("bootstrap 99% ");
        assertThat(outcome.evaluation().notes()).noneSatisfy(n -> assertThat(n).contains("Adaptive"));
    }

    @Test
    void aMissingBaselineIsNamedWithThePathThatWasLookedAt() throws Exception {
        benchmarks.put(A, f -> steady(100));
        GateOutcome outcome = check("  - {id: A, benchmark: Bench.a, max: 200ns}\n", AdaptiveSettings.OFF);

        assertThat(outcome.evaluation().notes()).anySatisfy(n -> assertThat(n)
                .startsWith("No baseline: " + dir.resolve("baseline.json") + " does not exist, so regression checks skipped")
                .endsWith("or point -Dbudget.baselineFile at the file"));
    }

    @Test
    void aStoredBaselineRunRemovesThePairedFilesOfAnEarlierRunBesideItsResults() throws Exception {
        Path results = dir.resolve("budget/results.json");
        java.nio.file.Files.createDirectories(results.getParent());
        new PairedRecord("git:HEAD~1 (commit 1a2b3c4d5e6f)", 1).write(results);
        java.nio.file.Files.writeString(PairedCheck.baselineFileBeside(results), "[]");
        benchmarks.put(A, f -> steady(100));

        check("  - {id: A, benchmark: Bench.a, max: 200ns}\n", AdaptiveSettings.OFF);

        assertThat(PairedRecord.beside(results)).doesNotExist();
        assertThat(PairedCheck.baselineFileBeside(results)).doesNotExist();
    }

    @Test
    void undecidedBenchmarksGetExtraForksAndTheReportSaysSo() throws Exception {
        benchmarks.put(A, f -> steady(f == 1 ? 96 : f == 2 ? 112 : 100 + (f % 3 - 1)));
        benchmarks.put(B, f -> steady(50));
        GateOutcome outcome = check("  - {id: A, benchmark: Bench.a, max: 110ns}\n  - {id: B, benchmark: Bench.b, max: 100ns}\n",
                new AdaptiveSettings(Duration.ofMinutes(5), 3));

        CheckResult a = check(outcome, "A");
        assertThat(a.verdict()).isEqualTo(Verdict.PASS);
        // Four looks at most: every interval, the first run's included, at 99.75%.
        assertThat(a.interval()).contains("t 99.75% ");
        // B's forks agree exactly, so there is no fork variance to build a t-interval on
        assertThat(check(outcome, "B").interval()).contains("bootstrap 99.75% ");
        assertThat(a.notes()).anySatisfy(n -> assertThat(n).startsWith("decided at adaptive round"));
        assertThat(calls.get(0).includes()).isEmpty();
        assertThat(calls.get(1).includes()).isEmpty();
        assertThat(calls.subList(2, calls.size())).isNotEmpty().allSatisfy(s -> {
            assertThat(s.includes()).containsExactly("^" + Pattern.quote(A) + "$");
            assertThat(s.outputDirectory().getFileName().toString()).startsWith("adaptive-");
        });
        assertThat(reported).isSameAs(outcome);
        // results.json now holds every fork the verdicts rest on, for budget:baseline and budget:compare.
        RunResults stored = ResultFiles.read(dir.resolve("budget/results.json"));
        int rounds = calls.size() - 2;
        assertThat(stored.find(Forks.key(A, Map.of())).orElseThrow().primary().rawData()).hasSize(2 + 2 * rounds);
        assertThat(stored.find(Forks.key(A, Map.of())).orElseThrow().forks()).isEqualTo(2 + 2 * rounds);
        assertThat(stored.find(Forks.key(B, Map.of())).orElseThrow().primary().rawData()).hasSize(2);
        assertThat(Files.readString(dir.resolve("budget/results.json"))).contains("\"jmhVersion\" : \"1.37\"");
        assertThat(outcome.evaluation().notes()).anySatisfy(n -> assertThat(n).contains("round 1 (6.0 s): Bench.a (avgt) +2")
                .contains("Stopped: every error-level check is decided").doesNotContain("Bench.b"));
    }

    @Test
    void adaptiveRoundsComeFirstThenTheFinalFailureIsConfirmedByAFreshRun() throws Exception {
        benchmarks.put(A, f -> steady(f == 1 ? 108 : f == 2 ? 113 : 150 + (f % 3 - 1)));
        GateOutcome outcome = check("  - {id: A, benchmark: Bench.a, max: 110ns}\n", new AdaptiveSettings(Duration.ofMinutes(5), 3));

        CheckResult a = check(outcome, "A");
        assertThat(a.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(a.notes()).anySatisfy(n -> assertThat(n).startsWith("confirmed by rerun 1"));
        ForkSettings last = calls.get(calls.size() - 1);
        assertThat(last.outputDirectory().getFileName().toString()).isEqualTo("confirm-1");
        assertThat(last.jmh().forks()).contains(2);
        assertThat(calls.subList(2, calls.size() - 1)).isNotEmpty()
                .allSatisfy(s -> assertThat(s.outputDirectory().getFileName().toString()).startsWith("adaptive-"));
        assertThat(outcome.fails()).isTrue();
    }

    @Test
    void aBenchmarksForksAreSpreadOverTheRunOneJmhRunPerFork() throws Exception {
        benchmarks.put(A, f -> steady(100 + f));
        benchmarks.put(B, f -> steady(50));
        check("  - {id: A, benchmark: Bench.a, max: 200ns}\n", AdaptiveSettings.OFF);

        // forks = 2: two JMH runs of one fork of every benchmark, so a burst of load cannot hit both forks of one benchmark
        assertThat(calls).hasSize(2).allSatisfy(s -> {
            assertThat(s.jmh().forks()).contains(1);
            assertThat(s.includes()).isEmpty();
        });
        assertThat(calls).extracting(s -> s.outputDirectory().getFileName().toString()).containsExactly("round-1", "round-2");
        RunResults stored = ResultFiles.read(dir.resolve("budget/results.json"));
        assertThat(stored.find(Forks.key(A, Map.of())).orElseThrow().primary().rawData())
                .extracting(fork -> fork[1]).containsExactly(101.0, 102.0);
        assertThat(stored.find(Forks.key(B, Map.of())).orElseThrow().forks()).isEqualTo(2);
    }
}
