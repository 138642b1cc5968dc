package io.sabot.budget.core.gate;

import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.fork.Patterns;
import io.sabot.budget.core.io.PooledResultsWriter;
import io.sabot.budget.core.io.ResultFileException;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.BenchmarkUnit;
import io.sabot.budget.core.model.RunResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Runs exactly a shard's units in stored mode: one JMH run per {@code @Param} combination (the
 * methods sharing it as includes, the values pinned with {@code -p}; whole benchmarks, whose values
 * cannot be pinned, with those without parameters), and with {@code n > 1} forks {@code n} rounds of
 * one fork each, as an unsharded check spreads its forks. Results of other units are dropped, never
 * pooled: they belong to another shard.
 */
final class ShardedRun {

    private ShardedRun() {
    }

    static RunResults run(ForkSettings fork, List<BenchmarkUnit> units, AdaptiveMeasurement.RoundFork runner,
                          ForkListener listener) throws GateException {
        int forks = fork.jmh().forks().orElse(1);
        int rounds = forks < 2 ? 1 : forks;
        Map<SortedMap<String, String>, List<String>> byParams = new LinkedHashMap<>();
        for (BenchmarkUnit u : units) {
            byParams.computeIfAbsent(u.params(), p -> new ArrayList<>()).add(u.benchmark());
        }
        Map<BenchmarkKey, BenchmarkResult> pooled = new LinkedHashMap<>();
        List<Path> templates = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            if (rounds > 1) {
                listener.note("Fork round " + round + " of " + rounds + ": one fork of every unit of this shard");
            }
            int group = 0;
            for (Map.Entry<SortedMap<String, String>, List<String>> e : byParams.entrySet()) {
                group++;
                Path directory = fork.outputDirectory().resolve("shard").resolve("round-" + round).resolve("run-" + group);
                List<String> includes = e.getValue().stream().map(Patterns::exact).toList();
                ForkSettings one = fork.pinned(includes, e.getKey(), directory);
                if (rounds > 1) {
                    one = one.withForks(1);
                }
                boolean added = false;
                for (BenchmarkResult r : runner.run(one).results()) {
                    if (units.stream().noneMatch(u -> u.holds(r.key()))) {
                        continue;
                    }
                    BenchmarkResult before = pooled.get(r.key());
                    added |= before == null;
                    pooled.put(r.key(), before == null ? r : ForkPool.pool(before, r));
                }
                if (added) {
                    templates.add(one.resultsFile());
                }
            }
        }
        RunResults results = new RunResults(fork.resultsFile().toString(), new ArrayList<>(pooled.values()), Optional.empty(),
                Optional.empty(), Optional.empty());
        try {
            PooledResultsWriter.writeCombined(templates, fork.resultsFile(), results);
        } catch (ResultFileException | IOException e) {
            throw new GateException("Cannot write this shard's results to " + fork.resultsFile() + ": " + e.getMessage(), e);
        }
        return results;
    }
}
