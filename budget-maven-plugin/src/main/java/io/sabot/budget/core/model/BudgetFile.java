package io.sabot.budget.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A parsed {@code performance-budgets.yml}. */
public record BudgetFile(String source, Defaults defaults, JmhOptions jmh, List<Budget> budgets) {

    public BudgetFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(jmh, "jmh");
        budgets = List.copyOf(budgets);
    }

    /** A project without a budget file still gets regression checks against its baseline. */
    public static BudgetFile empty(String source) {
        return new BudgetFile(source, Defaults.standard(), JmhOptions.NONE, List.of());
    }

    /**
     * The budget whose {@code regression} governs the benchmark at these @Param values: the first
     * that matches and sets one; empty when the defaults govern.
     */
    public Optional<Budget> regressionOwner(String benchmark, Map<String, String> params) {
        return budgets.stream().filter(b -> b.regression().isPresent() && b.appliesTo(benchmark, params)).findFirst();
    }

    /** True when the benchmark at these @Param values is a reference: its governing budget says {@code regression: off}. */
    public boolean regressionOff(String benchmark, Map<String, String> params) {
        return regressionOwner(benchmark, params).map(Budget::regressionOff).orElse(false);
    }

    /** The {@code defaults:} section. */
    public record Defaults(double regression, Level level) {
        public static Defaults standard() {
            return new Defaults(0.10, Level.ERROR);
        }
    }
}
