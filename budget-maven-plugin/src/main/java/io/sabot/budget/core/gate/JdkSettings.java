package io.sabot.budget.core.gate;

import io.sabot.budget.core.model.JdkComparison;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A JDK comparison of budget:check: the JDKs (the first is the reference the others are compared
 * with), the one JDK whose results the budgets' limits judge (empty: every JDK), the seed of the
 * order within each round (random and printed when empty) and the number of rounds.
 *
 * @param rounds rounds of the comparison; empty: the fork count, at least {@link PairedSettings#DEFAULT_ROUNDS}
 */
public record JdkSettings(List<JdkComparison.Jdk> jdks, Optional<String> budgetsOn, OptionalLong seed, OptionalInt rounds) {

    public JdkSettings {
        jdks = List.copyOf(jdks);
        Objects.requireNonNull(budgetsOn, "budgetsOn");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(rounds, "rounds");
        if (jdks.size() < 2) {
            throw new IllegalArgumentException("a JDK comparison needs two or more JDKs, not " + jdks.size());
        }
        Set<String> labels = new HashSet<>();
        for (JdkComparison.Jdk jdk : jdks) {
            if (!labels.add(jdk.label())) {
                throw new IllegalArgumentException("the JDK " + jdk.label() + " (" + jdk.java() + ") is listed twice");
            }
        }
        if (budgetsOn.isPresent() && !labels.contains(budgetsOn.get())) {
            throw new IllegalArgumentException("'" + budgetsOn.get() + "' is none of the compared JDKs ("
                    + String.join(", ", jdks.stream().map(JdkComparison.Jdk::label).toList()) + ")");
        }
    }
}
