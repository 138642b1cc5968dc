package io.sabot.budget.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.model.BenchmarkResult;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class NoiseProfileTest {

    @Test
    void separatesForkToForkFromIterationSpread() {
        // Two forks whose measured iterations (after 2 warmup) are steady within a fork: 10 and 20.
        Map<BenchmarkResult, List<double[]>> pool = Map.of(Fixtures.template("00"),
                List.of(new double[] {99, 99, 10, 10, 10}, new double[] {99, 99, 20, 20, 20}));
        NoiseProfile.Line line = NoiseProfile.of(pool, new BuildSettings("quick", 1, 2, 3)).lines().get(0);
        assertThat(line.benchmark()).isEqualTo("[id=00]");
        assertThat(line.mean()).isEqualTo(15.0);
        assertThat(line.iterationCv()).isZero();
        assertThat(line.forkCv()).isCloseTo(Math.sqrt(50) / 15, Offset.offset(1e-12));
    }

    @Test
    void oneValueHasNoSpread() {
        assertThat(NoiseProfile.cv(new double[] {3})).isNaN();
    }
}
