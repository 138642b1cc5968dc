package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.fork.ListedBenchmark;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.PairedRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What one pair of a paired run measures: a benchmark at one @Param combination, packed three to a JMH run. */
class PairedUnitsTest {

    private static ListedBenchmark listed(String name, Map<String, List<String>> params) {
        return new ListedBenchmark(name, params);
    }

    @Test
    void everyCombinationListedAlikeOnBothSidesIsAUnit() {
        List<ListedBenchmark> here = List.of(listed("io.x.A.get", Map.of("size", List.of("10", "1000"))),
                listed("io.x.A.put", Map.of()), listed("io.x.A.fresh", Map.of()));
        List<ListedBenchmark> there = List.of(listed("io.x.A.get", Map.of("size", List.of("10", "1000"))),
                listed("io.x.A.put", Map.of()));

        List<PairedMeasurement.Unit> units = PairedMeasurement.units(here, there, false);

        assertThat(units).extracting(PairedMeasurement.Unit::name).containsExactly("io.x.A.get", "io.x.A.get", "io.x.A.put");
        assertThat(units).extracting(PairedMeasurement.Unit::pins).containsExactly(Map.of("size", "10"),
                Map.of("size", "1000"), Map.of());
        assertThat(units).noneMatch(PairedMeasurement.Unit::open);
    }

    @Test
    void aBenchmarkWhoseValuesDifferBetweenTheSidesOrCannotBePinnedRunsWholeAndAlone() {
        List<ListedBenchmark> here = List.of(listed("io.x.A.get", Map.of("size", List.of("10", "20"))),
                listed("io.x.A.text", Map.of("csv", List.of("a,b", "c"))), listed("io.x.A.put", Map.of()));
        List<ListedBenchmark> there = List.of(listed("io.x.A.get", Map.of("size", List.of("10"))),
                listed("io.x.A.text", Map.of("csv", List.of("a,b", "c"))), listed("io.x.A.put", Map.of()));

        List<PairedMeasurement.Unit> units = PairedMeasurement.units(here, there, false);
        assertThat(units).extracting(PairedMeasurement.Unit::open).containsExactly(true, true, false);
        assertThat(PairedMeasurement.groups(units)).extracting(PairedMeasurement.Group::names)
                .containsExactly(List.of("io.x.A.get"), List.of("io.x.A.text"), List.of("io.x.A.put"));
        // the user's own -p restricts the run: every benchmark then runs whole, as the user asked
        assertThat(PairedMeasurement.units(there, there, true)).extracting(PairedMeasurement.Unit::pins)
                .containsOnly(Map.of());
    }

    @Test
    void unitsWhosePinsAgreeShareARunOfAtMostThreeAndEachPairKnowsWhatItRan() {
        List<ListedBenchmark> listed = List.of(listed("io.x.A.get", Map.of("size", List.of("10", "1000"))),
                listed("io.x.B.scan", Map.of("keys", List.of("5"))), listed("io.x.C.plain", Map.of()),
                listed("io.x.D.put", Map.of("size", List.of("10"))));

        List<PairedMeasurement.Group> groups = PairedMeasurement.groups(PairedMeasurement.units(listed, listed, false));

        assertThat(groups).extracting(PairedMeasurement.Group::names).containsExactly(
                List.of("io.x.A.get", "io.x.B.scan", "io.x.C.plain"), List.of("io.x.A.get"), List.of("io.x.D.put"));
        assertThat(groups).extracting(PairedMeasurement.Group::pins).containsExactly(
                Map.of("size", "10", "keys", "5"), Map.of("size", "1000"), Map.of("size", "10"));
        PairedRun.Pair second = new PairedRun.Pair(1, groups.get(1).names(), groups.get(1).params(), true);
        assertThat(second.ran(new BenchmarkKey("io.x.A.get", Mode.AVERAGE_TIME, Map.of("size", "1000")))).isTrue();
        assertThat(second.ran(new BenchmarkKey("io.x.A.get", Mode.AVERAGE_TIME, Map.of("size", "10")))).isFalse();
        PairedRun.Pair first = new PairedRun.Pair(1, groups.get(0).names(), groups.get(0).params(), false);
        assertThat(first.ran(new BenchmarkKey("io.x.C.plain", Mode.AVERAGE_TIME, Map.of()))).isTrue();
        assertThat(first.ran(new BenchmarkKey("io.x.B.scan", Mode.AVERAGE_TIME, Map.of("keys", "5")))).isTrue();
    }
}
