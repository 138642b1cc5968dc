package io.sabot.budget.core.check;

import io.sabot.budget.core.model.Quantity;

/** A point estimate with its confidence interval, and how it was computed. */
public record Interval(double low, double estimate, double high, String method) {

    public static Interval point(double value, String method) {
        return new Interval(value, value, value, method);
    }

    public boolean isFinite() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    public Interval scaled(double factor) {
        return factor >= 0
                ? new Interval(low * factor, estimate * factor, high * factor, method)
                : new Interval(high * factor, estimate * factor, low * factor, method);
    }

    @Override
    public String toString() {
        return "[" + Quantity.format(low) + ", " + Quantity.format(high) + "] (" + method + ")";
    }
}
