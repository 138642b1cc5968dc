package io.sabot.budget.core.check;

import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.Verdict;
import io.sabot.budget.core.model.RunResults;
import java.util.List;
import java.util.Optional;

/**
 * The statistics the checks decide on. Kept behind one interface so that the checks read as rules
 * ("the interval lies above the limit") and the method of estimating can change without them.
 */
public interface Statistics {

    /** The statistics the plugin uses unless told otherwise. */
    static Statistics standard() {
        return io.sabot.budget.core.check.stats.BootstrapStatistics.standard();
    }

    /** Confidence interval of the metric's score, in the metric's own unit. */
    Interval scoreInterval(Metric metric);

    /**
     * Confidence interval of a percentile (0..100) of a SampleTime metric, in the metric's unit.
     *
     * @throws MissingSamplesException when the metric holds neither the samples nor the percentile
     */
    Interval percentileInterval(Metric metric, double percentile);

    /**
     * Interval of {@code numerator / denominator} of the two metrics' scores (same unit), used for
     * ratio budgets.
     */
    Interval ratioInterval(Metric numerator, Metric denominator);

    /**
     * Decides whether {@code current} regressed against {@code baseline} by more than
     * {@code threshold} (a fraction), correcting for {@code comparisons} checks in the same build.
     */
    RegressionDecision regression(Metric baseline, Metric current, Direction direction, double threshold, int comparisons);

    /**
     * The same statistics with their error rate split evenly over {@code looks} evaluations of one
     * build (Bonferroni across looks), for a build that re-measures undecided checks and evaluates
     * again: with the full error rate at every look, stopping as soon as a verdict appears would make
     * a false verdict about {@code looks} times as likely. One look returns these statistics unchanged.
     *
     * @throws UnsupportedOperationException when the implementation cannot widen its intervals
     */
    default Statistics withErrorSpentOver(int looks) {
        if (looks == 1) {
            return this;
        }
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot split its error rate over "
                + looks + " looks");
    }

    /**
     * The same statistics, informed by everything measured in one build ({@code current} and its
     * {@code baseline}): an implementation may learn from all benchmarks together what a single
     * benchmark's few forks cannot show, such as the machine's fork-to-fork noise. Called once per
     * evaluation; the default learns nothing.
     */
    default Statistics forBuild(RunResults current, Optional<RunResults> baseline) {
        return this;
    }

    /**
     * Decides a regression from a paired run: fork {@code i} of {@code current} and fork {@code i}
     * of {@code baseline} were measured in the same pair, seconds apart, so their ratio is the
     * evidence. Same contract as {@link #regression} otherwise.
     */
    default RegressionDecision pairedRegression(Metric baseline, Metric current, Direction direction, double threshold,
                                                int comparisons) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot judge paired runs");
    }

    /**
     * The same statistics informed by a paired build: what the pairs of all benchmarks say together
     * about the noise of one pair. Called once per evaluation of a paired run, instead of {@link #forBuild}.
     */
    default Statistics forPairedBuild(RunResults current, RunResults baseline) {
        return this;
    }

    /** Outcome of a regression test: the verdict, the slowdown interval and what would resolve it. */
    record RegressionDecision(Verdict verdict, Interval slowdown, List<String> notes) {
    }
}
