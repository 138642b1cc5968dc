package io.sabot.budget.core.model;

/** What a unit measures. Only values of the same dimension can be compared or converted. */
public enum Dimension {
    /** ns/op, us/op, ms/op, s/op (also a bare time such as "200ms" in a budget). */
    TIME_PER_OP("ns/op"),
    /** ops/ns ... ops/s, with K/M/G multipliers in budgets. */
    OPS_PER_TIME("ops/s"),
    /** B/op, KB/op, MB/op, GB/op. */
    BYTES_PER_OP("B/op"),
    /** B/sec ... GB/sec (JMH's gc.alloc.rate is in MB/sec). */
    BYTES_PER_TIME("B/sec"),
    /** A count or any unit JMH reports that is not one of the above; compared only to the same unit. */
    OTHER("");

    private final String baseUnit;

    Dimension(String baseUnit) {
        this.baseUnit = baseUnit;
    }

    /** The unit every value of this dimension is normalised to internally. */
    public String baseUnit() {
        return baseUnit;
    }
}
