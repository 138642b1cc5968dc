package io.sabot.budget.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.budget.harness.PairedPlan.Load;
import io.sabot.budget.harness.PairedPlan.Mode;
import io.sabot.budget.harness.PairedPlan.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedPlanTest {

    @Test
    void parsesPhasesConditionsAndCountsOfBothModes() {
        PairedPlan plan = PairedPlan.parse("idle:aa=10+5,15=3+2,25=2;cpu:aa=3+1");
        assertThat(plan.phases()).hasSize(2);
        assertThat(plan.phases().get(0).load()).isEqualTo(Load.IDLE);
        assertThat(plan.phases().get(0).entries()).containsExactly(new PairedPlan.Entry(0, 10, 5),
                new PairedPlan.Entry(0.15, 3, 2), new PairedPlan.Entry(0.25, 2, 0));
        assertThat(plan.phases().get(1).load()).isEqualTo(Load.CPU);
        assertThat(plan.hasStoredBuilds()).isTrue();
        assertThat(PairedPlan.parse("idle:aa=2").hasStoredBuilds()).isFalse();
        assertThat(PairedPlan.parse(PairedPlan.DEFAULT).schedule()).isNotEmpty();
    }

    @Test
    void everyBuildOfThePlanIsScheduledOnceAndPhasesStayInOrder() {
        List<Step> steps = PairedPlan.parse("idle:aa=10+5,5=3+2,15=3+2,25=2+1;cpu:aa=3+2,15=2+1").schedule();
        assertThat(steps).hasSize(10 + 5 + 3 + 2 + 3 + 2 + 2 + 1 + 3 + 2 + 2 + 1);
        assertThat(steps.stream().filter(s -> s.load() == Load.IDLE && s.mode() == Mode.PAIRED && s.slowdown() == 0)).hasSize(10);
        assertThat(steps.stream().filter(s -> s.load() == Load.CPU && s.mode() == Mode.STORED && s.slowdown() == 0.15)).hasSize(1);
        int lastIdle = steps.lastIndexOf(steps.stream().filter(s -> s.load() == Load.IDLE).reduce((a, b) -> b).orElseThrow());
        assertThat(steps.subList(0, lastIdle + 1)).allMatch(s -> s.load() == Load.IDLE);
        assertThat(steps.subList(lastIdle + 1, steps.size())).allMatch(s -> s.load() == Load.CPU);
    }

    @Test
    void conditionsAreSpreadOverThePhaseNotRunOneAfterTheOther() {
        List<Step> steps = PairedPlan.parse("idle:aa=4+2,15=2").schedule();
        // positions: aa paired 1/8 3/8 5/8 7/8, aa stored 1/4 3/4, +15% paired 1/4 3/4
        assertThat(steps).containsExactly(
                new Step(Load.IDLE, Mode.PAIRED, 0),
                new Step(Load.IDLE, Mode.STORED, 0),
                new Step(Load.IDLE, Mode.PAIRED, 0.15),
                new Step(Load.IDLE, Mode.PAIRED, 0),
                new Step(Load.IDLE, Mode.PAIRED, 0),
                new Step(Load.IDLE, Mode.STORED, 0),
                new Step(Load.IDLE, Mode.PAIRED, 0.15),
                new Step(Load.IDLE, Mode.PAIRED, 0));
    }

    @Test
    void aPhaseMayBeCappedInMinutes() {
        PairedPlan plan = PairedPlan.parse("idle@45:aa=10+5;cpu:aa=2");
        assertThat(plan.phase(Load.IDLE).minutes()).isEqualTo(45);
        assertThat(plan.phase(Load.CPU).minutes()).isZero();
        java.time.Instant start = java.time.Instant.parse("2026-12-02T10:00:00Z");
        assertThat(PairedSession.capped(45, start, start.plusSeconds(44 * 60))).isFalse();
        assertThat(PairedSession.capped(45, start, start.plusSeconds(45 * 60))).isTrue();
        assertThat(PairedSession.capped(0, start, start.plusSeconds(999 * 60))).isFalse();
        assertThatThrownBy(() -> PairedPlan.parse("idle@x:aa=1")).hasMessageContaining("whole minutes");
        assertThatThrownBy(() -> PairedPlan.parse("idle@0:aa=1")).hasMessageContaining("1 minute or more");
    }

    @Test
    void badPlansSayWhatIsExpected() {
        assertThatThrownBy(() -> PairedPlan.parse("aa=10")).hasMessageContaining("lacks 'load:'");
        assertThatThrownBy(() -> PairedPlan.parse("busy:aa=1")).hasMessageContaining("expected idle or cpu");
        assertThatThrownBy(() -> PairedPlan.parse("idle:aa=1;idle:15=1")).hasMessageContaining("twice");
        assertThatThrownBy(() -> PairedPlan.parse("idle:0=1")).hasMessageContaining("as aa");
        assertThatThrownBy(() -> PairedPlan.parse("idle:x=1")).hasMessageContaining("aa or a slowdown in percent");
        assertThatThrownBy(() -> PairedPlan.parse("idle:aa=1+2+3")).hasMessageContaining("PAIRED+STORED");
        assertThatThrownBy(() -> PairedPlan.parse("idle:aa")).hasMessageContaining("CONDITION=PAIRED+STORED");
    }

    @Test
    void labels() {
        assertThat(PairedPlan.conditionLabel(0)).isEqualTo("A/A");
        assertThat(PairedPlan.conditionLabel(0.15)).isEqualTo("+15%");
        assertThat(PairedPlan.conditionLabel(0.05)).isEqualTo("+5%");
    }
}
