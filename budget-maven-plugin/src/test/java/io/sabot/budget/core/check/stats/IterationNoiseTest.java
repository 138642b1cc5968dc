package io.sabot.budget.core.check.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.model.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IterationNoiseTest {

    /** Forks of {@code iterations} iterations around 100, each iteration's noise log-normal with sd {@code s}. */
    private static List<double[]> forks(Random random, int forks, int iterations, double s) {
        List<double[]> all = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            double level = 100 * Math.exp(0.3 * random.nextGaussian()); // forks differ; only iterations count here
            double[] fork = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                fork[i] = level * Math.exp(s * random.nextGaussian());
            }
            all.add(fork);
        }
        return all;
    }

    @Test
    void theIterationSpreadIsRecoveredFromTheIterationsAForkKeeps() {
        // the kept iterations are the best four of five: a little steadier than any four
        double s = Math.sqrt(IterationNoise.logVariance(forks(new Random(1), 200, 5, 0.10), Direction.LOWER_IS_BETTER));
        assertThat(s).isBetween(0.075, 0.105);
    }

    @Test
    void forksDifferingFromEachOtherDoNotRaiseIt() {
        // fork levels spread 30% (above); only the spread within a fork is measured
        double s = Math.sqrt(IterationNoise.logVariance(forks(new Random(2), 50, 3, 0.01), Direction.LOWER_IS_BETTER));
        assertThat(s).isLessThan(0.015);
    }

    @Test
    void aDisturbedIterationIsTheOneTheScoreDropsAndDoesNotRaiseIt() {
        List<double[]> forks = forks(new Random(3), 20, 5, 0.01);
        forks.forEach(f -> f[2] *= 1.5);
        double s = Math.sqrt(IterationNoise.logVariance(forks, Direction.LOWER_IS_BETTER));
        assertThat(s).isLessThan(0.015);
        // for throughput the worst is the lowest
        List<double[]> throughput = forks(new Random(3), 20, 5, 0.01);
        throughput.forEach(f -> f[2] /= 1.5);
        assertThat(Math.sqrt(IterationNoise.logVariance(throughput, Direction.HIGHER_IS_BETTER))).isLessThan(0.015);
    }

    @Test
    void aRoundsFloorIsTheIterationVarianceOverWhatEachSideAverages() {
        List<double[]> baseline = forks(new Random(4), 6, 3, 0.5);
        List<double[]> current = forks(new Random(5), 6, 3, 0.5);
        List<double[]> both = new ArrayList<>(baseline);
        both.addAll(current);
        double iteration = IterationNoise.logVariance(both, Direction.LOWER_IS_BETTER);

        IterationNoise.Floor floor = IterationNoise.roundFloor(baseline, current, Direction.LOWER_IS_BETTER);

        // three iterations, the worst dropped: each fork's score averages two
        assertThat(floor.logVariance()).isCloseTo(iteration * (0.5 + 0.5), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(floor.degreesOfFreedom()).isEqualTo(12);
    }

    @Test
    void withOneIterationAForkThereIsNoFloor() {
        List<double[]> single = List.of(new double[] {1}, new double[] {2}, new double[] {3}, new double[] {4});
        assertThat(IterationNoise.roundFloor(single, single, Direction.LOWER_IS_BETTER)).isEqualTo(IterationNoise.Floor.NONE);
        assertThat(IterationNoise.Floor.NONE.clearlyAbove(new ForkSpread(0.01, 100))).isFalse();
    }

    @Test
    void theFloorReplacesACreditedVarianceOnlyWhenClearlyAboveIt() {
        IterationNoise.Floor floor = new IterationNoise.Floor(0.36, 12);
        assertThat(floor.clearlyAbove(new ForkSpread(0.0625, 100))).as("5.8 times the pool's variance").isTrue();
        assertThat(floor.clearlyAbove(new ForkSpread(0.25, 100))).as("1.4 times: iterations need not be independent").isFalse();
        assertThat(floor.clearlyAbove(new ForkSpread(Double.NaN, 0))).as("nothing credited: no interval to raise").isFalse();
    }
}
