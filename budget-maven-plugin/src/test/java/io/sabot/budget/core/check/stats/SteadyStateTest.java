package io.sabot.budget.core.check.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sabot.budget.core.model.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SteadyStateTest {

    private static SteadyState.Fork time(double... iterations) {
        return SteadyState.of(iterations, Direction.LOWER_IS_BETTER);
    }

    private static SteadyState.Fork throughput(double... iterations) {
        return SteadyState.of(iterations, Direction.HIGHER_IS_BETTER);
    }

    @Test
    void warmUpIsDroppedUpToTheFirstSteadyIteration() {
        // The 7 is 17% slower than the 6s after it, which do not vary at all: still warming up. So 6, 6, 6.
        SteadyState.Fork fork = time(13, 12, 7, 6, 6, 6);
        assertThat(fork.dropped()).isEqualTo(3);
        assertThat(fork.settled()).isTrue();
        // Among iterations that vary by 15% a 7 among 6s is noise: only 13 and 12 are warm-up.
        double[] noisy = {13, 12, 7, 6.6, 5.4, 6.3, 5.5, 6.6, 5.6};
        assertThat(SteadyState.of(noisy, Direction.LOWER_IS_BETTER, SteadyState.noise(List.of(noisy))).dropped()).isEqualTo(2);
        // Told nothing about the noise, the rule has only its 5% floor: everything above 5.6 goes, up to half.
        assertThat(time(noisy).dropped()).isEqualTo(4);
    }

    @Test
    void theSameRuleHoldsForThroughputWhereWarmUpIsLow() {
        SteadyState.Fork fork = throughput(77, 83, 143, 167, 166, 168);
        assertThat(fork.dropped()).isEqualTo(3);
        assertThat(fork.settled()).isTrue();
        // A throughput that is high first and then drops is slower later, not warming up.
        assertThat(throughput(168, 167, 166, 83, 77, 80).dropped()).isZero();
    }

    @Test
    void aSteadyForkIsUntouched() {
        assertThat(time(6.02, 5.97, 6.05, 6.00, 5.99)).isEqualTo(new SteadyState.Fork(0, true, time(6.02, 5.97, 6.05, 6.00, 5.99)
                .changePerIteration()));
        assertThat(time(6.02, 5.97, 6.05, 6.00, 5.99).dropped()).isZero();
        // A first iteration 3% slower is within the 5% floor.
        assertThat(time(6.18, 6.0, 6.0, 6.0, 6.0).dropped()).isZero();
        assertThat(time(6.18, 6.0, 6.0).dropped()).isZero();
    }

    @Test
    void aForkThatIsFasterAtFirstIsNeverTrimmed() {
        // The steady state here is 9: dropping the 5s would hide exactly that.
        SteadyState.Fork fork = time(5, 5, 9, 9, 9);
        assertThat(fork.dropped()).isZero();
        assertThat(fork.settled()).isTrue();
        assertThat(time(5, 9, 9).dropped()).isZero();
        assertThat(time(6, 6, 6, 6, 9, 9).dropped()).isZero();
    }

    @Test
    void aFastIterationInFrontIsNeverDroppedWithTheWarmUpBehindIt() {
        // Dropping 14..10 would leave a steady 9, but only together with the 7 in front, which is faster
        // than that: the fork is kept whole instead.
        SteadyState.Fork fork = time(7, 14, 13, 12, 11, 10, 9, 9, 9, 9, 9, 9);
        assertThat(fork.dropped()).isZero();
        assertThat(fork.settled()).isFalse();
    }

    @Test
    void aForkTrendingAllTheWayNeverSettled() {
        SteadyState.Fork fork = time(20, 18, 16, 14, 12, 10);
        assertThat(fork.settled()).isFalse();
        assertThat(fork.dropped()).isZero();
        // Judged on the last half: 14, 12, 10 fall by 15.5% per iteration.
        assertThat(fork.changePerIteration()).isCloseTo(-0.155, within(0.005));
        assertThat(time(13, 10, 7).settled()).isFalse();
        SteadyState.Fork rising = throughput(10, 12, 14, 16, 18, 20);
        assertThat(rising.settled()).isFalse();
        assertThat(rising.changePerIteration()).isPositive();
    }

    @Test
    void theMostDroppedIsHalfKeepingThreeOrTwoInShortForks() {
        assertThat(SteadyState.mostDropped(3)).isEqualTo(1);
        assertThat(SteadyState.mostDropped(4)).isEqualTo(2);
        assertThat(SteadyState.mostDropped(5)).isEqualTo(2);
        assertThat(SteadyState.mostDropped(6)).isEqualTo(3);
        assertThat(SteadyState.mostDropped(10)).isEqualTo(5);
        // Quick mode: three iterations, one of them warm-up.
        assertThat(time(13, 6, 6).dropped()).isEqualTo(1);
        assertThat(time(14, 13, 6, 6).dropped()).isEqualTo(2);
        // Warm-up over more than half of the fork: never settled, kept whole.
        SteadyState.Fork long_ = time(14, 13, 12, 11, 6, 6);
        assertThat(long_.settled()).isFalse();
        assertThat(long_.dropped()).isZero();
    }

    @Test
    void forksOfOneOrTwoIterationsAndNonPositiveValuesAreNotJudged() {
        assertThat(time(13).dropped()).isZero();
        assertThat(time(13, 6).dropped()).isZero();
        assertThat(time(13, 6).settled()).isTrue();
        assertThat(time(13, 0, 6, 6).dropped()).isZero();
        assertThat(time(13, Double.NaN, 6, 6).dropped()).isZero();
    }

    @Test
    void aStrayGcPauseInTheMiddleIsNotWarmUp() {
        assertThat(time(6, 6.1, 9, 6, 5.9, 6)).extracting(SteadyState.Fork::dropped, SteadyState.Fork::settled)
                .containsExactly(0, true);
    }

    @Test
    void theBenchmarksNoiseWidensTheMargin() {
        // 6.6 is 10% slower than the 6s: warm-up when iterations vary by 1%, noise when they vary by 5%.
        double[] fork = {6.6, 6, 6, 6, 6};
        assertThat(SteadyState.of(fork, Direction.LOWER_IS_BETTER, 0.01).dropped()).isEqualTo(1);
        assertThat(SteadyState.of(fork, Direction.LOWER_IS_BETTER, 0.05).dropped()).isZero();
    }

    @Test
    void noiseComesFromTheIterationsThatCanNeverBeDropped() {
        // Only the last part of each fork counts, so a warm-up in front does not inflate the noise.
        List<double[]> steadyTails = List.of(new double[] {30, 20, 100, 101, 99, 100}, new double[] {25, 100, 99, 101, 100});
        assertThat(SteadyState.noise(steadyTails)).isLessThan(0.02);
        // A common trend is not noise: differences are centred on their median.
        assertThat(SteadyState.noise(List.<double[]>of(new double[] {100, 100, 100, 90, 81, 72.9}))).isCloseTo(0, within(1e-9));
        assertThat(SteadyState.noise(List.<double[]>of(new double[] {100, 90, 110, 95, 105, 90, 110})))
                .isGreaterThan(0.05);
        assertThat(SteadyState.noise(List.<double[]>of(new double[] {13, 6, 6}))).isZero();
    }

    @Test
    void aFallingTrendMustBeConsistentAsWellAsLarge() {
        assertThat(SteadyState.fallingTrendP(new double[] {4, 3, 2, 1})).isLessThan(SteadyState.TREND_ALPHA);
        assertThat(SteadyState.fallingTrendP(new double[] {4, 3, 1, 2})).isGreaterThan(SteadyState.TREND_ALPHA);
        assertThat(SteadyState.fallingTrendP(new double[] {1, 2, 3, 4})).isGreaterThan(0.9);
        // 99, 103, 100, 97 falls 6% by its Theil-Sen slope, but not consistently: steady.
        assertThat(time(99, 103, 100, 97).settled()).isTrue();
        assertThat(time(99, 103, 100, 97).dropped()).isZero();
    }

    @Test
    void steadyNoiseIsRarelyTrimmedOrCalledUnsettled() {
        Random random = new Random(42);
        int[] quiet = simulate(random, 0.01, 3, 4, 0);
        assertThat(quiet[0]).isZero();
        assertThat(quiet[1]).isZero();
        int[] noisy = simulate(random, 0.05, 5, 4, 0);
        // Out of 2,000 forks: about 3% trimmed, 1% unsettled, by chance.
        assertThat(noisy[0]).isBetween(10, 120);
        assertThat(noisy[1]).isLessThanOrEqualTo(60);
    }

    @Test
    void aClearWarmUpIsFoundInAlmostEveryFork() {
        int[] warm = simulate(new Random(7), 0.02, 3, 4, 0.3);
        assertThat(warm[0]).isGreaterThan(1900);
    }

    /** 500 benchmarks of {@code forks} forks: how many forks were trimmed and how many never settled. */
    private static int[] simulate(Random random, double noise, int iterations, int forks, double warmUp) {
        int trimmed = 0;
        int unsettled = 0;
        for (int b = 0; b < 500; b++) {
            List<double[]> all = new ArrayList<>();
            for (int f = 0; f < forks; f++) {
                double[] fork = new double[iterations];
                for (int i = 0; i < iterations; i++) {
                    fork[i] = 100 * Math.exp(noise * random.nextGaussian()) * (i == 0 ? 1 + warmUp : 1);
                }
                all.add(fork);
            }
            double pooled = SteadyState.noise(all);
            for (double[] fork : all) {
                SteadyState.Fork steady = SteadyState.of(fork, Direction.LOWER_IS_BETTER, pooled);
                trimmed += steady.dropped() > 0 ? 1 : 0;
                unsettled += steady.settled() ? 0 : 1;
            }
        }
        return new int[] {trimmed, unsettled};
    }
}
