package io.sabot.budget.core.fork;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A benchmark as JMH lists it with {@code -lp}: its fully qualified name and each {@code @Param}
 * with its values, in JMH's order. Its {@link #combinations()} are the units a paired run pairs:
 * each runs alone with {@code -p name=value} pins.
 *
 * @param name   fully qualified benchmark method
 * @param params parameter name to its values, as JMH printed them
 */
public record ListedBenchmark(String name, Map<String, List<String>> params) {

    public ListedBenchmark {
        Objects.requireNonNull(name, "name");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        params = Collections.unmodifiableMap(copy);
    }

    /** A benchmark whose parameters are not known (they run whole, every combination in one run). */
    public static ListedBenchmark unlisted(String name) {
        return new ListedBenchmark(name, Map.of());
    }

    /**
     * Whether every combination can be pinned with {@code -p}: JMH splits a {@code -p} value on
     * commas, so a value holding one cannot be passed alone, and an empty one is not a value.
     */
    public boolean pinnable() {
        return params.values().stream().flatMap(List::stream).noneMatch(v -> v.isEmpty() || v.contains(","));
    }

    /** Every combination of the parameter values (one empty map without parameters), sorted by name within. */
    public List<Map<String, String>> combinations() {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new TreeMap<>());
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String value : p.getValue()) {
                    Map<String, String> c = new TreeMap<>(partial);
                    c.put(p.getKey(), value);
                    next.add(c);
                }
            }
            out = next;
        }
        return out.stream().map(Collections::unmodifiableMap).toList();
    }
}
