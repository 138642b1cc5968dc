package io.sabot.budget.core.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of one run, read from plain JMH JSON or from a baseline file (which adds the
 * environment, the time and the reason it was recorded).
 *
 * <p>A class rather than a record only for the index behind {@link #find}: every check looks its
 * benchmark up in the baseline, and a linear search made a 1,000-benchmark comparison quadratic.
 */
public final class RunResults {

    private final String source;
    private final List<BenchmarkResult> results;
    private final Optional<Environment> environment;
    private final Optional<Instant> recordedAt;
    private final Optional<String> reason;
    /** The first result of each key, as a linear search would find it. */
    private final Map<BenchmarkKey, BenchmarkResult> byKey;

    public RunResults(String source, List<BenchmarkResult> results, Optional<Environment> environment,
                      Optional<Instant> recordedAt, Optional<String> reason) {
        this.source = Objects.requireNonNull(source, "source");
        this.results = List.copyOf(results);
        this.environment = Objects.requireNonNull(environment, "environment");
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.byKey = new HashMap<>();
        for (BenchmarkResult result : this.results) {
            byKey.putIfAbsent(result.key(), result);
        }
    }

    public String source() {
        return source;
    }

    public List<BenchmarkResult> results() {
        return results;
    }

    public Optional<Environment> environment() {
        return environment;
    }

    public Optional<Instant> recordedAt() {
        return recordedAt;
    }

    public Optional<String> reason() {
        return reason;
    }

    public Optional<BenchmarkResult> find(BenchmarkKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunResults r && source.equals(r.source) && results.equals(r.results)
                && environment.equals(r.environment) && recordedAt.equals(r.recordedAt) && reason.equals(r.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, results, environment, recordedAt, reason);
    }

    @Override
    public String toString() {
        return "RunResults[source=" + source + ", results=" + results.size() + " benchmarks, environment=" + environment
                + ", recordedAt=" + recordedAt + ", reason=" + reason + "]";
    }
}
