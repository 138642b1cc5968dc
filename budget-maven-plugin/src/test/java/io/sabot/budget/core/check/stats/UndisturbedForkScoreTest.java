package io.sabot.budget.core.check.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sabot.budget.core.model.Direction;
import org.junit.jupiter.api.Test;

class UndisturbedForkScoreTest {

    @Test
    void aTimeForkOfThreeOrMoreIterationsDropsItsSlowest() {
        assertThat(UndisturbedForkScore.of(new double[] {10.0, 14.0, 10.2}, Direction.LOWER_IS_BETTER)).isCloseTo(10.1, within(1e-12));
        assertThat(UndisturbedForkScore.of(new double[] {9.0, 10.0, 11.0, 30.0}, Direction.LOWER_IS_BETTER)).isCloseTo(10.0, within(1e-12));
    }

    @Test
    void aThroughputForkDropsItsLowest() {
        assertThat(UndisturbedForkScore.of(new double[] {100.0, 60.0, 98.0}, Direction.HIGHER_IS_BETTER)).isCloseTo(99.0, within(1e-12));
    }

    @Test
    void oneOrTwoIterationsAreAveragedWhole() {
        assertThat(UndisturbedForkScore.of(new double[] {10.0, 14.0}, Direction.LOWER_IS_BETTER)).isCloseTo(12.0, within(1e-12));
        assertThat(UndisturbedForkScore.of(new double[] {7.0}, Direction.HIGHER_IS_BETTER)).isEqualTo(7.0);
    }

    @Test
    void theForkIsLeftAsItWas() {
        double[] fork = {10.0, 14.0, 10.2};
        UndisturbedForkScore.of(fork, Direction.LOWER_IS_BETTER);
        assertThat(fork).containsExactly(10.0, 14.0, 10.2);
    }
}
