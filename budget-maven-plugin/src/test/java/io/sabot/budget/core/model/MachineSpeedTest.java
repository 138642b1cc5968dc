package io.sabot.budget.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineSpeedTest {

    private static Environment on(MachineSpeed speed) {
        return new Environment("Vendor", "17.0.15", "VM", "Linux", "amd64", "AMD EPYC", 2, "1.37", List.of(), speed);
    }

    @Test
    void cpuWithinTenPercentAndMemoryWithinFiftyAreTheSameMachine() {
        MachineSpeed baseline = new MachineSpeed(1.00, 90);
        assertThat(new MachineSpeed(1.09, 61).differenceFrom(baseline)).isEmpty();
        assertThat(on(new MachineSpeed(0.92, 134)).differencesFrom(on(baseline))).isEmpty();
    }

    @Test
    void aSlowerOrFasterMachineIsADifferentEnvironmentAndSaysByHowMuch() {
        MachineSpeed baseline = new MachineSpeed(1.00, 90);
        assertThat(new MachineSpeed(1.26, 91).differenceFrom(baseline))
                .contains("machine speed: CPU chain 1.26 vs 1.00 ns per step (this machine 26% slower)");
        assertThat(on(new MachineSpeed(1.0, 150)).differencesFrom(on(baseline)))
                .containsExactly("machine speed: memory chase 150 vs 90.0 ns per load (this machine 67% slower)");
    }

    @Test
    void anUnmeasuredSideIsNotCompared() {
        assertThat(new MachineSpeed(5, 500).differenceFrom(MachineSpeed.UNKNOWN)).isEmpty();
        assertThat(MachineSpeed.UNKNOWN.differenceFrom(new MachineSpeed(1, 90))).isEmpty();
        assertThat(new MachineSpeed(2, 0).differenceFrom(new MachineSpeed(1, 90))).get().asString().contains("CPU chain")
                .doesNotContain("memory");
        assertThat(MachineSpeed.UNKNOWN.wasMeasured()).isFalse();
    }

    @Test
    void timingsMustBeFiniteAndNotNegative() {
        assertThatThrownBy(() -> new MachineSpeed(-1, 0)).hasMessageContaining("finite and not negative");
        assertThatThrownBy(() -> new MachineSpeed(1, Double.NaN)).hasMessageContaining("finite and not negative");
        assertThatThrownBy(() -> new MachineSpeed(Double.POSITIVE_INFINITY, 1)).hasMessageContaining("finite and not negative");
    }
}
