package io.sabot.budget.core.gate;

import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.RunResults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Measures nothing but behaves like JMH towards the gate: it selects benchmarks by the include
 * regexes and {@code -p} pins of the settings, runs {@code -f} forks of each, draws every fork's
 * samples from a per-benchmark source, and moves the clock by a fixed time per fork.
 */
final class FakeJmh implements AdaptiveMeasurement.RoundFork {

    private final Map<BenchmarkKey, BiFunction<Integer, Integer, double[]>> sources = new LinkedHashMap<>();
    private final Map<BenchmarkKey, Integer> forksRun = new HashMap<>();
    private final MutableClock clock;
    private final Duration perFork;
    final List<ForkSettings> calls = new ArrayList<>();
    final List<List<BenchmarkKey>> measured = new ArrayList<>();

    FakeJmh(MutableClock clock, Duration perFork) {
        this.clock = clock;
        this.perFork = perFork;
    }

    /** {@code source(forkNumber, call)} gives the iteration samples of the benchmark's n-th fork overall. */
    FakeJmh benchmark(BenchmarkKey key, BiFunction<Integer, Integer, double[]> source) {
        sources.put(key, source);
        return this;
    }

    /** The first run: {@code forks} forks of every benchmark, as the gate's own first fork would give. */
    RunResults firstRun(int forks) {
        List<BenchmarkResult> results = new ArrayList<>();
        sources.keySet().forEach(k -> results.add(measure(k, forks)));
        return new RunResults("results.json", results, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public RunResults run(ForkSettings settings) {
        calls.add(settings);
        Map<String, String> pinned = FakeJmhOutput.pins(settings);
        int forks = settings.jmh().forks().orElseThrow();
        List<BenchmarkResult> results = new ArrayList<>();
        List<BenchmarkKey> selected = new ArrayList<>();
        for (BenchmarkKey key : sources.keySet()) {
            boolean included = FakeJmhOutput.included(settings, key.benchmark());
            boolean pinnedMatch = pinned.entrySet().stream().allMatch(e -> e.getValue().equals(key.params().get(e.getKey())));
            if (included && pinnedMatch) {
                selected.add(key);
                results.add(measure(key, forks));
            }
        }
        measured.add(selected);
        return new RunResults(settings.outputDirectory().resolve("results.json").toString(), results,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private BenchmarkResult measure(BenchmarkKey key, int forks) {
        double[][] samples = new double[forks][];
        for (int f = 0; f < forks; f++) {
            int n = forksRun.merge(key, 1, Integer::sum);
            samples[f] = sources.get(key).apply(n, calls.size());
        }
        clock.advance(perFork.multipliedBy(forks));
        return Forks.result(key, samples);
    }
}
