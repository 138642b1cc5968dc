package io.sabot.budget.core.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
     * @param round         1-based round
     * @param benchmarks    the benchmark names the pair ran
     * @param params        the {@code @Param} values the pair was restricted to ({@code -p}; adaptive rounds run
     *                      exactly the undecided combinations); empty: every combination of {@code benchmarks}
     * @param baselineFirst whether the baseline side ran first
     */
    public record Pair(int round, List<String> benchmarks, Map<String, String> params, boolean baselineFirst) {
        public Pair {
            benchmarks = List.copyOf(benchmarks);
            params = Collections.unmodifiableMap(new TreeMap<>(params));
        }

        /** A pair of every {@code @Param} combination of {@code benchmarks}. */
        public Pair(int round, List<String> benchmarks, boolean baselineFirst) {
            this(round, benchmarks, Map.of(), baselineFirst);
        }

        /**
         * Whether this pair ran a fork of {@code key}: its name, with its values of the parameters the
         * pair fixed (a pair of several benchmarks fixes each one's parameters; one without a parameter
         * ignores its value).
         */
        public boolean ran(BenchmarkKey key) {
            if (!benchmarks.contains(key.benchmark())) {
                return false;
            }
            for (Map.Entry<String, String> p : params.entrySet()) {
                String value = key.params().get(p.getKey());
                if (value != null && !p.getValue().equals(value)) {
                    return false;
                }
            }
            return true;
        }

        /** "[size=10,kind=a]" for a pair restricted to those values, "" otherwise. */
        public String paramsText() {
            return params.isEmpty() ? "" : params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(",", "[", "]"));
        }
    }

    /** The pairs that ran a fork of {@code key}, in the order they ran: its k-th pair ran its k-th fork on each side. */
    public List<Pair> pairsOf(BenchmarkKey key) {
        return pairs.stream().filter(p -> p.ran(key)).toList();
    }
}
