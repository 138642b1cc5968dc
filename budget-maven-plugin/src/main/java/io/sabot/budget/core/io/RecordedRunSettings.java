package io.sabot.budget.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.sabot.budget.core.model.BenchmarkUnit;
import io.sabot.budget.core.model.JmhOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run settings JMH recorded per result in a results or baseline file (forks, warmup and
 * measurement iterations and times: the benchmarks' annotations as they were applied), per unit and
 * mode, so a sharded run can weigh each unit by the time it takes.
 */
public final class RecordedRunSettings {

    private static final Pattern TIME = Pattern.compile("([0-9.]+)\\s*(ns|us|μs|ms|s|min|m|hr|h)");

    private RecordedRunSettings() {
    }

    /** Per unit, the settings of each mode it ran in; entries JMH did not fill are left empty. */
    public static Map<BenchmarkUnit, List<JmhOptions>> read(Path file) throws ResultFileException {
        Map<BenchmarkUnit, List<JmhOptions>> recorded = new LinkedHashMap<>();
        for (JsonNode entry : ResultFiles.rawResults(file)) {
            if (!entry.path("benchmark").isTextual()) {
                continue;
            }
            Map<String, String> params = new TreeMap<>();
            entry.path("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
            JmhOptions options = new JmhOptions(count(entry, "forks"), count(entry, "warmupIterations"), time(entry, "warmupTime"),
                    count(entry, "measurementIterations"), time(entry, "measurementTime"), Optional.empty(), List.of());
            recorded.computeIfAbsent(new BenchmarkUnit(entry.get("benchmark").asText(), params), u -> new java.util.ArrayList<>())
                    .add(options);
        }
        return recorded;
    }

    private static Optional<Integer> count(JsonNode entry, String field) {
        JsonNode n = entry.path(field);
        return n.isInt() && n.asInt() >= 0 ? Optional.of(n.asInt()) : Optional.empty();
    }

    /** JMH writes times as "10 s", "200 ms". */
    static Optional<Duration> time(JsonNode entry, String field) {
        Matcher m = TIME.matcher(entry.path(field).asText(""));
        if (!m.matches()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(m.group(1));
        double nanos = value * switch (m.group(2)) {
            case "ns" -> 1;
            case "us", "μs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min", "m" -> 60e9;
            default -> 3600e9;
        };
        return Optional.of(Duration.ofNanos(Math.round(nanos)));
    }
}
