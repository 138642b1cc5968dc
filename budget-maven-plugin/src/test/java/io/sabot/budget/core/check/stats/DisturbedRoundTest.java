package io.sabot.budget.core.check.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DisturbedRoundTest {

    @Test
    void theBuildsScaleIsTheRobustSpreadOfEveryRoundAroundItsBenchmarksMedian() {
        // deviations from each median: 0.01 x4, 0.02 x4 and a far round's 0.5 (the others of its benchmark lie on
        // their median and tell nothing): the far round does not move the median deviation
        double[] a = {0.09, 0.11, 0.09, 0.11};
        double[] b = {-0.02, 0.02, -0.02, 0.02};
        double[] c = {0, 0, 0, 0.5};
        assertThat(DisturbedRound.scale(List.of(a, b, c))).isCloseTo(1.4826 * 0.02, within(1e-12));
        // benchmarks with fewer than four rounds tell nothing
        assertThat(DisturbedRound.scale(List.of(new double[] {0.1, 0.2, 0.3}))).isNaN();
    }

    @Test
    void onlyTheFarthestRoundBeyondFourRobustDeviationsIsLeftOut() {
        double scale = 0.02;
        double[] d = {0.14, 0.15, 0.03, 0.16, 0.14, 0.15};
        // 0.03 lies 0.115 = 5.75 scales from the median 0.145
        assertThat(DisturbedRound.find(d, scale)).contains(2);
        assertThat(DisturbedRound.without(d, 2)).containsExactly(0.14, 0.15, 0.16, 0.14, 0.15);
        assertThat(DisturbedRound.distance(d, 2, scale)).isCloseTo(5.75, within(1e-9));
        // 3.75 scales: kept
        assertThat(DisturbedRound.find(new double[] {0.14, 0.15, 0.07, 0.16, 0.14, 0.15}, scale)).isEmpty();
        // a far round too fast is left out like one too slow
        assertThat(DisturbedRound.find(new double[] {0.14, 0.15, 0.30, 0.16, 0.14, 0.15}, scale)).contains(2);
    }

    @Test
    void withFewerThanFourRoundsOrNoScaleNothingIsLeftOut() {
        assertThat(DisturbedRound.find(new double[] {0.1, 0.1, 0.9}, 0.01)).isEmpty();
        assertThat(DisturbedRound.find(new double[] {0.1, 0.1, 0.1, 0.9}, Double.NaN)).isEmpty();
        assertThat(DisturbedRound.find(new double[] {0.1, 0.1, 0.1, 0.9}, 0)).isEmpty();
        assertThat(DisturbedRound.find(new double[] {0.1, 0.1, 0.1, 0.9}, 0.01)).contains(3);
    }
}
