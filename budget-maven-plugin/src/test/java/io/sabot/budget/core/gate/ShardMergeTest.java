package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.io.FileDigest;
import io.sabot.budget.core.io.ShardManifestFile;
import io.sabot.budget.core.model.BenchmarkUnit;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.ShardManifest;
import io.sabot.budget.core.model.ShardSpec;
import io.sabot.budget.core.model.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * budget:merge on shards written as budget:check writes them: the merged verdicts are those of the same
 * forks judged as one run (budget:compare), and every way shards can fail to belong together is refused.
 */
class ShardMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Environment HERE = new Environment("Eclipse Adoptium", "17.0.12", "OpenJDK 64-Bit Server VM", "Linux",
            "amd64", "Intel Xeon", 2, "1.37", List.of());

    @TempDir
    Path dir;

    private final List<BenchmarkUnit> suite = new ArrayList<>();
    /** Per unit, its forks this run (3 x 5 iterations) and at the baseline. */
    private final Map<BenchmarkUnit, double[][]> now = new TreeMap<>();
    private final Map<BenchmarkUnit, double[][]> then = new TreeMap<>();
    private Path budgets;
    private Path baseline;
    private final List<GateOutcome> reported = new ArrayList<>();

    @BeforeEach
    void suite() throws IOException {
        Random random = new Random(7);
        String[] plain = {"io.x.Codec.decode", "io.x.Codec.encode", "io.x.Map.get", "io.x.Map.put", "io.x.Sort.small"};
        for (String name : plain) {
            suite.add(new BenchmarkUnit(name, Map.of()));
        }
        for (String size : new String[] {"10", "100", "1000"}) {
            suite.add(new BenchmarkUnit("io.x.Scan.range", Map.of("size", size)));
        }
        for (BenchmarkUnit u : suite) {
            double base = 100 + random.nextInt(900);
            // Map.put is 40% slower now, Scan.range[size=1000] 3% (within the threshold), the rest unchanged
            double factor = u.benchmark().equals("io.x.Map.put") ? 1.4 : u.label().endsWith("size=1000]") ? 1.03 : 1.0;
            then.put(u, forks(random, base));
            now.put(u, forks(random, base * factor));
        }
        budgets = Files.writeString(dir.resolve("performance-budgets.yml"), """
                version: 1
                defaults:
                  regression: 10%
                budgets:
                  - id: FAST
                    benchmark: "io.x.Map.*"
                    max: 800ns
                  - id: SCAN
                    benchmark: "*.Scan.range"
                    params: { size: 1000 }
                    max: 1ms
                """);
        baseline = write(dir.resolve("baseline.json"), then, suite);
    }

    private static double[][] forks(Random random, double mean) {
        double[][] forks = new double[3][5];
        for (double[] fork : forks) {
            double forkMean = mean * (1 + 0.01 * random.nextGaussian());
            for (int i = 0; i < fork.length; i++) {
                fork[i] = forkMean * (1 + 0.005 * random.nextGaussian());
            }
        }
        return forks;
    }

    private static Path write(Path file, Map<BenchmarkUnit, double[][]> samples, List<BenchmarkUnit> units) throws IOException {
        FakeJmhOutput results = new FakeJmhOutput().settings(1, "100 ms", 5, "100 ms");
        for (BenchmarkUnit u : units) {
            results.add(u.benchmark(), u.params(), "17.0.12", List.of(samples.get(u)));
        }
        return results.writeTo(file);
    }

    /** Writes shard k of n as budget:check -Dbudget.shard=k/n leaves it; returns its directory. */
    private Path shard(int k, int n, List<BenchmarkUnit> units, Environment environment, String budgetSha, Optional<String> commit)
            throws IOException {
        Path shard = dir.resolve("artifacts").resolve("shard-" + k);
        write(shard.resolve("results.json"), now, units);
        ShardManifestFile.write(shard.resolve(ShardManifest.FILE_NAME), new ShardManifest(new ShardSpec(k, n), suite, units,
                commit, environment, budgetSha, Optional.of(FileDigest.sha256(baseline)), 1, false, Optional.empty(), List.of()));
        return shard;
    }

    private List<Path> shardsAsPlanned(int n) throws IOException {
        ShardPlan plan = ShardPlan.assign(suite, u -> 1000, n);
        List<Path> dirs = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            dirs.add(shard(k, n, plan.of(new ShardSpec(k, n)), HERE, FileDigest.sha256(budgets), Optional.empty()));
        }
        return dirs;
    }

    private BudgetGate gate() {
        return new BudgetGate(Statistics.standard(), null, (outcome, data, base, env) -> reported.add(outcome));
    }

    private GateSettings settings(String output) {
        return new GateSettings(budgets, true, baseline, dir.resolve(output), true, false, false, Optional.empty(),
                Optional.empty(), "it", Optional.empty(), 20);
    }

    private static Map<String, Verdict> verdicts(GateOutcome outcome) {
        return outcome.evaluation().results().stream().collect(Collectors.toMap(r -> r.id() + " " + r.benchmark(),
                CheckResult::verdict, (a, b) -> a, TreeMap::new));
    }

    @Test
    void mergedShardsGiveTheVerdictsOfTheSameForksJudgedAsOneRun() throws Exception {
        List<Path> shards = shardsAsPlanned(3);
        GateOutcome merged = gate().merge(settings("merged"), List.of(dir.resolve("artifacts")), false, dir);

        Path whole = write(dir.resolve("unsharded/results.json"), now, suite);
        GateOutcome asOne = gate().compare(settings("as-one"), whole, baseline);

        assertThat(verdicts(merged)).isEqualTo(verdicts(asOne));
        assertThat(verdicts(merged)).containsEntry("regression io.x.Map.put (avgt)", Verdict.FAIL)
                .containsEntry("regression io.x.Codec.decode (avgt)", Verdict.PASS);
        assertThat(merged.fails()).isTrue();
        assertThat(merged.evaluation().notes().get(0)).startsWith("Merged 3 shards of 3: 8 result(s) of 8 unit(s)");
        // the merged forks are written as one plain JMH file, for budget:baseline
        assertThat(JSON.readTree(dir.resolve("merged/results.json").toFile())).hasSize(8);
        assertThat(shards).hasSize(3);
    }

    @Test
    void aMissingShardIsRefusedNamingItAndTheCommandThatRerunsIt() throws Exception {
        List<Path> shards = shardsAsPlanned(3);
        assertThatThrownBy(() -> gate().merge(settings("m"), List.of(shards.get(0), shards.get(2)), false, dir))
                .isInstanceOf(GateException.class)
                .hasMessageContaining("shard 2/3 is missing")
                .hasMessageContaining("mvn verify -Dbudget.shard=2/3")
                .hasMessageContaining("was run by no shard");
    }

    @Test
    void aUnitRunByTwoShardsIsRefused() throws Exception {
        ShardPlan plan = ShardPlan.assign(suite, u -> 1000, 2);
        String sha = FileDigest.sha256(budgets);
        List<BenchmarkUnit> second = new ArrayList<>(plan.of(new ShardSpec(2, 2)));
        second.add(plan.of(new ShardSpec(1, 2)).get(0));
        Path a = shard(1, 2, plan.of(new ShardSpec(1, 2)), HERE, sha, Optional.empty());
        Path b = shard(2, 2, second, HERE, sha, Optional.empty());
        assertThatThrownBy(() -> gate().merge(settings("m"), List.of(a, b), false, dir))
                .hasMessageContaining(plan.of(new ShardSpec(1, 2)).get(0).label() + " was run twice, by shard 1/2");
    }

    @Test
    void theSameShardGivenTwiceIsRefused() throws Exception {
        List<Path> shards = shardsAsPlanned(2);
        assertThatThrownBy(() -> gate().merge(settings("m"), List.of(shards.get(0), shards.get(1), shards.get(0)), false, dir))
                .hasMessageContaining("shard 1/2 was given twice");
    }

    @Test
    void shardsFromDifferentEnvironmentsAreRefusedUnlessAcceptedAndThenTheReportSaysSo() throws Exception {
        ShardPlan plan = ShardPlan.assign(suite, u -> 1000, 2);
        String sha = FileDigest.sha256(budgets);
        Environment elsewhere = new Environment("Eclipse Adoptium", "17.0.12", "OpenJDK 64-Bit Server VM", "Linux", "amd64",
                "AMD EPYC", 4, "1.37", List.of());
        List<Path> shards = List.of(shard(1, 2, plan.of(new ShardSpec(1, 2)), HERE, sha, Optional.empty()),
                shard(2, 2, plan.of(new ShardSpec(2, 2)), elsewhere, sha, Optional.empty()));
        assertThatThrownBy(() -> gate().merge(settings("m"), shards, false, dir))
                .hasMessageContaining("shard 2/2")
                .hasMessageContaining("ran in another environment than shard 1/2")
                .hasMessageContaining("(CPU: AMD EPYC vs Intel Xeon, cores: 4 vs 2)")
                .hasMessageContaining("-Dbudget.acceptMixedEnvironments=true");

        GateOutcome accepted = gate().merge(settings("m"), shards, true, dir);
        assertThat(accepted.evaluation().notes()).anyMatch(n -> n.startsWith("Shards ran in different environments, accepted"));
    }

    @Test
    void aShardWithAnotherBudgetFileIsRefused() throws Exception {
        ShardPlan plan = ShardPlan.assign(suite, u -> 1000, 2);
        List<Path> shards = List.of(shard(1, 2, plan.of(new ShardSpec(1, 2)), HERE, FileDigest.sha256(budgets), Optional.empty()),
                shard(2, 2, plan.of(new ShardSpec(2, 2)), HERE, "0".repeat(64), Optional.empty()));
        assertThatThrownBy(() -> gate().merge(settings("m"), shards, false, dir))
                .hasMessageContaining("shard 2/2 (" + shards.get(1) + ") used another budget file than this merge")
                .hasMessageContaining("-Dbudget.budgetFile");
    }

    @Test
    void aShardFromAnotherCommitIsRefused() throws Exception {
        ShardPlan plan = ShardPlan.assign(suite, u -> 1000, 2);
        String sha = FileDigest.sha256(budgets);
        List<Path> shards = List.of(shard(1, 2, plan.of(new ShardSpec(1, 2)), HERE, sha, Optional.of("1111111aaaa")),
                shard(2, 2, plan.of(new ShardSpec(2, 2)), HERE, sha, Optional.of("2222222bbbb")));
        assertThatThrownBy(() -> gate().merge(settings("m"), shards, false, dir))
                .hasMessageContaining("shard 2/2 (" + shards.get(1) + ") measured commit 2222222bbbb, shard 1/2")
                .hasMessageContaining("a shard from another commit");
    }

    @Test
    void aDirectoryWithoutShardsIsRefusedWithTheCommandThatMakesThem() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> gate().merge(settings("m"), List.of(dir.resolve("empty")), false, dir))
                .hasMessageContaining("holds no shard.json")
                .hasMessageContaining("-Dbudget.shard=K/N");
    }
}
