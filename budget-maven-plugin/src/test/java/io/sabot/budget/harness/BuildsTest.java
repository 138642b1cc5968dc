package io.sabot.budget.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.budget.core.model.BenchmarkResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BuildsTest {

    private final BuildSettings oneFork = new BuildSettings("quick", 1, 2, 3);

    @Test
    void aBuildTakesTheDrawnGroupsOfEveryBenchmark() {
        Map<BenchmarkResult, List<double[]>> baseline = Map.of(Fixtures.template("00"),
                List.of(fork(10), fork(11), fork(12)));
        Map<BenchmarkResult, List<double[]>> current = Map.of(Fixtures.template("00"),
                List.of(fork(20), fork(21), fork(22)));
        List<BenchmarkDraw> build = Builds.form(baseline, current, oneFork, new BuildDraw(2, 0, 1));
        assertThat(build).hasSize(1);
        assertThat(build.get(0).baseline()).extracting(f -> f[0]).containsExactly(12.0);
        assertThat(build.get(0).current()).extracting(f -> f[0]).containsExactly(20.0);
        assertThat(build.get(0).confirmation()).extracting(f -> f[0]).containsExactly(21.0);
        assertThat(build.get(0).baseline().get(0)).hasSize(3);
    }

    @Test
    void benchmarksAreMatchedByKeyAndMustBeTheSameOnBothSides() {
        Map<BenchmarkResult, List<double[]>> baseline = new LinkedHashMap<>();
        baseline.put(Fixtures.template("01"), List.of(fork(1), fork(1)));
        baseline.put(Fixtures.template("00"), List.of(fork(2), fork(2)));
        Map<BenchmarkResult, List<double[]>> current = Map.of(Fixtures.template("00"), List.of(fork(4), fork(4)));
        assertThatThrownBy(() -> Builds.form(baseline, current, oneFork, new BuildDraw(0, 0, 1)))
                .hasMessageContaining("different benchmarks");
        assertThatThrownBy(() -> Builds.form(current, baseline, oneFork, new BuildDraw(0, 0, 1)))
                .hasMessageContaining("baseline pool has no CalibratedWorkBenchmark.work[id=01]");
    }

    @Test
    void measuredSlowdownIsTheMedianOverBenchmarksOfWholePoolMeans() {
        Map<BenchmarkResult, List<double[]>> baseline = new LinkedHashMap<>();
        Map<BenchmarkResult, List<double[]>> current = new LinkedHashMap<>();
        double[] changes = {0.05, 0.20, 0.10};
        for (int b = 0; b < changes.length; b++) {
            baseline.put(Fixtures.template("0" + b), List.of(fork(100), fork(100)));
            current.put(Fixtures.template("0" + b), List.of(fork(100 * (1 + changes[b])), fork(100 * (1 + changes[b]))));
        }
        assertThat(Builds.measuredSlowdown(baseline, current, oneFork)).isCloseTo(0.10, Offset.offset(1e-9));
    }

    @Test
    void medianOfAnEvenCountIsTheMiddlePairsMean() {
        assertThat(Builds.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    /** Two warmup iterations far off, then three measurement iterations of {@code value}. */
    private static double[] fork(double value) {
        return new double[] {value * 5, value * 3, value, value, value};
    }
}
