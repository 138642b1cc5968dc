package io.sabot.budget.core.gate;

import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.fork.ListedBenchmark;
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
import java.util.function.Predicate;

/**
 * Measures the baseline code beside the current code, pair by pair (randomized multiple interleaved
 * trials; Abedi and Brecht 2017, Laaber et al. 2019). The benchmarks are cut into small groups; in
 * every round each group runs as one JMH run with one fork on one side, followed at once by the same
 * run on the other side, the order within the pair drawn at random from a recorded seed. The two
 * forks of a pair are thus seconds apart, not a suite apart, and the machine's drift (which moves
 * the same code 3-13% within an hour on the VMs this was built on) cancels in their ratio. The unit
 * is a benchmark at one {@code @Param} combination: a group holds at most {@link #GROUP_SIZE} of them,
 * pinned with {@code -p} ({@link #groups}), so a benchmark with many combinations does not hold a
 * pair's two forks minutes apart.
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
    Sides run(Sides sides, ForkSettings current, ForkSettings baseline, List<Unit> paired, List<String> currentOnly,
              int rounds, Path directory) throws GateException {
        return run(sides, current, baseline, paired, currentOnly, key -> true, rounds, directory);
    }

    /** {@link #run}, keeping only the results {@code keep} accepts (a shard's units; the rest are another shard's). */
    Sides run(Sides sides, ForkSettings current, ForkSettings baseline, List<Unit> paired, List<String> currentOnly,
              Predicate<BenchmarkKey> keep, int rounds, Path directory) throws GateException {
        long names = paired.stream().map(Unit::name).distinct().count();
        String what = names + " benchmark(s) on both sides" + (paired.size() == names ? "" : " (" + paired.size()
                + " @Param combinations)") + (currentOnly.isEmpty() ? "" : ", " + currentOnly.size() + " on this side only");
        return measure(sides, current, baseline, paired, currentOnly, keep, rounds, directory, what);
    }

    /**
     * Runs {@code rounds} more rounds of exactly {@code keys} on both sides (the adaptive rounds): each
     * at its {@code @Param} combination, so a decided combination of a parameterized benchmark is not
     * measured again. (A value with a comma cannot be passed to {@code -p}; such a parameter is left
     * open and the surplus results are dropped, never pooled.)
     * Reference benchmarks ({@code regression: off}) among them run on this side only
     * ({@code currentOnly}); only the results among {@code wanted} are kept.
     */
    Sides runKeys(Sides sides, ForkSettings current, ForkSettings baseline, List<BenchmarkKey> keys,
                  List<String> currentOnly, List<BenchmarkKey> wanted, int rounds, Path directory) throws GateException {
        Set<BenchmarkKey> kept = new LinkedHashSet<>(wanted);
        String what = keys.size() + " undecided benchmark(s) at their @Param values, on both sides"
                + (currentOnly.isEmpty() ? "" : ", " + currentOnly.size() + " reference(s) on this side only");
        return measure(sides, current, baseline, keys.stream().map(Unit::of).toList(), currentOnly, kept::contains, rounds,
                directory, what);
    }

    private Sides measure(Sides sides, ForkSettings current, ForkSettings baseline, List<Unit> paired, List<String> currentOnly,
                          Predicate<BenchmarkKey> keep, int rounds, Path directory, String what) throws GateException {
        Map<BenchmarkKey, BenchmarkResult> now = new LinkedHashMap<>(sides.current());
        Map<BenchmarkKey, BenchmarkResult> before = new LinkedHashMap<>(sides.baseline());
        List<PairedRun.Pair> pairs = new ArrayList<>(sides.pairs());
        List<Path> currentFiles = new ArrayList<>(sides.currentFiles());
        List<Path> baselineFiles = new ArrayList<>(sides.baselineFiles());
        List<Group> groups = groups(paired);
        List<List<String>> lonely = chunks(currentOnly);
        for (int r = 1; r <= rounds; r++) {
            int round = sides.rounds() + r;
            listener.note("Paired round " + round + " (" + r + " of " + rounds + " now): " + what + ", " + groups.size()
                    + " pair(s) of JMH runs");
            for (int g = 0; g < groups.size(); g++) {
                Group group = groups.get(g);
                boolean baselineFirst = random.nextBoolean();
                Path pairDirectory = directory.resolve("round-" + round).resolve("pair-" + (g + 1));
                ForkSettings a = group.fork(current, pairDirectory.resolve("current"));
                ForkSettings b = group.fork(baseline, pairDirectory.resolve("baseline"));
                RunResults first = fork.run(baselineFirst ? b : a);
                RunResults second = fork.run(baselineFirst ? a : b);
                append(now, only(baselineFirst ? second : first, keep), currentFiles, a.resultsFile());
                append(before, only(baselineFirst ? first : second, keep), baselineFiles, b.resultsFile());
                // the pair names its pins, so it counts as a round of exactly the results it pooled
                pairs.add(new PairedRun.Pair(round, group.names(), group.params(), baselineFirst));
            }
            for (int g = 0; g < lonely.size(); g++) {
                ForkSettings a = oneFork(current, lonely.get(g), directory.resolve("round-" + round).resolve("current-only-" + (g + 1)));
                append(now, only(fork.run(a), keep), currentFiles, a.resultsFile());
            }
        }
        return new Sides(now, before, pairs, sides.rounds() + rounds, currentFiles, baselineFiles);
    }

    /**
     * What one run measures of a benchmark: one {@code @Param} combination, pinned with {@code -p}, or
     * the whole benchmark (every combination) when its combinations are not known or cannot all be
     * pinned (JMH splits a {@code -p} value on commas).
     *
     * @param name   the benchmark
     * @param pins   the {@code -p} values this unit needs
     * @param params the combination the unit stands for, as a pair records it (pins plus values
     *               {@code -p} cannot carry); empty for a whole benchmark
     * @param open   whether a parameter of the benchmark stays open in its run (whole benchmarks with
     *               parameters, combinations holding an unpinnable value): such a unit runs alone, since
     *               another unit's pins would close it
     */
    record Unit(String name, Map<String, String> pins, Map<String, String> params, boolean open) {

        /** The result {@code key} at exactly its combination. */
        static Unit of(BenchmarkKey key) {
            Map<String, String> pins = new TreeMap<>();
            key.params().forEach((name, value) -> {
                if (!value.isEmpty() && !value.contains(",")) {
                    pins.put(name, value);
                }
            });
            return new Unit(key.benchmark(), pins, new TreeMap<>(key.params()), pins.size() < key.params().size());
        }

        boolean compatibleWith(Map<String, String> groupPins) {
            return pins.entrySet().stream().allMatch(p -> groupPins.getOrDefault(p.getKey(), p.getValue()).equals(p.getValue()));
        }
    }

    /**
     * The units of the benchmarks JMH listed on both sides, in this side's order: one per {@code @Param}
     * combination where both sides declare the same values and each can be pinned, else the whole
     * benchmark (then its results are paired by their combination as they come). With
     * {@code userPins} (the user's own {@code -p} in the JMH arguments) every benchmark runs whole,
     * as the user restricted it.
     */
    static List<Unit> units(List<ListedBenchmark> here, List<ListedBenchmark> there, boolean userPins) {
        List<Unit> units = new ArrayList<>();
        for (ListedBenchmark b : here) {
            Optional<ListedBenchmark> other = there.stream().filter(t -> t.name().equals(b.name())).findFirst();
            if (other.isEmpty()) {
                continue;
            }
            boolean same = other.get().params().equals(b.params());
            if (b.params().isEmpty() && same) {
                units.add(new Unit(b.name(), Map.of(), Map.of(), false));
            } else if (userPins || !same || !b.pinnable()) {
                units.add(new Unit(b.name(), Map.of(), Map.of(), true));
            } else {
                for (Map<String, String> combination : b.combinations()) {
                    units.add(new Unit(b.name(), combination, combination, false));
                }
            }
        }
        return units;
    }

    /**
     * One JMH run of a pair: benchmark names and the {@code -p} pins that restrict each to its unit.
     * Units whose pins agree share a run (a pin names a parameter, and benchmarks without it ignore
     * it), so the runs are few while each measures exactly its units.
     */
    record Group(List<String> names, Map<String, String> pins, Map<String, String> params) {

        ForkSettings fork(ForkSettings settings, Path directory) {
            List<String> includes = names.stream().map(Patterns::exact).toList();
            return settings.extraForks(includes, pins, 1, directory);
        }
    }

    /** Packs the units in order into groups of at most {@link #GROUP_SIZE} whose pins agree; an open unit runs alone. */
    static List<Group> groups(List<Unit> units) {
        record Open(List<String> names, Map<String, String> pins, Map<String, String> params, boolean closed) {
        }
        List<Open> open = new ArrayList<>();
        for (Unit unit : units) {
            Open target = null;
            if (!unit.open()) {
                for (Open g : open) {
                    if (!g.closed() && g.names().size() < GROUP_SIZE && !g.names().contains(unit.name())
                            && unit.compatibleWith(g.pins())) {
                        target = g;
                        break;
                    }
                }
            }
            if (target == null) {
                target = new Open(new ArrayList<>(), new TreeMap<>(), new TreeMap<>(), unit.open());
                open.add(target);
            }
            target.names().add(unit.name());
            target.pins().putAll(unit.pins());
            target.params().putAll(unit.params());
        }
        return open.stream().map(g -> new Group(List.copyOf(g.names()), Map.copyOf(g.pins()), Map.copyOf(g.params()))).toList();
    }

    private static RunResults only(RunResults run, Predicate<BenchmarkKey> keep) {
        return new RunResults(run.source(), run.results().stream().filter(r -> keep.test(r.key())).toList(),
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

    static List<List<String>> chunks(List<String> names) {
        List<List<String>> groups = new ArrayList<>();
        for (int i = 0; i < names.size(); i += GROUP_SIZE) {
            groups.add(List.copyOf(names.subList(i, Math.min(names.size(), i + GROUP_SIZE))));
        }
        return groups;
    }

    /** One fork of exactly these benchmarks (all their @Param combinations). */
    private static ForkSettings oneFork(ForkSettings settings, List<String> names, Path directory) {
        List<String> includes = names.stream().map(Patterns::exact).toList();
        return settings.rerun(includes, directory).withForks(1);
    }
}
