package io.sabot.budget.core.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * JMH's run settings, each optional: forks ({@code -f}), warmup and measurement iterations and
 * their times ({@code -wi -w -i -r}), profilers ({@code -prof}) and extra JVM arguments
 * ({@code -jvmArgsPrepend}, so that a benchmark's own {@code @Fork} arguments still follow them).
 * One value for every source (the POM or command line, quick mode, the budget file's {@code jmh:}
 * section), layered with {@link #over} as JMH's
 * {@code ChainedOptionsBuilder.parent} layers options: a setting left empty falls through to the
 * next source, and what no source sets falls to the benchmarks' annotations and JMH's defaults.
 *
 * @param profilers empty: not set here (a lower source or the gate's default decides)
 * @param jvmArgs   every source's arguments are passed, lower sources first (see {@link #over})
 */
public record JmhOptions(
        Optional<Integer> forks,
        Optional<Integer> warmupIterations,
        Optional<Duration> warmupTime,
        Optional<Integer> measurementIterations,
        Optional<Duration> measurementTime,
        Optional<List<String>> profilers,
        List<String> jvmArgs) {

    /** Nothing set. */
    public static final JmhOptions NONE = new JmhOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), List.of());

    public JmhOptions {
        Objects.requireNonNull(forks, "forks");
        Objects.requireNonNull(warmupIterations, "warmupIterations");
        Objects.requireNonNull(warmupTime, "warmupTime");
        Objects.requireNonNull(measurementIterations, "measurementIterations");
        Objects.requireNonNull(measurementTime, "measurementTime");
        profilers = profilers.map(List::copyOf);
        jvmArgs = List.copyOf(jvmArgs);
    }

    /**
     * These options layered over {@code lower}: every setting made here wins, every other comes from
     * {@code lower}. JVM arguments are the exception: they add up, {@code lower}'s first, so that a
     * budget file's {@code -Xmx1g} and a POM's {@code -Xss1m} both reach the benchmark JVMs.
     */
    public JmhOptions over(JmhOptions lower) {
        List<String> args = new ArrayList<>(lower.jvmArgs);
        args.addAll(jvmArgs);
        return new JmhOptions(forks.or(lower::forks), warmupIterations.or(lower::warmupIterations),
                warmupTime.or(lower::warmupTime), measurementIterations.or(lower::measurementIterations),
                measurementTime.or(lower::measurementTime), profilers.or(lower::profilers), args);
    }

    /** The same options with {@code count} forks. */
    public JmhOptions withForks(int count) {
        return new JmhOptions(Optional.of(count), warmupIterations, warmupTime, measurementIterations, measurementTime,
                profilers, jvmArgs);
    }
}
