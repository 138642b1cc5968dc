package io.sabot.budget.core.check;

import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.Level;
import io.sabot.budget.core.model.Verdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The outcome of one check with the numbers behind it, in the unit of the limit.
 *
 * @param id        the budget id, or "regression" for a baseline comparison without a budget
 * @param limit     the limit as people read it: "<= 10 us/op", "<= +10% vs baseline"
 * @param baseline  the baseline value, when there is one
 * @param change    relative change against the baseline, positive when worse
 * @param interval  the confidence interval the verdict was decided on, as text
 * @param message   one sentence with the numbers, JaCoCo style
 * @param slowdown  regression checks: the slowdown interval (fractions, positive = worse) and the
 *                  threshold it was judged against, for charts; empty for limit checks
 */
public record CheckResult(
        String id,
        CheckKind kind,
        BenchmarkKey benchmark,
        Level level,
        Verdict verdict,
        String limit,
        OptionalDouble baseline,
        double measured,
        String unit,
        OptionalDouble change,
        String interval,
        String message,
        List<String> notes,
        Optional<Slowdown> slowdown) {

    /** A regression check's numbers: the slowdown interval against the allowed threshold (fractions). */
    public record Slowdown(double low, double estimate, double high, double threshold) {
    }

    /** A check without slowdown numbers (limits, ratios). */
    public CheckResult(String id, CheckKind kind, BenchmarkKey benchmark, Level level, Verdict verdict, String limit,
                       OptionalDouble baseline, double measured, String unit, OptionalDouble change, String interval,
                       String message, List<String> notes) {
        this(id, kind, benchmark, level, verdict, limit, baseline, measured, unit, change, interval, message, notes,
                Optional.empty());
    }

    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(verdict, "verdict");
        notes = List.copyOf(notes);
        Objects.requireNonNull(slowdown, "slowdown");
    }

    /** The same result with other notes. */
    public CheckResult withNotes(List<String> newNotes) {
        return new CheckResult(id, kind, benchmark, level, verdict, limit, baseline, measured, unit, change, interval,
                message, newNotes, slowdown);
    }

    /** A failure that breaks the build (level error). */
    public boolean isViolation() {
        return verdict == Verdict.FAIL && level == Level.ERROR;
    }

    /** A failure that is only reported (level warn). */
    public boolean isWarning() {
        return verdict == Verdict.FAIL && level == Level.WARN;
    }

    /** PASS, FAIL, WARN (a failed warn-level check) or INCONCLUSIVE. */
    public String verdictLabel() {
        return isWarning() ? "WARN" : verdict.name();
    }
}
