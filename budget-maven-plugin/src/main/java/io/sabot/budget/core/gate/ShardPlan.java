package io.sabot.budget.core.gate;

import io.sabot.budget.core.model.BenchmarkUnit;
import io.sabot.budget.core.model.JmhOptions;
import io.sabot.budget.core.model.ShardSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Splits a suite's units over {@code N} shards, balanced by expected time, the same way in every
 * shard: the units sorted by name, then placed longest first onto the least-loaded shard (ties: the
 * lower shard number; equal times: by name). Deterministic in its inputs only (the unit list, the run
 * settings and the committed baseline's recorded settings), so shards on different agents agree
 * without talking to each other; the union of the shards is the suite, each unit exactly once.
 *
 * @param shards the units of shard 1..N, each sorted by name
 * @param loads  the expected milliseconds of each shard
 */
record ShardPlan(List<List<BenchmarkUnit>> shards, long[] loads) {

    /** What JMH runs when neither the build nor the benchmark's annotations say otherwise. */
    static final JmhOptions JMH_DEFAULTS = new JmhOptions(Optional.of(5), Optional.of(5), Optional.of(Duration.ofSeconds(10)),
            Optional.of(5), Optional.of(Duration.ofSeconds(10)), Optional.empty(), List.of());

    /** A JVM start and JMH's setup per fork, which dominate short units. */
    static final long FORK_OVERHEAD_MILLIS = 1_000;

    /**
     * Expected milliseconds of one unit: per mode it ran in at the baseline, {@code forks x (warmup +
     * measurement + start)}, with this build's settings over the recorded ones over JMH's defaults.
     */
    static long expectedMillis(BenchmarkUnit unit, JmhOptions run, Map<BenchmarkUnit, List<JmhOptions>> recorded) {
        long total = 0;
        for (JmhOptions mode : recorded.getOrDefault(unit, List.of(JmhOptions.NONE))) {
            JmhOptions o = run.over(mode).over(JMH_DEFAULTS);
            long perFork = o.warmupIterations().orElseThrow() * o.warmupTime().orElseThrow().toMillis()
                    + o.measurementIterations().orElseThrow() * o.measurementTime().orElseThrow().toMillis()
                    + FORK_OVERHEAD_MILLIS;
            total += Math.max(1, o.forks().orElseThrow()) * perFork;
        }
        return total;
    }

    interface Cost {
        long millis(BenchmarkUnit unit);
    }

    static ShardPlan assign(List<BenchmarkUnit> suite, Cost cost, int count) {
        List<BenchmarkUnit> units = new ArrayList<>(new TreeSet<>(suite));
        units.sort(Comparator.comparingLong((BenchmarkUnit u) -> -cost.millis(u)).thenComparing(BenchmarkUnit::label));
        List<List<BenchmarkUnit>> shards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shards.add(new ArrayList<>());
        }
        long[] loads = new long[count];
        for (BenchmarkUnit unit : units) {
            int least = 0;
            for (int i = 1; i < count; i++) {
                if (loads[i] < loads[least]) {
                    least = i;
                }
            }
            shards.get(least).add(unit);
            loads[least] += cost.millis(unit);
        }
        shards.forEach(s -> s.sort(Comparator.naturalOrder()));
        return new ShardPlan(shards.stream().map(List::copyOf).toList(), loads);
    }

    List<BenchmarkUnit> of(ShardSpec spec) {
        return shards.get(spec.index() - 1);
    }

    /** "shard 2/3: 14 of 41 units, about 3 min of 9 min expected". */
    String describe(ShardSpec spec) {
        long all = 0;
        for (long l : loads) {
            all += l;
        }
        int units = shards.stream().mapToInt(List::size).sum();
        return "Shard " + spec + ": " + of(spec).size() + " of " + units + " benchmark unit(s) (a benchmark at one @Param"
                + " combination), about " + seconds(loads[spec.index() - 1]) + " of " + seconds(all) + " expected in all";
    }

    private static String seconds(long millis) {
        return Math.round(millis / 1000.0) + " s";
    }
}
