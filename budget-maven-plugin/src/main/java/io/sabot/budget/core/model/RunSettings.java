package io.sabot.budget.core.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * JMH run settings from the budget file's {@code jmh:} section. Every field is optional; POM or
 * command-line parameters override them, JMH's own defaults apply last.
 */
public record RunSettings(
        Optional<Integer> forks,
        Optional<Iterations> warmup,
        Optional<Iterations> measurement,
        Optional<List<String>> profilers,
        Optional<List<String>> jvmArgs) {

    public static RunSettings none() {
        return new RunSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** "5 x 1s": iteration count and time per iteration. */
    public record Iterations(int count, Duration time) {
        @Override
        public String toString() {
            return count + " x " + time.toMillis() + "ms";
        }
    }
}
