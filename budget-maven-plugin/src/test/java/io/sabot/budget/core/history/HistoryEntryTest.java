package io.sabot.budget.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.MetricUnit;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.RunResults;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryEntryTest {

    static RunResults run(Metric primary, Mode mode) {
        return new RunResults("r.json", List.of(new BenchmarkResult(new BenchmarkKey("io.x.B.m", mode, Map.of()), 1,
                primary.iterationScores().size(), "17", "VM", "17", "1.37", List.of(), primary, Map.of())),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void forkMeansComeFromTheRawIterations() {
        Metric primary = new Metric("primary", 2.5, 0, 0, 0, MetricUnit.parse("ns/op"), Mode.AVERAGE_TIME.primaryDirection(),
                Map.of(), List.of(new double[] {1, 2, 3}, new double[] {3, 4}), List.of());
        HistoryEntry entry = HistoryEntry.of(run(primary, Mode.AVERAGE_TIME), Instant.EPOCH, Optional.empty(), Optional.empty());
        assertThat(entry.benchmarks().get(0).forkMeans()).containsExactly(2, 3.5);
        assertThat(entry.benchmarks().get(0).score()).isEqualTo(2.5);
    }

    @Test
    void sampleTimeResultsWithOnlyHistogramsGetForkMeansFromTheHistograms() {
        // fork 1: iterations with means 1.5 and 3; fork 2: one iteration with mean 10
        List<List<double[][]>> histograms = List.of(
                List.of(new double[][] {{1, 1}, {2, 1}}, new double[][] {{3, 4}}),
                List.<double[][]>of(new double[][] {{10, 7}}));
        Metric primary = new Metric("primary", 4, 0, 0, 0, MetricUnit.parse("us/op"), Mode.SAMPLE_TIME.primaryDirection(),
                Map.of(), List.of(), histograms);
        assertThat(primary.iterationScores()).satisfiesExactly(
                f -> assertThat(f).containsExactly(1.5, 3), f -> assertThat(f).containsExactly(10));
        HistoryEntry entry = HistoryEntry.of(run(primary, Mode.SAMPLE_TIME), Instant.EPOCH, Optional.empty(), Optional.empty());
        assertThat(entry.benchmarks().get(0).forkMeans()).containsExactly(2.25, 10);
    }

    @Test
    void anEntryRecognisesTheResultsItWasMadeFrom() {
        Metric primary = new Metric("primary", 2.5, 0, 0, 0, MetricUnit.parse("ns/op"), Mode.AVERAGE_TIME.primaryDirection(),
                Map.of(), List.of(new double[] {2, 3}), List.of());
        Metric other = new Metric("primary", 2.5000001, 0, 0, 0, MetricUnit.parse("ns/op"), Mode.AVERAGE_TIME.primaryDirection(),
                Map.of(), List.of(new double[] {2, 3}), List.of());
        HistoryEntry entry = HistoryEntry.of(run(primary, Mode.AVERAGE_TIME), Instant.EPOCH, Optional.empty(), Optional.empty());
        assertThat(entry.records(run(primary, Mode.AVERAGE_TIME))).isTrue();
        assertThat(entry.records(run(other, Mode.AVERAGE_TIME))).isFalse();
        assertThat(entry.shortCommit()).isEqualTo("-");
    }
}
