package io.sabot.budget.core.check;

import io.sabot.budget.core.model.Bound;
import io.sabot.budget.core.model.Verdict;

/**
 * The three-state rule for absolute limits: decide on the whole confidence interval, never on the
 * mean alone. PASS when the interval lies on the allowed side, FAIL when it lies wholly beyond the
 * limit, INCONCLUSIVE when the limit falls inside it.
 */
final class LimitRule {

    private LimitRule() {
    }

    static Verdict decide(Interval interval, Bound bound, double limit) {
        if (bound == Bound.MAX) {
            if (interval.high() <= limit) {
                return Verdict.PASS;
            }
            return interval.low() > limit ? Verdict.FAIL : Verdict.INCONCLUSIVE;
        }
        if (interval.low() >= limit) {
            return Verdict.PASS;
        }
        return interval.high() < limit ? Verdict.FAIL : Verdict.INCONCLUSIVE;
    }

    /** "measured 12.3 us/op, 99.9% interval [11.9, 12.8], limit <= 10 us/op". */
    static String sentence(String what, Verdict verdict, Interval interval, String unit, String limit) {
        String numbers = what + " is " + io.sabot.budget.core.model.Quantity.format(interval.estimate()) + " " + unit
                + " (interval " + interval + ")";
        return switch (verdict) {
            case PASS -> numbers + ", within the limit " + limit;
            case FAIL -> numbers + ", but the limit is " + limit;
            case INCONCLUSIVE -> numbers + ", too noisy to decide against the limit " + limit
                    + "; measure longer (more forks or iterations)";
        };
    }
}
