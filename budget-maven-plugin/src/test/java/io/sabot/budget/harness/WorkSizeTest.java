package io.sabot.budget.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkSizeTest {

    @Test
    void costsAreLogSpacedOverAHundredfold() {
        assertThat(WorkSize.steps(0, 0)).isEqualTo(WorkSize.SMALLEST);
        assertThat(WorkSize.steps(19, 0)).isEqualTo(WorkSize.SMALLEST * 100);
        for (int id = 1; id < WorkSize.BENCHMARKS; id++) {
            assertThat(WorkSize.steps(id, 0)).isGreaterThan(WorkSize.steps(id - 1, 0));
        }
    }

    @Test
    void slowdownMultipliesTheWork() {
        for (int id = 0; id < WorkSize.BENCHMARKS; id++) {
            double ratio = WorkSize.steps(id, 0.15) / (double) WorkSize.steps(id, 0);
            assertThat(ratio).isCloseTo(1.15, org.assertj.core.data.Offset.offset(0.002));
        }
    }

    @Test
    void slowdownPropertyIsAFraction() {
        assertThat(WorkSize.slowdown(null)).isZero();
        assertThat(WorkSize.slowdown(" 0.25 ")).isEqualTo(0.25);
        assertThatThrownBy(() -> WorkSize.slowdown("15%")).hasMessageContaining("-Dharness.slowdown")
                .hasMessageContaining("'15%'");
        assertThatThrownBy(() -> WorkSize.slowdown("15")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> WorkSize.slowdown("NaN")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> WorkSize.steps(20, 0)).hasMessageContaining("0..19");
    }
}
