package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.fork.BenchmarkFork;
import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkRun;
import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.fork.ListedBenchmark;
import io.sabot.budget.core.io.ShardManifestFile;
import io.sabot.budget.core.model.JmhOptions;
import io.sabot.budget.core.model.ShardManifest;
import io.sabot.budget.core.model.ShardSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** budget:check -Dbudget.shard=K/N in stored mode, with a fake JMH that honours includes and -p pins. */
class BudgetGateShardTest {

    private static final String P = "io.x.P.run";
    private static final String Q = "io.x.Q.run";
    private static final List<String> SIZES = List.of("1", "2", "3");

    @TempDir
    Path dir;

    private final List<ForkSettings> calls = new ArrayList<>();

    private final BenchmarkFork fakeJmh = new BenchmarkFork() {
        @Override
        public ForkRun run(ForkSettings settings, ForkListener listener) throws java.io.IOException {
            calls.add(settings);
            Map<String, String> pins = FakeJmhOutput.pins(settings);
            FakeJmhOutput output = new FakeJmhOutput();
            int forks = settings.jmh().forks().orElse(1);
            for (String name : List.of(P, Q)) {
                if (!FakeJmhOutput.included(settings, name)) {
                    continue;
                }
                for (String size : name.equals(P) ? SIZES : List.of("")) {
                    if (name.equals(P) && !pins.getOrDefault("size", size).equals(size)) {
                        continue;
                    }
                    List<double[]> raw = new ArrayList<>();
                    for (int f = 0; f < forks; f++) {
                        raw.add(new double[] {99.5, 100, 100.5, 99.8, 100.2});
                    }
                    output.add(name, size.isEmpty() ? Map.of() : Map.of("size", size), "", raw);
                }
            }
            return output.write(settings);
        }

        @Override
        public List<ListedBenchmark> list(ForkSettings settings) {
            return List.of(new ListedBenchmark(P, Map.of("size", SIZES)), new ListedBenchmark(Q, Map.of()));
        }
    };

    private GateOutcome shard(int k, int n, int forks) throws Exception {
        Path budgetFile = dir.resolve("performance-budgets.yml");
        Files.writeString(budgetFile, "version: 1\nbudgets:\n  - {id: IMPOSSIBLE, benchmark: P.run, max: 1ns}\n");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/BenchmarkList"), "listed");
        GateSettings settings = new GateSettings(budgetFile, true, dir.resolve("baseline.json"), dir.resolve("shard-" + k),
                true, false, false, Optional.empty(), Optional.empty(), "test", Optional.empty(), 20);
        JmhOptions run = JmhOptions.NONE.withForks(forks);
        RunOverrides overrides = new RunOverrides(Path.of("java"), List.of(classes), dir, List.of(), List.of(), run, List.of(),
                Duration.ofMinutes(10), false, 1);
        return new BudgetGate(Statistics.standard(), fakeJmh, (o, d, b, e) -> { }, new MutableClock())
                .check(settings, overrides, AdaptiveSettings.OFF, Optional.empty(), Optional.of(new ShardSpec(k, n)),
                        ForkListener.NONE);
    }

    private Set<String> units(Path resultsFile) throws Exception {
        Set<String> units = new HashSet<>();
        for (JsonNode r : new ObjectMapper().readTree(resultsFile.toFile())) {
            units.add(r.get("benchmark").asText() + r.path("params").path("size").asText(""));
        }
        return units;
    }

    @Test
    void eachShardMeasuresAndConfirmsOnlyItsOwnUnitsPinnedAndRecordsThemForTheMerge() throws Exception {
        GateOutcome first = shard(1, 2, 2);
        List<ForkSettings> firstCalls = List.copyOf(calls);
        calls.clear();
        shard(2, 2, 2);

        Set<String> one = units(dir.resolve("shard-1/results.json"));
        Set<String> two = units(dir.resolve("shard-2/results.json"));
        assertThat(one).doesNotContainAnyElementsOf(two);
        Set<String> all = new HashSet<>(one);
        all.addAll(two);
        assertThat(all).containsExactlyInAnyOrder(P + "1", P + "2", P + "3", Q);
        // two forks, spread as two rounds of one fork; every P run pinned to one size
        assertThat(firstCalls).allSatisfy(c -> assertThat(c.jmh().forks()).contains(1));
        assertThat(firstCalls).filteredOn(c -> c.includes().stream().anyMatch(re -> re.contains("P.run")))
                .allSatisfy(c -> assertThat(c.jmhArgs()).contains("-p"));
        // the broken limit failed in the shard, was confirmed on its own units only, and the build is not failed by it
        assertThat(first.fails()).isTrue();
        assertThat(first.evaluation().notes().get(0)).startsWith("Shard 1/2: ");
        Path confirm = dir.resolve("shard-1/confirm-1/results.json");
        assertThat(units(confirm)).isSubsetOf(one);

        ShardManifest manifest = ShardManifestFile.read(dir.resolve("shard-1/shard.json"));
        assertThat(manifest.shard()).isEqualTo(new ShardSpec(1, 2));
        assertThat(manifest.suite()).hasSize(4);
        assertThat(manifest.units()).hasSize(one.size());
        assertThat(manifest.confirmations()).containsExactly("confirm-1/results.json");
        assertThat(manifest.budgetFileSha256()).matches("[0-9a-f]{64}");

        GateSettings merging = new GateSettings(dir.resolve("performance-budgets.yml"), true, dir.resolve("baseline.json"),
                dir.resolve("merged"), true, false, false, Optional.empty(), Optional.empty(), "test", Optional.empty(), 20);
        GateOutcome merged = new BudgetGate(Statistics.standard(), fakeJmh, (o, d, b, e) -> { }, new MutableClock())
                .merge(merging, List.of(dir.resolve("shard-1"), dir.resolve("shard-2")), false, dir);
        assertThat(merged.failures()).hasSize(3).allSatisfy(f -> assertThat(f.notes()).anyMatch(n -> n.startsWith("confirmed by rerun 1")));
    }
}
