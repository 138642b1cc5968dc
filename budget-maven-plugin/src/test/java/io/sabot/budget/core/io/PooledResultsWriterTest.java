package io.sabot.budget.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.MetricUnit;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.RunResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PooledResultsWriterTest {

    private static final String ALLOC = "\u00b7gc.alloc.rate.norm";

    @TempDir
    Path dir;

    private static String entry(String benchmark, String size) {
        return """
                {"benchmark": "%s", "mode": "avgt", "threads": 1, "forks": 1, "jmhVersion": "1.37",
                 "warmupIterations": 3, "params": {"size": "%s"},
                 "primaryMetric": {"score": 10.0, "scoreError": "NaN", "scoreConfidence": ["NaN", "NaN"],
                   "scorePercentiles": {"0.0": 10.0, "100.0": 10.0}, "scoreUnit": "ns/op", "rawData": [[10.0, 10.0]]},
                 "secondaryMetrics": {"%s": {"score": 16.0, "scoreError": "NaN", "scoreConfidence": ["NaN", "NaN"],
                   "scoreUnit": "B/op", "rawData": [[16.0, 16.0]]}}}
                """.formatted(benchmark, size, ALLOC);
    }

    private static Metric metric(String name, String unit, double[]... forks) {
        return new Metric(name, 12, 1, 11, 13, MetricUnit.parse(unit), Direction.LOWER_IS_BETTER, Map.of(0.0, 9.0, 100.0, 14.0),
                List.of(forks), List.of());
    }

    @Test
    void pooledEntriesGetEveryForkAndTheirDerivedNumbersWhileEverythingElseStays() throws Exception {
        Path file = dir.resolve("results.json");
        Files.writeString(file, "[" + entry("io.x.B.a", "10") + "," + entry("io.x.B.a", "20") + "]");
        BenchmarkKey pooledKey = new BenchmarkKey("io.x.B.a", Mode.AVERAGE_TIME, Map.of("size", "10"));
        BenchmarkResult pooled = new BenchmarkResult(pooledKey, 1, 3, "17", "", "", "1.37", List.of(),
                metric("primary", "ns/op", new double[] {10, 10}, new double[] {12, 12}, new double[] {14, 14}),
                Map.of(ALLOC, metric(ALLOC, "B/op", new double[] {16, 16}, new double[] {16, 16}, new double[] {16, 16})));
        RunResults current = ResultFiles.read(file);
        RunResults withPool = new RunResults("pooled", List.of(pooled, current.results().get(1)), Optional.empty(),
                Optional.empty(), Optional.empty());

        assertThat(PooledResultsWriter.write(file, withPool)).isEqualTo(1);

        RunResults stored = ResultFiles.read(file);
        BenchmarkResult a10 = stored.find(pooledKey).orElseThrow();
        assertThat(a10.forks()).isEqualTo(3);
        assertThat(a10.primary().rawData()).hasSize(3);
        assertThat(a10.primary().score()).isEqualTo(12);
        assertThat(a10.primary().confidenceLow()).isEqualTo(11);
        assertThat(a10.primary().percentiles()).containsEntry(100.0, 14.0);
        assertThat(a10.secondary(ALLOC).orElseThrow().rawData()).hasSize(3);
        BenchmarkResult a20 = stored.find(new BenchmarkKey("io.x.B.a", Mode.AVERAGE_TIME, Map.of("size", "20"))).orElseThrow();
        assertThat(a20.primary().rawData()).hasSize(1);
        assertThat(Double.isNaN(a20.primary().scoreError())).isTrue();
        JsonNode tree = new ObjectMapper().readTree(file.toFile());
        assertThat(tree.get(0).get("warmupIterations").asInt()).isEqualTo(3);
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void nothingPooledLeavesTheFileUntouched() throws Exception {
        Path file = dir.resolve("results.json");
        String original = "[" + entry("io.x.B.a", "10") + "]";
        Files.writeString(file, original);

        assertThat(PooledResultsWriter.write(file, ResultFiles.read(file))).isZero();

        assertThat(Files.readString(file)).isEqualTo(original);
    }

    @Test
    void sampleTimeEntriesPoolTheirHistograms() throws Exception {
        Path file = dir.resolve("results.json");
        Files.writeString(file, """
                [{"benchmark": "io.x.B.s", "mode": "sample", "threads": 1, "forks": 1, "jmhVersion": "1.37",
                  "primaryMetric": {"score": 2.0, "scoreError": "NaN", "scoreConfidence": ["NaN", "NaN"],
                    "scoreUnit": "us/op", "rawDataHistogram": [[[[2.0, 5]]]]},
                  "secondaryMetrics": {}}]
                """);
        BenchmarkKey key = new BenchmarkKey("io.x.B.s", Mode.SAMPLE_TIME, Map.of());
        Metric histograms = new Metric("primary", 2.5, Double.NaN, Double.NaN, Double.NaN, MetricUnit.parse("us/op"),
                Direction.LOWER_IS_BETTER, Map.of(), List.of(),
                List.of(List.<double[][]>of(new double[][] {{2.0, 5}}), List.<double[][]>of(new double[][] {{3.0, 5}})));
        RunResults pooled = new RunResults("pooled", List.of(new BenchmarkResult(key, 1, 2, "17", "", "", "1.37", List.of(),
                histograms, Map.of())), Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(PooledResultsWriter.write(file, pooled)).isEqualTo(1);

        BenchmarkResult stored = ResultFiles.read(file).find(key).orElseThrow();
        assertThat(stored.forks()).isEqualTo(2);
        assertThat(stored.primary().histograms()).hasSize(2);
        assertThat(stored.primary().score()).isEqualTo(2.5);
        assertThat(new ObjectMapper().readTree(file.toFile()).get(0).get("primaryMetric").has("rawData")).isFalse();
    }
}
