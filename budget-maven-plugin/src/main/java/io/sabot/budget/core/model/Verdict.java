package io.sabot.budget.core.model;

/** Outcome of one check, decided from the measured samples. */
public enum Verdict {
    /** The interval lies wholly on the good side of the limit (or no significant regression). */
    PASS,
    /** The interval lies wholly on the bad side (or a significant regression beyond the threshold). */
    FAIL,
    /** The measurement cannot resolve the limit: the limit lies inside the interval. */
    INCONCLUSIVE
}
