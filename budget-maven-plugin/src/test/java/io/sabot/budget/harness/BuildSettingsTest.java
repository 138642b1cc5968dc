package io.sabot.budget.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildSettingsTest {

    private final BuildSettings twoForks = new BuildSettings("2 forks", 2, 2, 3);

    @Test
    void aBuildForkIsThePoolForkWithoutItsWarmup() {
        assertThat(twoForks.slice(new double[] {9, 8, 1, 2, 3, 4, 5})).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> twoForks.slice(new double[] {1, 2, 3, 4}))
                .hasMessageContaining("4 iterations is too short for 2 warmup + 3 measurement");
    }

    @Test
    void groupsAreDisjointRunsOfConsecutiveForks() {
        List<double[]> pool = List.of(fork(1), fork(2), fork(3), fork(4), fork(5));
        assertThat(twoForks.groups(pool.size())).isEqualTo(2);
        assertThat(twoForks.group(pool, 0)).extracting(f -> f[0]).containsExactly(1.0, 2.0);
        assertThat(twoForks.group(pool, 1)).extracting(f -> f[0]).containsExactly(3.0, 4.0);
        assertThatThrownBy(() -> twoForks.group(pool, 2)).hasMessageContaining("group 2 does not exist");
    }

    @Test
    void timePerBenchmarkCountsEveryForkWithItsOverhead() {
        // 2 forks x (1.5 s overhead + 5 iterations x 0.2 s)
        assertThat(twoForks.secondsPerBenchmark(1.5, 0.2)).isEqualTo(5.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void rejectsBuildsWithoutForksOrMeasurements() {
        assertThatThrownBy(() -> new BuildSettings("x", 0, 2, 3)).hasMessageContaining("at least 1 fork");
        assertThatThrownBy(() -> new BuildSettings("x", 1, 2, 0)).hasMessageContaining("1 measurement iteration");
    }

    /** A fork whose measured iterations (after 2 warmup) start with {@code marker}. */
    private static double[] fork(double marker) {
        return new double[] {0, 0, marker, marker, marker};
    }
}
