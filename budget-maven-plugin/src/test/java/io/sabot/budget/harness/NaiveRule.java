package io.sabot.budget.harness;

import io.sabot.budget.core.model.Verdict;
import java.util.List;

/**
 * The rule most gates use (pytest-benchmark's {@code --benchmark-compare-fail=mean:10%}): FAIL when the
 * current mean is more than the threshold slower than the baseline mean, else PASS. No interval, no
 * confirmation, never INCONCLUSIVE.
 */
final class NaiveRule {

    private final double threshold;

    NaiveRule(double threshold) {
        this.threshold = threshold;
    }

    BuildVerdicts judge(List<BenchmarkDraw> build) {
        return new BuildVerdicts(build.stream()
                .map(b -> b.meanSlowdown() > threshold ? Verdict.FAIL : Verdict.PASS)
                .toList());
    }
}
