package io.sabot.budget.core.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** JMH benchmark modes, by the short names JMH writes into its JSON results. */
public enum Mode {
    THROUGHPUT("thrpt"),
    AVERAGE_TIME("avgt"),
    SAMPLE_TIME("sample"),
    SINGLE_SHOT("ss");

    private final String jmhName;

    Mode(String jmhName) {
        this.jmhName = jmhName;
    }

    public String jmhName() {
        return jmhName;
    }

    /** Direction of the primary score: throughput is better when higher, every time mode when lower. */
    public Direction primaryDirection() {
        return this == THROUGHPUT ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
    }

    public static Mode fromJmh(String name) {
        for (Mode mode : values()) {
            if (mode.jmhName.equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown JMH mode '" + name + "', expected one of "
                + Arrays.stream(values()).map(Mode::jmhName).collect(Collectors.joining(", ")));
    }
}
