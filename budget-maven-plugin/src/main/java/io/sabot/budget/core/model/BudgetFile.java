package io.sabot.budget.core.model;

import java.util.List;
import java.util.Objects;

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

    /** The {@code defaults:} section. */
    public record Defaults(double regression, Level level) {
        public static Defaults standard() {
            return new Defaults(0.10, Level.ERROR);
        }
    }
}
