package io.sabot.budget.core.report;

import io.sabot.budget.core.check.Evaluation;

/**
 * How many checks ended how: the summary of a run, computed from an evaluation or read back from
 * {@code report.json}'s {@code summary}.
 */
public record VerdictCounts(int checks, int passed, int failed, int warnings, int inconclusive) {

    static VerdictCounts of(Evaluation e) {
        return new VerdictCounts(e.results().size(), (int) e.passed(), e.violations().size(), e.warnings().size(),
                e.inconclusive().size());
    }

    /** "12 checks: 9 passed, 1 failed, 1 warning, 1 inconclusive". */
    public String line() {
        return checks + " checks: " + passed + " passed, " + failed + " failed, " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + ", " + inconclusive + " inconclusive";
    }
}
