package io.sabot.budget.core.gate;

import io.sabot.budget.core.paired.Against;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Paired mode of budget:check: where the baseline code comes from, who obtains it, and the seed of
 * the pair order (random when empty, and printed, so a run's order can be reproduced).
 *
 * @param rounds pairs per benchmark in the first look; empty: the fork count, at least {@link #DEFAULT_ROUNDS}
 */
public record PairedSettings(Against against, BaselineCodeProvider provider, OptionalLong seed, java.util.OptionalInt rounds) {

    /** Three rounds give the paired variance two degrees of freedom per benchmark, which the build's pool then steadies. */
    public static final int DEFAULT_ROUNDS = 3;

    public PairedSettings {
        Objects.requireNonNull(against, "against");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(rounds, "rounds");
        if (!against.paired()) {
            throw new IllegalArgumentException(against + " is not a paired source");
        }
    }
}
