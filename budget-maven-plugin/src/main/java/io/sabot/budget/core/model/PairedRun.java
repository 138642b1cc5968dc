package io.sabot.budget.core.model;

import java.util.List;
import java.util.Objects;

/**
 * How a paired run measured the baseline code beside the current code: where the baseline code came
 * from, the seed that drew the order of each pair, and every pair in the order it ran. Fork
 * {@code i} of a benchmark on one side and fork {@code i} on the other were measured in the same pair,
 * seconds apart, so the per-round ratio of their means is the unit of evidence.
 *
 * @param baselineSource the baseline code as people read it: {@code git:HEAD~1 (commit 1a2b3c4d)},
 *                       {@code artifact:g:a:v}, {@code classpath:...}
 * @param baseline       the baseline side's results: ordinary JMH results, one fork per round
 * @param seed           the seed of the random order within each pair (reproduces the order)
 * @param pairs          every pair that ran, in order
 */
public record PairedRun(String baselineSource, RunResults baseline, long seed, List<Pair> pairs) {

    public PairedRun {
        Objects.requireNonNull(baselineSource, "baselineSource");
        Objects.requireNonNull(baseline, "baseline");
        pairs = List.copyOf(pairs);
    }

    /**
     * One pair: a JMH run of a few benchmarks on one side, followed at once by the same run on the other.
     *
     * @param round         1-based round; fork {@code round - 1} of each benchmark in {@code benchmarks}
     * @param benchmarks    the benchmark names the pair ran (all their {@code @Param} combinations)
     * @param baselineFirst whether the baseline side ran first
     */
    public record Pair(int round, List<String> benchmarks, boolean baselineFirst) {
        public Pair {
            benchmarks = List.copyOf(benchmarks);
        }
    }

    /** The order in which the given benchmark's rounds ran, e.g. "B A" per round ("A" = this code, "B" = baseline). */
    public List<Pair> pairsOf(String benchmark) {
        return pairs.stream().filter(p -> p.benchmarks().contains(benchmark)).toList();
    }
}
