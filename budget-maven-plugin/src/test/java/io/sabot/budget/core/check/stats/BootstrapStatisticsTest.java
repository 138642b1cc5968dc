package io.sabot.budget.core.check.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.budget.core.check.Interval;
import io.sabot.budget.core.check.Statistics.RegressionDecision;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.Verdict;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapStatisticsTest {

    private final BootstrapStatistics stats = BootstrapStatistics.standard();

    @Test
    void identicalDistributionsAlmostNeverFailAcrossManyBuilds() {
        Random random = new Random(11);
        int builds = 100;
        int benchmarks = 20;
        int failedBuilds = 0;
        for (int b = 0; b < builds; b++) {
            boolean failed = false;
            for (int k = 0; k < benchmarks; k++) {
                Metric before = Synthetic.avgt(random, 100, 3, 5, 0.04, 0.02);
                Metric after = Synthetic.avgt(random, 100, 3, 5, 0.04, 0.02);
                RegressionDecision d = stats.regression(before, after, Direction.LOWER_IS_BETTER, 0.10, benchmarks);
                failed |= d.verdict() == Verdict.FAIL;
            }
            failedBuilds += failed ? 1 : 0;
        }
        assertThat(failedBuilds).as("A/A builds that failed").isLessThanOrEqualTo(1);
    }

    @Test
    void aTwentyPercentSlowdownFailsWithFiveForks() {
        Random random = new Random(12);
        int detected = 0;
        for (int i = 0; i < 50; i++) {
            Metric before = Synthetic.avgt(random, 100, 5, 5, 0.02, 0.02);
            Metric after = Synthetic.avgt(random, 120, 5, 5, 0.02, 0.02);
            detected += stats.regression(before, after, Direction.LOWER_IS_BETTER, 0.10, 20).verdict() == Verdict.FAIL ? 1 : 0;
        }
        assertThat(detected).isGreaterThanOrEqualTo(45);
    }

    @Test
    void aFivePercentSlowdownAlmostNeverFailsATenPercentThreshold() {
        Random random = new Random(13);
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            Metric before = Synthetic.avgt(random, 100, 3, 5, 0.02, 0.02);
            Metric after = Synthetic.avgt(random, 105, 3, 5, 0.02, 0.02);
            failed += stats.regression(before, after, Direction.LOWER_IS_BETTER, 0.10, 20).verdict() == Verdict.FAIL ? 1 : 0;
        }
        assertThat(failed).as("5%% slowdowns failing a 10%% threshold, of 200").isLessThanOrEqualTo(2);
    }

    @Test
    void fewForksCannotResolveAModestSlowdownAndSaySo() {
        Random random = new Random(17);
        int inconclusive = 0;
        for (int i = 0; i < 50; i++) {
            Metric before = Synthetic.avgt(random, 100, 2, 5, 0.05, 0.02);
            Metric after = Synthetic.avgt(random, 115, 2, 5, 0.05, 0.02);
            inconclusive += stats.regression(before, after, Direction.LOWER_IS_BETTER, 0.10, 20).verdict() == Verdict.INCONCLUSIVE ? 1 : 0;
        }
        assertThat(inconclusive).isGreaterThan(40);
    }

    @Test
    void throughputDropIsASlowdown() {
        Metric before = Synthetic.of(new double[] {1000, 1010, 990}, new double[] {1005, 995, 1000});
        Metric after = Synthetic.of(new double[] {700, 705, 695}, new double[] {702, 698, 700});
        RegressionDecision d = stats.regression(before, after, Direction.HIGHER_IS_BETTER, 0.10, 1);
        assertThat(d.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(d.slowdown().estimate()).isCloseTo(0.30, org.assertj.core.data.Offset.offset(0.01));
        assertThat(stats.regression(after, before, Direction.HIGHER_IS_BETTER, 0.10, 1).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void oneWildIterationDoesNotFlipTheVerdict() {
        Metric before = Synthetic.of(new double[] {100, 101, 99, 100, 100}, new double[] {100, 99, 101, 100, 100});
        Metric after = Synthetic.of(new double[] {100, 101, 99, 100, 160}, new double[] {100, 99, 101, 100, 100});
        assertThat(stats.regression(before, after, Direction.LOWER_IS_BETTER, 0.10, 1).verdict()).isNotEqualTo(Verdict.FAIL);
    }

    @Test
    void forksThatDisagreeWidenTheIntervalBeyondJmhsOwnError() {
        // Two forks, each tight, 20% apart: iteration noise alone would claim precision the run does not have.
        Metric bimodal = Synthetic.of(new double[] {100, 100.5, 99.5, 100, 100}, new double[] {120, 120.5, 119.5, 120, 120});
        Interval interval = stats.scoreInterval(bimodal);
        assertThat(interval.high() - interval.low()).isGreaterThan(10);
        Metric baseline = Synthetic.of(new double[] {100, 100.5, 99.5, 100, 100}, new double[] {100, 100.5, 99.5, 100, 100});
        assertThat(stats.regression(baseline, bimodal, Direction.LOWER_IS_BETTER, 0.10, 1).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void singleForkRequiresTheWholeIntervalBeyondTheThreshold() {
        Metric before = Synthetic.of(new double[] {100, 101, 99});
        Metric slightly = Synthetic.of(new double[] {111, 112, 110});
        RegressionDecision d = stats.regression(before, slightly, Direction.LOWER_IS_BETTER, 0.10, 1);
        assertThat(d.verdict()).isNotEqualTo(Verdict.FAIL);
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("one fork"));
        Metric much = Synthetic.of(new double[] {150, 151, 149});
        assertThat(stats.regression(before, much, Direction.LOWER_IS_BETTER, 0.10, 1).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aOneForkBuildTakesTheForkVarianceFromAManyForkBaseline() {
        // Baseline: 6 forks whose means differ by ~8% while iterations are steady within each fork.
        Metric baseline = Synthetic.of(new double[] {100, 100.2, 99.8}, new double[] {108, 108.1, 107.9},
                new double[] {93, 93.1, 92.9}, new double[] {104, 104.2, 103.8}, new double[] {96, 96.1, 95.9},
                new double[] {101, 101.1, 100.9});
        // An unlucky fork of unchanged code, 12% above the baseline mean: within the forks' own spread.
        Metric unluckyFork = Synthetic.of(new double[] {112, 112.1, 111.9});
        RegressionDecision d = stats.regression(baseline, unluckyFork, Direction.LOWER_IS_BETTER, 0.10, 1);
        assertThat(d.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(d.slowdown().method()).contains("fork variance of the 6-fork side");
        assertThat(d.notes()).noneSatisfy(n -> assertThat(n).contains("one fork on a side"));
        // Iterations alone would have called the same fork a clear regression.
        Metric oneForkBaseline = Synthetic.of(new double[] {100.5, 100.7, 100.3});
        assertThat(stats.regression(oneForkBaseline, unluckyFork, Direction.LOWER_IS_BETTER, 0.10, 1).verdict())
                .isEqualTo(Verdict.FAIL);
        // A real slowdown far beyond the fork spread still fails.
        Metric muchSlower = Synthetic.of(new double[] {160, 160.2, 159.8});
        assertThat(stats.regression(baseline, muchSlower, Direction.LOWER_IS_BETTER, 0.10, 1).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void oneForkBuildsAgainstAManyForkBaselineRarelyFailUnchangedCode() {
        Random random = new Random(21);
        int fails = 0;
        int trials = 300;
        for (int t = 0; t < trials; t++) {
            Metric baseline = Synthetic.avgt(random, 100, 6, 5, 0.04, 0.01);
            Metric current = Synthetic.avgt(random, 100, 1, 5, 0.04, 0.01);
            if (stats.regression(baseline, current, Direction.LOWER_IS_BETTER, 0.10, 1).verdict() == Verdict.FAIL) {
                fails++;
            }
        }
        assertThat(fails).as("false FAILs of unchanged code in %d one-fork builds", trials).isLessThanOrEqualTo(3);
    }

    @Test
    void inconclusiveSaysWhatWouldResolveIt() {
        Random random = new Random(14);
        Metric before = Synthetic.avgt(random, 100, 2, 3, 0.10, 0.05);
        Metric after = Synthetic.avgt(random, 108, 2, 3, 0.10, 0.05);
        RegressionDecision d = stats.regression(before, after, Direction.LOWER_IS_BETTER, 0.10, 1);
        assertThat(d.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("resolves changes of about").contains("the samples"));
    }

    @Test
    void bonferroniWidensTheIntervalWithMoreComparisons() {
        Random random = new Random(15);
        Metric before = Synthetic.avgt(random, 100, 3, 5, 0.03, 0.02);
        Metric after = Synthetic.avgt(random, 100, 3, 5, 0.03, 0.02);
        Interval one = stats.regression(before, after, Direction.LOWER_IS_BETTER, 0.10, 1).slowdown();
        Interval many = stats.regression(before, after, Direction.LOWER_IS_BETTER, 0.10, 50).slowdown();
        assertThat(many.high() - many.low()).isGreaterThan(one.high() - one.low());
        assertThat(many.method()).contains("Bonferroni over 50");
    }

    @Test
    void limitIntervalsContainTheTruthAndAreReproducible() {
        Random random = new Random(16);
        Metric m = Synthetic.avgt(random, 50, 4, 10, 0.02, 0.02);
        Interval a = stats.scoreInterval(m);
        Interval b = stats.scoreInterval(m);
        assertThat(a).isEqualTo(b);
        assertThat(a.low()).isLessThan(50);
        assertThat(a.high()).isGreaterThan(50);
    }

    @Test
    void ratioIntervalOfTwoBenchmarks() {
        Metric fast = Synthetic.of(new double[] {1000, 1010, 990}, new double[] {1000, 1005, 995});
        Metric slow = Synthetic.of(new double[] {200, 202, 198}, new double[] {201, 199, 200});
        Interval ratio = stats.ratioInterval(fast, slow);
        assertThat(ratio.estimate()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(ratio.low()).isGreaterThan(4.8);
        assertThat(ratio.high()).isLessThan(5.2);
    }

    @Test
    void percentilesFromHistogramsWithAnIntervalOverForks() {
        double[][] forkA = {{1, 50}, {2, 40}, {10, 10}};
        double[][] forkB = {{1, 60}, {2, 30}, {12, 10}};
        Metric sampled = new Metric("primary", 2, Double.NaN, Double.NaN, Double.NaN, io.sabot.budget.core.model.MetricUnit.NS_PER_OP,
                Direction.LOWER_IS_BETTER, java.util.Map.of(), List.of(new double[] {2}, new double[] {2}),
                List.of(List.<double[][]>of(forkA), List.<double[][]>of(forkB)));
        Interval p50 = stats.percentileInterval(sampled, 50);
        assertThat(p50.estimate()).isEqualTo(1);
        Interval p99 = stats.percentileInterval(sampled, 99);
        assertThat(p99.estimate()).isEqualTo(12);
        assertThat(p99.low()).isEqualTo(10);
    }

    @Test
    void weightedPercentileFollowsJmhsDefinition() {
        List<double[][]> h = List.<double[][]>of(new double[][] {{5, 1}, {1, 2}, {3, 1}});
        assertThat(WeightedPercentile.of(h, 0)).isEqualTo(1);
        assertThat(WeightedPercentile.of(h, 50)).isEqualTo(1);
        assertThat(WeightedPercentile.of(h, 75)).isEqualTo(3);
        assertThat(WeightedPercentile.of(h, 100)).isEqualTo(5);
    }

    @Test
    void samplesRejectNonFiniteValues() {
        assertThatThrownBy(() -> new Samples(List.of(new double[] {1, Double.NaN}))).hasMessageContaining("finite");
        assertThatThrownBy(() -> new Samples(List.of())).hasMessageContaining("no samples");
    }
}
