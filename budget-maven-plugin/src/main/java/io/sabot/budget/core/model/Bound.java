package io.sabot.budget.core.model;

/** Which side of a limit is allowed. */
public enum Bound {
    /** The value must not exceed the limit ({@code max:}). */
    MAX,
    /** The value must not fall below the limit ({@code min:}). */
    MIN;

    public Direction direction() {
        return this == MAX ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER;
    }

    public String symbol() {
        return this == MAX ? "<=" : ">=";
    }
}
