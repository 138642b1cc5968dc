package io.sabot.budget.core.gate;

import java.time.Duration;
import java.util.Objects;

/**
 * Adaptive measurement: after the first evaluation, undecided (INCONCLUSIVE) error-level checks get
 * more forks of their benchmarks, round by round, while the time allows.
 *
 * @param maxTime   measurement time the rounds may add to the build, on top of the first run (and
 *                  before confirmation reruns); zero switches adaptive measurement off
 * @param maxRounds the most rounds; with the first run this fixes the number of looks over which
 *                  the error rate is split, so it cannot depend on what the rounds show
 */
public record AdaptiveSettings(Duration maxTime, int maxRounds) {

    /** Three rounds: four looks, each at a quarter of the error rate. */
    public static final int DEFAULT_MAX_ROUNDS = 3;

    /** No adaptive rounds: one look at the full error rate, exactly as without the feature. */
    public static final AdaptiveSettings OFF = new AdaptiveSettings(Duration.ZERO, DEFAULT_MAX_ROUNDS);

    public AdaptiveSettings {
        Objects.requireNonNull(maxTime, "maxTime");
        if (maxTime.isNegative()) {
            throw new IllegalArgumentException("maxTime must be zero (off) or positive, not " + maxTime);
        }
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be 1 or more, not " + maxRounds);
        }
    }

    public boolean enabled() {
        return !maxTime.isZero();
    }

    /** Evaluations a build may make before confirmation: the first run plus every possible round. */
    public int looks() {
        return enabled() ? 1 + maxRounds : 1;
    }
}
