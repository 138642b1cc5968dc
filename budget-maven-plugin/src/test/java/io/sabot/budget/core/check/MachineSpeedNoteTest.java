package io.sabot.budget.core.check;

import static io.sabot.budget.core.check.Results.result;
import static io.sabot.budget.core.check.Results.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.MachineSpeed;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the machine-speed probe is used for: a note that says how much slower this machine ran the
 * probe than when the baseline was recorded, with both timings. It is informational only: no
 * threshold and no verdict depends on it (a threshold raised by the probe once let +56% pass).
 */
class MachineSpeedNoteTest {

    static final String BENCH = "io.x.Bench";
    static final MachineSpeed AT_BASELINE = new MachineSpeed(2.0, 100);

    private final BudgetEvaluator evaluator = new BudgetEvaluator(Statistics.standard(), false);

    static Environment machine(MachineSpeed speed) {
        return new Environment("Eclipse Adoptium", "17.0.15", "OpenJDK", "Linux", "amd64", "EPYC", 2, "1.37", List.of(), speed);
    }

    static RunResults baseline() {
        return new RunResults("baseline.json", List.of(
                result(BENCH + ".same", Mode.AVERAGE_TIME, "ns/op", Map.of(), 100, 101, 99, 100),
                result(BENCH + ".slower", Mode.AVERAGE_TIME, "ns/op", Map.of(), 100, 101, 99, 100),
                result(BENCH + ".edge", Mode.AVERAGE_TIME, "ns/op", Map.of(), 100, 101, 99, 100),
                result(BENCH + ".faster", Mode.THROUGHPUT, "ops/s", Map.of(), 1000, 1010, 990, 1000)),
                Optional.of(machine(AT_BASELINE)), Optional.empty(), Optional.empty());
    }

    static RunResults current() {
        return run(
                result(BENCH + ".same", Mode.AVERAGE_TIME, "ns/op", Map.of(), 100, 102, 98, 100),
                result(BENCH + ".slower", Mode.AVERAGE_TIME, "ns/op", Map.of(), 140, 141, 139, 140),
                result(BENCH + ".edge", Mode.AVERAGE_TIME, "ns/op", Map.of(), 110, 121, 99, 110),
                result(BENCH + ".faster", Mode.THROUGHPUT, "ops/s", Map.of(), 1500, 1510, 1490, 1500));
    }

    private Evaluation onMachine(MachineSpeed speed) {
        return evaluator.evaluate(BudgetFile.empty("none"), current(), Optional.of(baseline()), Optional.of(machine(speed)));
    }

    private static List<String> speedNotes(Evaluation evaluation) {
        return evaluation.notes().stream().filter(n -> n.contains("speed probe")).toList();
    }

    @Test
    void aSlowerMachineIsNamedWithHowMuchSlowerAndBothTimingsThisRunFirst() {
        assertThat(speedNotes(onMachine(new MachineSpeed(3.0, 150)))).singleElement().asString()
                .startsWith("This machine ran the speed probe 50% slower than when the baseline was recorded"
                        + " (CPU chain 3.00 vs 2.00 ns per step, memory chase 150 vs 100 ns per load).")
                .contains("Thresholds are not adjusted for it")
                .contains("-Dbudget.against=git:baseline");
        assertThat(speedNotes(onMachine(new MachineSpeed(5.0, 100)))).singleElement().asString()
                .contains("150% slower").contains("CPU chain 5.00 vs 2.00 ns per step");
    }

    @Test
    void aFasterMachineOneWithinTheProbesNoiseOrAnUnmeasuredOneIsNotCalledSlower() {
        assertThat(speedNotes(onMachine(new MachineSpeed(1.0, 100)))).as("twice as fast").isEmpty();
        assertThat(speedNotes(onMachine(new MachineSpeed(2.19, 100)))).as("9.5% slower: the probe's own noise").isEmpty();
        assertThat(speedNotes(onMachine(new MachineSpeed(2.0, 400)))).as("only the CPU chain counts").isEmpty();
        assertThat(speedNotes(onMachine(MachineSpeed.UNKNOWN))).as("not measured here").isEmpty();
        Evaluation againstUnmeasured = evaluator.evaluate(BudgetFile.empty("none"), current(),
                Optional.of(new RunResults("old.json", baseline().results(), Optional.of(machine(MachineSpeed.UNKNOWN)),
                        Optional.empty(), Optional.empty())),
                Optional.of(machine(new MachineSpeed(9.0, 100))));
        assertThat(speedNotes(againstUnmeasured)).as("a baseline recorded before the probe").isEmpty();
    }

    @Test
    void theSpeedNeverChangesAVerdictAThresholdOrAnInterval() {
        List<CheckResult> sameSpeed = onMachine(AT_BASELINE).results();
        assertThat(sameSpeed).extracting(CheckResult::verdict).contains(Verdict.PASS, Verdict.FAIL);
        assertThat(sameSpeed).extracting(CheckResult::limit).containsOnly("<= +10.000% vs baseline");
        for (MachineSpeed speed : List.of(new MachineSpeed(1.0, 50), new MachineSpeed(2.8, 100), new MachineSpeed(6.0, 900),
                MachineSpeed.UNKNOWN)) {
            assertThat(onMachine(speed).results()).as("on a machine with %s", speed).isEqualTo(sameSpeed);
        }
    }
}
