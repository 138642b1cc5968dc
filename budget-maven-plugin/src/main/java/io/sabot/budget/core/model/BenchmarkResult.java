package io.sabot.budget.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One entry of a JMH JSON result file: a benchmark with its primary and secondary metrics. */
public record BenchmarkResult(
        BenchmarkKey key,
        int threads,
        int forks,
        String jdkVersion,
        String vmName,
        String vmVersion,
        String jmhVersion,
        List<String> jvmArgs,
        Metric primary,
        Map<String, Metric> secondary) {

    public BenchmarkResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(primary, "primary");
        jvmArgs = List.copyOf(jvmArgs);
        secondary = Map.copyOf(secondary);
    }

    /**
     * A secondary metric by name. JMH prefixes profiler metrics with a middle dot ("·gc.alloc.rate");
     * the name matches with or without it.
     */
    public Optional<Metric> secondary(String name) {
        Metric exact = secondary.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        String wanted = stripDot(name);
        return secondary.entrySet().stream()
                .filter(e -> stripDot(e.getKey()).equals(wanted))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private static String stripDot(String name) {
        return name.startsWith("\u00b7") ? name.substring(1) : name;
    }
}
