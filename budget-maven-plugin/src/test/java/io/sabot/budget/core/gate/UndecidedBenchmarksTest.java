package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Level;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Which undecided checks adaptive measurement pays for first when the time left cannot pay for all. */
class UndecidedBenchmarksTest {

    private static CheckResult regression(String name, double low, double estimate, double high) {
        return new CheckResult("regression", CheckKind.REGRESSION, Forks.key(name, Map.of()), Level.ERROR, Verdict.INCONCLUSIVE,
                "<= +10% vs baseline", OptionalDouble.of(1), 1, "ns/op", OptionalDouble.of(estimate), "", "", List.of(),
                Optional.of(new CheckResult.Slowdown(low, estimate, high, 0.10)));
    }

    private static CheckResult limit(String name) {
        return new CheckResult("LIMIT", CheckKind.SCORE, Forks.key(name, Map.of()), Level.ERROR, Verdict.INCONCLUSIVE,
                "<= 10 ns/op", OptionalDouble.empty(), 10, "ns/op", OptionalDouble.empty(), "", "", List.of());
    }

    @Test
    void checksNeedingLeastMoreMeasurementComeFirstAndLimitsBeforeRegressions() {
        CheckResult straddling = regression("io.x.B.straddling", 0.05, 0.10, 0.15); // estimate on the threshold: never decides
        CheckResult near = regression("io.x.B.near", 0.01, 0.03, 0.11); // (5/7)^2 = 0.51 of its measurement again
        CheckResult wide = regression("io.x.B.wide", -0.20, 0.02, 0.24); // (22/8)^2 = 7.6 times
        CheckResult unbounded = regression("io.x.B.unbounded", Double.NEGATIVE_INFINITY, 0.0, Double.POSITIVE_INFINITY);
        CheckResult spec = limit("io.x.B.spec");

        assertThat(UndecidedBenchmarks.nearestDecisionFirst(List.of(straddling, wide, near, unbounded, spec)))
                .containsExactly(spec, near, wide, straddling, unbounded);
        assertThat(UndecidedBenchmarks.measurementFactor(near)).isCloseTo(25.0 / 49, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void fittingTakesAsManyChecksAsTheRoomHoldsInThatOrder() {
        CheckResult near = regression("io.x.B.near", 0.01, 0.03, 0.11);
        CheckResult wide = regression("io.x.B.wide", -0.20, 0.02, 0.24);
        CheckResult wider = regression("io.x.B.wider", -0.40, 0.02, 0.44);
        BudgetFile none = BudgetFile.empty("none");
        RunResults empty = new RunResults("none", List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        List<CheckResult> ranked = UndecidedBenchmarks.nearestDecisionFirst(List.of(wider, wide, near));

        assertThat(UndecidedBenchmarks.fitting(ranked, none, empty, 2)).extracting(BenchmarkKey::benchmark)
                .containsExactly("io.x.B.near", "io.x.B.wide");
        assertThat(UndecidedBenchmarks.fitting(ranked, none, empty, 0)).isEmpty();
        assertThat(UndecidedBenchmarks.fitting(ranked, none, empty, 1)).extracting(BenchmarkKey::benchmark)
                .containsExactly("io.x.B.near");
    }

    @Test
    void resultsThatCannotBeMeasuredTakeNoPlaceInTheRoom() {
        CheckResult near = regression("io.x.B.near", 0.01, 0.03, 0.11);
        CheckResult hereOnly = regression("io.x.B.hereOnly", 0.00, 0.02, 0.12);
        CheckResult wide = regression("io.x.B.wide", -0.20, 0.02, 0.24);
        BudgetFile none = BudgetFile.empty("none");
        RunResults empty = new RunResults("none", List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        List<CheckResult> ranked = UndecidedBenchmarks.nearestDecisionFirst(List.of(wide, hereOnly, near));

        // in paired mode a benchmark of this side only gets no pairs: the room of two goes to near and wide
        assertThat(UndecidedBenchmarks.fitting(ranked, none, empty, 2, key -> !key.benchmark().endsWith("hereOnly")))
                .extracting(BenchmarkKey::benchmark).containsExactly("io.x.B.near", "io.x.B.wide");
        assertThat(UndecidedBenchmarks.fitting(ranked, none, empty, 2)).extracting(BenchmarkKey::benchmark)
                .containsExactly("io.x.B.near", "io.x.B.hereOnly");
    }
}
