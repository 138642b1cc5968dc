package io.sabot.budget.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.RunResults;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The probe's part: timings that one disturbed round cannot move, recorded in the environment of
 * every run. What the report makes of them, and that no verdict does, is in
 * {@code io.sabot.budget.core.check.MachineSpeedNoteTest}.
 */
class MachineSpeedProbeTest {

    @Test
    void oneInterruptedRoundDoesNotMoveTheFigure() {
        // 3 warm-up rounds (JIT), then 9 timed rounds, one of them descheduled for 50x as long.
        Iterator<Long> times = LongStream.of(900, 700, 500, 100, 101, 99, 5000, 100, 102, 98, 100, 100).iterator();
        assertThat(MachineSpeedProbe.median(times::next)).isEqualTo(100);
        assertThat(times.hasNext()).as("every round was run").isFalse();
    }

    @Test
    void everyRunsEnvironmentCarriesBothTimings() {
        Environment environment = EnvironmentProbe.of(
                new RunResults("run.json", List.of(), Optional.empty(), Optional.empty(), Optional.empty()), null);
        // Plausible for any machine this runs on: a dependent multiply-add takes a few cycles, a cache miss tens of ns.
        assertThat(environment.speed().cpuNanosPerStep()).isBetween(0.05, 100.0);
        assertThat(environment.speed().memoryNanosPerLoad()).isBetween(1.0, 10_000.0);
        assertThat(environment.speed().memoryNanosPerLoad()).as("a miss to memory is slower than a multiply-add")
                .isGreaterThan(environment.speed().cpuNanosPerStep());
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
