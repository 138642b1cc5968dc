package io.sabot.budget.core.report;

import io.sabot.budget.core.check.CheckResult;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which report.html lists checks: what needs attention first. Failures (FAIL), failed
 * warn-level checks (WARN), INCONCLUSIVE, then PASS; the sort is stable, so within a verdict checks
 * keep the evaluation's order.
 */
final class VerdictOrder {

    private static final List<String> RANK = List.of("FAIL", "WARN", "INCONCLUSIVE", "PASS");

    /** Worst verdict first. */
    static final Comparator<CheckResult> WORST_FIRST = Comparator.comparingInt(VerdictOrder::rank);

    private VerdictOrder() {
    }

    static int rank(CheckResult result) {
        return rank(result.verdictLabel());
    }

    /** The rank of a verdict label (FAIL, WARN, INCONCLUSIVE, PASS); an unknown label goes last. */
    static int rank(String verdictLabel) {
        int rank = RANK.indexOf(verdictLabel);
        return rank < 0 ? RANK.size() : rank;
    }

    static List<CheckResult> worstFirst(List<CheckResult> results) {
        return results.stream().sorted(WORST_FIRST).toList();
    }
}
