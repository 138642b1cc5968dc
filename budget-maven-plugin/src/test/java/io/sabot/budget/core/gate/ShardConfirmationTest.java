package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.Level;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The merged build's confirmation: reruns the shards made decide their checks; a FAIL without one says so. */
class ShardConfirmationTest {

    private static final BenchmarkKey RERUN = new BenchmarkKey("io.x.A.run", Mode.AVERAGE_TIME, Map.of());
    private static final BenchmarkKey NOT_RERUN = new BenchmarkKey("io.x.B.run", Mode.AVERAGE_TIME, Map.of());

    private static CheckResult check(BenchmarkKey key, Verdict verdict) {
        return new CheckResult("regression", CheckKind.REGRESSION, key, Level.ERROR, verdict, "+10%", OptionalDouble.of(1), 1.2,
                "ns/op", OptionalDouble.of(0.2), "[15%, 25%]", verdict + " " + key.benchmark(), List.of());
    }

    private static RunResults run(BenchmarkKey... keys) {
        List<io.sabot.budget.core.model.BenchmarkResult> results = new ArrayList<>();
        for (BenchmarkKey k : keys) {
            results.add(Forks.result(k, new double[][] {{1, 1, 1}}));
        }
        return new RunResults("r", results, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void aRerunDecidesItsCheckAndAFailWithoutARerunSaysItWasNotConfirmed() throws Exception {
        Evaluation merged = new Evaluation(List.of(check(RERUN, Verdict.FAIL), check(NOT_RERUN, Verdict.FAIL)), List.of(),
                List.of());
        List<RunResults> reevaluated = new ArrayList<>();
        Evaluation confirmed = ShardConfirmation.apply(merged, run(RERUN, NOT_RERUN), run(RERUN), 1, withRerun -> {
            reevaluated.add(withRerun);
            // the rerun of A passes; B's data is unchanged, so it would fail again, but it was not re-measured
            return new Evaluation(List.of(check(RERUN, Verdict.PASS), check(NOT_RERUN, Verdict.FAIL)), List.of(), List.of());
        });

        assertThat(reevaluated).hasSize(1);
        CheckResult a = confirmed.results().get(0);
        CheckResult b = confirmed.results().get(1);
        assertThat(a.verdict()).isEqualTo(Verdict.PASS);
        assertThat(a.notes()).anyMatch(n -> n.contains("treated as noise"));
        assertThat(b.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(b.notes()).anyMatch(n -> n.startsWith("not confirmed by a rerun: its shard's own evaluation did not fail it"))
                .noneMatch(n -> n.startsWith("confirmed by rerun"));
    }

    @Test
    void withoutFailuresNothingIsReevaluated() throws Exception {
        Evaluation merged = new Evaluation(List.of(check(RERUN, Verdict.PASS)), List.of(), List.of());
        assertThat(ShardConfirmation.apply(merged, run(RERUN), run(RERUN), 1, r -> {
            throw new AssertionError("no failure, no reevaluation");
        })).isSameAs(merged);
    }
}
