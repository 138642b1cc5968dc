package io.sabot.budget.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildDrawTest {

    @Test
    void acrossPoolsPairsEveryBaselineGroupWithEveryCurrentGroup() {
        List<BuildDraw> draws = BuildDraw.acrossPools(3, 2);
        assertThat(draws).containsExactly(
                new BuildDraw(0, 0, 1), new BuildDraw(0, 1, 0),
                new BuildDraw(1, 0, 1), new BuildDraw(1, 1, 0),
                new BuildDraw(2, 0, 1), new BuildDraw(2, 1, 0));
    }

    @Test
    void acrossPoolsNeedsAConfirmationGroup() {
        assertThatThrownBy(() -> BuildDraw.acrossPools(3, 1)).hasMessageContaining("has only 1");
    }

    @Test
    void withinAPoolTheBaselineIsEarlierAndTheThreeGroupsAreDisjoint() {
        List<BuildDraw> draws = BuildDraw.withinPool(4);
        assertThat(draws).hasSize(6);
        for (BuildDraw d : draws) {
            assertThat(d.baselineGroup()).isLessThan(d.currentGroup());
            assertThat(d.confirmationGroup()).isNotIn(d.baselineGroup(), d.currentGroup()).isBetween(0, 3);
        }
        assertThat(draws).contains(new BuildDraw(0, 3, 1), new BuildDraw(1, 2, 3));
    }

    @Test
    void withinAPoolOfTwoGroupsNoBuildCanBeConfirmed() {
        assertThat(BuildDraw.withinPool(2)).isEmpty();
        assertThat(BuildDraw.withinPool(3)).containsExactly(new BuildDraw(0, 1, 2), new BuildDraw(0, 2, 1), new BuildDraw(1, 2, 0));
    }
}
