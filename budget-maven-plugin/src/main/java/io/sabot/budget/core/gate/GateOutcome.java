package io.sabot.budget.core.gate;

import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import java.util.List;

/**
 * What the build should do after the checks: the evaluation plus the decision, so every front end
 * (mojo, CLI, test) fails or passes for the same reasons.
 */
public record GateOutcome(Evaluation evaluation, boolean failOnViolation, boolean failOnInconclusive) {

    /** Configuration problems: the gate could not evaluate a budget. Always stops the build. */
    public boolean hasProblems() {
        return !evaluation.problems().isEmpty();
    }

    /** Checks that fail the build under the current switches. */
    public List<CheckResult> failures() {
        return evaluation.results().stream()
                .filter(r -> (failOnViolation && r.isViolation())
                        || (failOnInconclusive && r.verdict() == io.sabot.budget.core.model.Verdict.INCONCLUSIVE
                            && r.level() == io.sabot.budget.core.model.Level.ERROR))
                .toList();
    }

    public boolean fails() {
        return !failures().isEmpty();
    }
}
