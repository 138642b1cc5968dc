package io.sabot.budget.core.fork;

/** Receives what the fork reports while it runs, for progress output. */
public interface ForkListener {

    /** JMH started a benchmark ("# Benchmark: ..."), with its parameters when it prints them. */
    default void benchmarkStarted(String benchmark) {
    }

    /** JMH's own progress line: percent complete and ETA as JMH computed them from its settings. */
    default void progress(String percentComplete, String eta) {
    }

    /** Every line the fork printed, in order (already written to fork.log). */
    default void line(String line) {
    }

    /** A message from the gate itself, e.g. that failed checks are being confirmed. */
    default void note(String message) {
    }

    ForkListener NONE = new ForkListener() {
    };
}
