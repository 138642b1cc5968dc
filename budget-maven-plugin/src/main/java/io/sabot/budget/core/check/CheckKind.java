package io.sabot.budget.core.check;

/** The kinds of check a build runs; one class each. */
public enum CheckKind {
    /** {@code max}/{@code min} on the primary score. */
    SCORE,
    /** {@code p50}..{@code p100} of a SampleTime distribution. */
    PERCENTILE,
    /** {@code alloc} or a named secondary metric. */
    METRIC,
    /** {@code faster-than} + {@code by} between two benchmarks of one run. */
    RATIO,
    /** Slowdown against the stored baseline. */
    REGRESSION
}
