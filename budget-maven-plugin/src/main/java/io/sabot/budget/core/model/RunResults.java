package io.sabot.budget.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of one run, read from plain JMH JSON or from a baseline file (which adds the
 * environment, the time and the reason it was recorded).
 */
public record RunResults(String source, List<BenchmarkResult> results, Optional<Environment> environment,
                         Optional<Instant> recordedAt, Optional<String> reason) {

    public RunResults {
        Objects.requireNonNull(source, "source");
        results = List.copyOf(results);
    }

    public Optional<BenchmarkResult> find(BenchmarkKey key) {
        return results.stream().filter(r -> r.key().equals(key)).findFirst();
    }
}
