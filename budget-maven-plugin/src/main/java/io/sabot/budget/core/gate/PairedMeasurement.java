package io.sabot.budget.core.gate;

import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.fork.Patterns;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.PairedRun;
import io.sabot.budget.core.model.RunResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures the baseline code beside the current code, pair by pair (randomized multiple interleaved
 * trials; Abedi and Brecht 2017, Laaber et al. 2019). The benchmarks are cut into small groups; in
 * every round each group runs as one JMH run with one fork on one side, followed at once by the same
 * run on the other side, the order within the pair drawn at random from a recorded seed. The two
 * forks of a pair are thus seconds apart, not a suite apart, and the machine's drift (which moves
 * the same code 3-13% within an hour on the VMs this was built on) cancels in their ratio.
 *
 * <p>Both sides run with the same JVM, JVM arguments and JMH settings; only the classpath differs.
 * Fork {@code i} of a benchmark on one side was measured in the same pair as fork {@code i} on the
 * other. Benchmarks present on one side only still run on that side every round (limits judge them)
 * and are named, never dropped.
 */
final class PairedMeasurement {

    /** Benchmarks per JMH run of a pair: few enough that a pair's two forks stay seconds apart. */
    static final int GROUP_SIZE = 3;

    private final AdaptiveMeasurement.RoundFork fork;
    private final ForkListener listener;
    private final Random random;
    private final long seed;

    PairedMeasurement(AdaptiveMeasurement.RoundFork fork, ForkListener listener, long seed) {
        this.fork = fork;
        this.listener = listener;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /**
     * What has been measured so far: each side's forks pooled, the pairs in the order they ran, and
     * the JMH files of each side's first fork of every benchmark (the templates of the results files).
     */
    record Sides(Map<BenchmarkKey, BenchmarkResult> current, Map<BenchmarkKey, BenchmarkResult> baseline,
                 List<PairedRun.Pair> pairs, int rounds, List<Path> currentFiles, List<Path> baselineFiles) {

        static Sides empty() {
            return new Sides(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>(), 0, new ArrayList<>(),
                    new ArrayList<>());
        }

        RunResults currentResults(String source) {
            return new RunResults(source, new ArrayList<>(current.values()), Optional.empty(), Optional.empty(), Optional.empty());
        }

        RunResults baselineResults(String source) {
            return new RunResults(source, new ArrayList<>(baseline.values()), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    long seed() {
        return seed;
    }

    /**
     * Runs {@code rounds} more rounds of {@code paired} (both sides) and of the one-sided benchmarks,
     * appending to {@code sides}.
     *
     * @param current  the settings of the current side (its classpath, output under {@code directory})
     * @param baseline the same settings with the baseline code's classpath
     */
    Sides run(Sides sides, ForkSettings current, ForkSettings baseline, List<String> paired, List<String> currentOnly,
              int rounds, Path directory) throws GateException {
        Map<BenchmarkKey, BenchmarkResult> now = new LinkedHashMap<>(sides.current());
        Map<BenchmarkKey, BenchmarkResult> before = new LinkedHashMap<>(sides.baseline());
        List<PairedRun.Pair> pairs = new ArrayList<>(sides.pairs());
        List<Path> currentFiles = new ArrayList<>(sides.currentFiles());
        List<Path> baselineFiles = new ArrayList<>(sides.baselineFiles());
        List<List<String>> groups = groups(paired);
        List<List<String>> lonely = groups(currentOnly);
        for (int r = 1; r <= rounds; r++) {
            int round = sides.rounds() + r;
            listener.note("Paired round " + round + " (" + r + " of " + rounds + " now): " + paired.size()
                    + " benchmark(s) on both sides" + (currentOnly.isEmpty() ? "" : ", " + currentOnly.size() + " on this side only"));
            for (int g = 0; g < groups.size(); g++) {
                List<String> group = groups.get(g);
                boolean baselineFirst = random.nextBoolean();
                Path pairDirectory = directory.resolve("round-" + round).resolve("pair-" + (g + 1));
                ForkSettings a = oneFork(current, group, pairDirectory.resolve("current"));
                ForkSettings b = oneFork(baseline, group, pairDirectory.resolve("baseline"));
                RunResults first = fork.run(baselineFirst ? b : a);
                RunResults second = fork.run(baselineFirst ? a : b);
                RunResults ofCurrent = baselineFirst ? second : first;
                RunResults ofBaseline = baselineFirst ? first : second;
                append(now, ofCurrent, currentFiles, a.resultsFile());
                append(before, ofBaseline, baselineFiles, b.resultsFile());
                pairs.add(new PairedRun.Pair(round, group, baselineFirst));
            }
            for (int g = 0; g < lonely.size(); g++) {
                ForkSettings a = oneFork(current, lonely.get(g), directory.resolve("round-" + round).resolve("current-only-" + (g + 1)));
                append(now, fork.run(a), currentFiles, a.resultsFile());
            }
        }
        return new Sides(now, before, pairs, sides.rounds() + rounds, currentFiles, baselineFiles);
    }

    /**
     * Runs {@code rounds} more rounds of exactly {@code keys} on both sides (the adaptive rounds): like
     * {@link #run}, but each JMH run is pinned to one {@code @Param} combination with {@code -p}, as
     * {@link AdaptiveMeasurement} pins its rounds, so a decided combination of a parameterized benchmark
     * is not measured again, and a pair holds at most {@link #GROUP_SIZE} forks per side. (A value with
     * a comma cannot be passed to {@code -p}; such a parameter is left open and the surplus results are
     * dropped, never pooled.)
     */
    Sides runKeys(Sides sides, ForkSettings current, ForkSettings baseline, List<BenchmarkKey> keys, int rounds,
                  Path directory) throws GateException {
        Map<BenchmarkKey, BenchmarkResult> now = new LinkedHashMap<>(sides.current());
        Map<BenchmarkKey, BenchmarkResult> before = new LinkedHashMap<>(sides.baseline());
        List<PairedRun.Pair> pairs = new ArrayList<>(sides.pairs());
        List<Path> currentFiles = new ArrayList<>(sides.currentFiles());
        List<Path> baselineFiles = new ArrayList<>(sides.baselineFiles());
        Set<BenchmarkKey> wanted = new LinkedHashSet<>(keys);
        List<KeyGroup> groups = keyGroups(keys);
        for (int r = 1; r <= rounds; r++) {
            int round = sides.rounds() + r;
            listener.note("Paired round " + round + " (" + r + " of " + rounds + " now): " + keys.size()
                    + " undecided benchmark(s) at their @Param values, on both sides");
            for (int g = 0; g < groups.size(); g++) {
                KeyGroup group = groups.get(g);
                boolean baselineFirst = random.nextBoolean();
                Path pairDirectory = directory.resolve("round-" + round).resolve("pair-" + (g + 1));
                List<String> includes = group.names().stream().map(Patterns::exact).toList();
                ForkSettings a = current.extraForks(includes, group.pinned(), 1, pairDirectory.resolve("current"));
                ForkSettings b = baseline.extraForks(includes, group.pinned(), 1, pairDirectory.resolve("baseline"));
                RunResults first = fork.run(baselineFirst ? b : a);
                RunResults second = fork.run(baselineFirst ? a : b);
                append(now, only(baselineFirst ? second : first, wanted), currentFiles, a.resultsFile());
                append(before, only(baselineFirst ? first : second, wanted), baselineFiles, b.resultsFile());
                // the pair names the whole combination, so it counts as a round of exactly the keys it pooled
                pairs.add(new PairedRun.Pair(round, group.names(), group.params(), baselineFirst));
            }
        }
        return new Sides(now, before, pairs, sides.rounds() + rounds, currentFiles, baselineFiles);
    }

    /**
     * A JMH run of an adaptive round: benchmark names sharing one @Param combination {@code params};
     * {@code pinned} are the values {@code -p} can carry (all but those holding a comma).
     */
    record KeyGroup(List<String> names, Map<String, String> params) {

        Map<String, String> pinned() {
            Map<String, String> pinned = new TreeMap<>();
            params.forEach((name, value) -> {
                if (!value.contains(",")) {
                    pinned.put(name, value);
                }
            });
            return pinned;
        }
    }

    /** The keys by @Param combination (in first-seen order), each combination's names cut into groups of {@link #GROUP_SIZE}. */
    static List<KeyGroup> keyGroups(List<BenchmarkKey> keys) {
        Map<String, List<BenchmarkKey>> byParams = new LinkedHashMap<>();
        for (BenchmarkKey key : keys) {
            byParams.computeIfAbsent(key.paramsText(), p -> new ArrayList<>()).add(key);
        }
        List<KeyGroup> groups = new ArrayList<>();
        for (List<BenchmarkKey> same : byParams.values()) {
            List<String> names = same.stream().map(BenchmarkKey::benchmark).distinct().toList();
            for (List<String> chunk : groups(names)) {
                groups.add(new KeyGroup(chunk, new TreeMap<>(same.get(0).params())));
            }
        }
        return groups;
    }

    private static RunResults only(RunResults run, Set<BenchmarkKey> keys) {
        return new RunResults(run.source(), run.results().stream().filter(r -> keys.contains(r.key())).toList(),
                run.environment(), run.recordedAt(), run.reason());
    }

    /** Pools {@code run}'s forks into {@code pooled}; {@code file} joins {@code files} when it brought a new result (a template for the combined file). */
    static void append(Map<BenchmarkKey, BenchmarkResult> pooled, RunResults run, List<Path> files, Path file)
            throws GateException {
        boolean added = false;
        for (BenchmarkResult result : run.results()) {
            BenchmarkResult before = pooled.get(result.key());
            if (before == null) {
                added = true;
            }
            pooled.put(result.key(), before == null ? result : ForkPool.pool(before, result));
        }
        if (added) {
            files.add(file);
        }
    }

    static List<List<String>> groups(List<String> names) {
        List<List<String>> groups = new ArrayList<>();
        for (int i = 0; i < names.size(); i += GROUP_SIZE) {
            groups.add(List.copyOf(names.subList(i, Math.min(names.size(), i + GROUP_SIZE))));
        }
        return groups;
    }

    /** One fork of exactly these benchmarks (all their @Param combinations). */
    static ForkSettings oneFork(ForkSettings settings, List<String> names, Path directory) {
        List<String> includes = names.stream().map(Patterns::exact).toList();
        return settings.rerun(includes, directory).withForks(1);
    }
}
