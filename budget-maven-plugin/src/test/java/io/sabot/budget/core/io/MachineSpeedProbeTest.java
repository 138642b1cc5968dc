package io.sabot.budget.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.model.MachineSpeed;
import org.junit.jupiter.api.Test;

class MachineSpeedProbeTest {

    @Test
    void measuresBothTimings() {
        MachineSpeed speed = MachineSpeedProbe.measure();
        assertThat(speed.cpuNanosPerStep()).isPositive();
        assertThat(speed.memoryNanosPerLoad()).isPositive();
    }

    @Test
    void theChaseVisitsEverySlotBeforeComingBack() {
        int[] next = MachineSpeedProbe.cycle(1 << 12);
        boolean[] seen = new boolean[next.length];
        int at = 0;
        for (int i = 0; i < next.length; i++) {
            assertThat(seen[at]).as("slot %d visited twice", at).isFalse();
            seen[at] = true;
            at = next[at];
        }
        assertThat(at).isZero();
    }
}
