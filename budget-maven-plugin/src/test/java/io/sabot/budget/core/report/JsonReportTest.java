package io.sabot.budget.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.model.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private ReportFixture fixture;

    @BeforeEach
    void fixture() throws Exception {
        fixture = new ReportFixture();
    }

    private JsonNode check(JsonNode root, String id, String benchmark) {
        for (JsonNode check : root.get("checks")) {
            if (check.get("id").asText().equals(id) && check.get("benchmark").asText().equals(benchmark)) {
                return check;
            }
        }
        throw new AssertionError("no check " + id + " of " + benchmark);
    }

    @Test
    void regressionChecksCarryTheirSlowdownIntervalAndThresholdLimitChecksDoNot() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JsonReport.render(fixture.context));

        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        CheckResult regression = fixture.context.evaluation().results().stream()
                .filter(r -> r.kind() == CheckKind.REGRESSION && r.benchmark().benchmark().equals(ReportFixture.LATENCY))
                .findFirst().orElseThrow();
        CheckResult.Slowdown expected = regression.slowdown().orElseThrow();
        JsonNode slowdown = check(root, "regression", ReportFixture.LATENCY).get("slowdown");
        assertThat(slowdown.get("low").asDouble()).isEqualTo(expected.low());
        assertThat(slowdown.get("estimate").asDouble()).isEqualTo(expected.estimate());
        assertThat(slowdown.get("high").asDouble()).isEqualTo(expected.high());
        assertThat(slowdown.get("threshold").asDouble()).isEqualTo(0.10);
        assertThat(check(root, "LAT-P99", ReportFixture.LATENCY).has("slowdown")).isFalse();
    }

    @Test
    void inPairedModeTheBaselineSourceSeedAndEveryPairAreWritten() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JsonReport.render(fixture.context, fixture.pairedData()));

        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        JsonNode paired = root.get("paired");
        assertThat(paired.get("baselineSource").asText()).isEqualTo(ReportFixture.BASELINE_CODE);
        assertThat(paired.get("seed").asLong()).isEqualTo(42);
        assertThat(paired.get("pairs")).hasSize(2);
        JsonNode first = paired.get("pairs").get(0);
        assertThat(first.get("round").asInt()).isEqualTo(1);
        assertThat(first.get("baselineFirst").asBoolean()).isTrue();
        assertThat(first.get("benchmarks").get(0).asText()).isEqualTo(ReportFixture.FAST);
        assertThat(first.get("benchmarks").get(1).asText()).isEqualTo(ReportFixture.LATENCY);
        assertThat(paired.get("pairs").get(1).get("baselineFirst").asBoolean()).isFalse();
        assertThat(first.has("params")).as("a pair of every @Param combination names none").isFalse();
    }

    @Test
    void aPairOfAnAdaptiveRoundNamesTheParamCombinationItRan() throws Exception {
        io.sabot.budget.core.model.PairedRun run = fixture.paired();
        java.util.List<io.sabot.budget.core.model.PairedRun.Pair> pairs = new java.util.ArrayList<>(run.pairs());
        pairs.add(new io.sabot.budget.core.model.PairedRun.Pair(3, java.util.List.of(ReportFixture.FAST),
                java.util.Map.of("size", "10"), true));
        JsonNode root = new ObjectMapper().readTree(JsonReport.render(fixture.context, fixture.data.withPaired(
                new io.sabot.budget.core.model.PairedRun(run.baselineSource(), run.baseline(), run.seed(), pairs))));
        JsonNode third = root.get("paired").get("pairs").get(2);
        assertThat(third.get("params").get("size").asText()).isEqualTo("10");
        assertThat(third.get("round").asInt()).isEqualTo(3);
    }

    @Test
    void withoutAPairedRunThereIsNoPairedField() throws Exception {
        assertThat(new ObjectMapper().readTree(JsonReport.render(fixture.context, fixture.data)).has("paired")).isFalse();
        assertThat(JsonReport.render(fixture.context, fixture.data)).isEqualTo(JsonReport.render(fixture.context));
    }

    @Test
    void aSlowdownThatIsNotFiniteIsWrittenAsNull() throws Exception {
        CheckResult open = ForestPlotTest.regression("io.x.A.open", Verdict.INCONCLUSIVE, -0.2, 0.05, Double.POSITIVE_INFINITY);
        ReportContext context = new ReportContext("p", new Evaluation(List.of(open), List.of(), List.of()), Optional.empty(),
                Optional.empty(), Duration.ZERO, List.of());
        JsonNode slowdown = new ObjectMapper().readTree(JsonReport.render(context)).get("checks").get(0).get("slowdown");
        assertThat(slowdown.get("high").isNull()).isTrue();
        assertThat(slowdown.get("low").asDouble()).isEqualTo(-0.2);
    }
}
