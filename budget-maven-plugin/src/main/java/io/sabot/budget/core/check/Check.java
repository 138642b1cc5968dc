package io.sabot.budget.core.check;

import java.util.List;

/**
 * One rule of the build gate. Like an enforcer rule: small, independent, and it reports instead of
 * throwing, so every failure of a build is collected and listed once.
 */
public interface Check {

    /** The results of this check on every benchmark it applies to; empty if it applies to none. */
    List<CheckResult> evaluate(EvaluationContext context);
}
