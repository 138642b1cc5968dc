package io.sabot.budget.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineSpeedTest {

    @Test
    void aCpuChainUpToTenPercentSlowerIsTheProbesOwnNoise() {
        MachineSpeed baseline = new MachineSpeed(1.00, 90);
        assertThat(new MachineSpeed(1.09, 200).slowdownFrom(baseline)).isEqualTo(1);
        assertThat(new MachineSpeed(1.12, 90).slowdownFrom(baseline)).isEqualTo(1.12);
        assertThat(new MachineSpeed(0.50, 90).slowdownFrom(baseline)).as("faster is never a slowdown").isEqualTo(1);
    }

    @Test
    void aSlowerCpuChainIsTheMachinesSlowdown() {
        assertThat(new MachineSpeed(1.38, 90).slowdownFrom(new MachineSpeed(1.00, 90))).isEqualTo(1.38);
        assertThat(new MachineSpeed(2.83, 190).comparedWith(new MachineSpeed(2.05, 175)))
                .isEqualTo("CPU chain 2.83 vs 2.05 ns per step, memory chase 190 vs 175 ns per load");
    }

    @Test
    void anUnmeasuredSideSaysNothing() {
        assertThat(new MachineSpeed(5, 500).slowdownFrom(MachineSpeed.UNKNOWN)).isEqualTo(1);
        assertThat(MachineSpeed.UNKNOWN.slowdownFrom(new MachineSpeed(1, 90))).isEqualTo(1);
        assertThat(MachineSpeed.UNKNOWN.wasMeasured()).isFalse();
    }

    @Test
    void speedIsNotAnEnvironmentDifference() {
        Environment fast = new Environment("V", "17", "VM", "Linux", "amd64", "EPYC", 2, "1.37", List.of(), new MachineSpeed(1, 90));
        Environment slow = new Environment("V", "17", "VM", "Linux", "amd64", "EPYC", 2, "1.37", List.of(), new MachineSpeed(3, 300));
        assertThat(slow.differencesFrom(fast)).isEmpty();
    }

    @Test
    void timingsMustBeFiniteAndNotNegative() {
        assertThatThrownBy(() -> new MachineSpeed(-1, 0)).hasMessageContaining("finite and not negative");
        assertThatThrownBy(() -> new MachineSpeed(1, Double.NaN)).hasMessageContaining("finite and not negative");
        assertThatThrownBy(() -> new MachineSpeed(Double.POSITIVE_INFINITY, 1)).hasMessageContaining("finite and not negative");
    }
}
