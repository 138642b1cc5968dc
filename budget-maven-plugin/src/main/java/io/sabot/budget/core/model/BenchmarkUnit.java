package io.sabot.budget.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The unit a sharded suite is split into: one benchmark method at one {@code @Param} combination (all
 * its modes). JMH runs exactly one unit with the method's name as include and a {@code -p} per value.
 * A benchmark whose values cannot be pinned ({@code -p} splits on commas) is one unit without values,
 * which holds all its results.
 */
public record BenchmarkUnit(String benchmark, SortedMap<String, String> params) implements Comparable<BenchmarkUnit> {

    public BenchmarkUnit {
        Objects.requireNonNull(benchmark, "benchmark");
        params = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    public BenchmarkUnit(String benchmark, Map<String, String> params) {
        this(benchmark, new TreeMap<>(params));
    }

    /** The unit a result belongs to. */
    public static BenchmarkUnit of(BenchmarkKey key) {
        return new BenchmarkUnit(key.benchmark(), key.params());
    }

    /** The unit's results: at its combination, or every result of the benchmark for a unit without values. */
    public boolean holds(BenchmarkKey key) {
        return benchmark.equals(key.benchmark()) && (params.isEmpty() || params.equals(new TreeMap<>(key.params())));
    }

    /** "io.x.Bench.get[size=10,kind=a]": the unit's identity in shard manifests and messages. */
    public String label() {
        return benchmark + (params.isEmpty() ? "" : params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "[", "]")));
    }

    @Override
    public int compareTo(BenchmarkUnit other) {
        return label().compareTo(other.label());
    }

    @Override
    public String toString() {
        return label();
    }
}
