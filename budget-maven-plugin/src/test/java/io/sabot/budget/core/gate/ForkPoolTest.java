package io.sabot.budget.core.gate;

import static io.sabot.budget.core.gate.Forks.key;
import static io.sabot.budget.core.gate.Forks.result;
import static io.sabot.budget.core.gate.Forks.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.MetricUnit;
import io.sabot.budget.core.model.RunResults;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class ForkPoolTest {

    private static final BenchmarkKey A = key("io.x.Bench.a", Map.of());
    private static final BenchmarkKey B = key("io.x.Bench.b", Map.of("size", "10"));

    @Test
    void extraForksAreAppendedWithTheirIdentityAndTheScoreCoversEverySample() throws Exception {
        double[] f1 = {100, 102};
        double[] f2 = {110, 112};
        double[] f3 = {90, 92};
        RunResults current = run("first.json", result(A, f1, f2));
        RunResults extra = run("adaptive-1/results.json", result(A, f3));

        BenchmarkResult pooled = ForkPool.pool(current, extra, Set.of(A)).find(A).orElseThrow();

        // Three forks, each still its own array: fork-to-fork variance stays visible to the statistics.
        assertThat(pooled.primary().rawData()).containsExactly(f1, f2, f3);
        assertThat(pooled.forks()).isEqualTo(3);
        assertThat(pooled.primary().score()).isCloseTo((100 + 102 + 110 + 112 + 90 + 92) / 6.0, offset(1e-9));
    }

    @Test
    void theErrorAndIntervalAreRecomputedAsJmhWouldOverThePooledSamples() throws Exception {
        RunResults current = run("first.json", result(A, new double[] {10, 12, 14}));
        RunResults extra = run("extra.json", result(A, new double[] {11, 13, 15}));

        Metric pooled = ForkPool.pool(current, extra, Set.of(A)).find(A).orElseThrow().primary();

        double[] all = {10, 12, 14, 11, 13, 15};
        double mean = 12.5;
        double sd = Math.sqrt(java.util.Arrays.stream(all).map(v -> (v - mean) * (v - mean)).sum() / 5);
        double t = new TDistribution(5).inverseCumulativeProbability(0.9995);
        assertThat(pooled.scoreError()).isCloseTo(t * sd / Math.sqrt(6), offset(1e-9));
        assertThat(pooled.confidenceLow()).isCloseTo(mean - t * sd / Math.sqrt(6), offset(1e-9));
        assertThat(pooled.confidenceHigh()).isCloseTo(mean + t * sd / Math.sqrt(6), offset(1e-9));
    }

    @Test
    void onlyTargetsArePooledEvenWhenTheExtraRunMeasuredMore() throws Exception {
        BenchmarkResult a = result(A, new double[] {1, 1});
        BenchmarkResult b = result(B, new double[] {5, 5});
        RunResults current = run("first.json", a, b);
        RunResults extra = run("extra.json", result(A, new double[] {2, 2}), result(B, new double[] {9, 9}));

        RunResults pooled = ForkPool.pool(current, extra, Set.of(A));

        assertThat(pooled.find(B).orElseThrow()).isSameAs(b);
        assertThat(pooled.find(A).orElseThrow().primary().rawData()).hasSize(2);
        assertThat(pooled.results()).extracting(BenchmarkResult::key).containsExactly(A, B);
    }

    @Test
    void aTargetTheExtraRunDidNotMeasureStaysAsItWas() throws Exception {
        BenchmarkResult a = result(A, new double[] {1, 1});
        RunResults pooled = ForkPool.pool(run("first.json", a), run("extra.json", result(B, new double[] {2, 2})), Set.of(A));
        assertThat(pooled.find(A).orElseThrow()).isSameAs(a);
    }

    @Test
    void secondaryMetricsArePooledForkByFork() throws Exception {
        Metric alloc1 = Forks.metric("gc.alloc.rate.norm", new double[] {16, 16});
        Metric alloc2 = Forks.metric("gc.alloc.rate.norm", new double[] {32, 32});
        BenchmarkResult first = withSecondary(result(A, new double[] {1, 1}), alloc1);
        BenchmarkResult more = withSecondary(result(A, new double[] {1, 1}), alloc2);

        Metric pooled = ForkPool.pool(first, more).secondary("gc.alloc.rate.norm").orElseThrow();

        assertThat(pooled.rawData()).hasSize(2);
        assertThat(pooled.score()).isEqualTo(24);
    }

    @Test
    void sampleTimeHistogramsArePooledAndTheScoreIsWeightedBySampleCount() throws Exception {
        // Fork 1: 3 samples of 10; fork 2: 1 sample of 50. JMH's score is the mean over all samples: 20.
        Metric first = histogramMetric(10, List.of(List.<double[][]>of(new double[][] {{10, 3}})));
        Metric more = histogramMetric(50, List.of(List.<double[][]>of(new double[][] {{50, 1}})));

        Metric pooled = ForkPool.pool(result(A, new double[] {1}), first, more);

        assertThat(pooled.histograms()).hasSize(2);
        assertThat(pooled.score()).isEqualTo(20);
        assertThat(pooled.percentiles().get(50.0)).isEqualTo(10);
        assertThat(pooled.percentiles().get(100.0)).isEqualTo(50);
    }

    @Test
    void metricsInDifferentUnitsStopTheBuildNamingTheBenchmarkAndTheFix() throws Exception {
        // An IllegalArgumentException here reached Maven as an internal error, naming neither.
        BenchmarkResult ns = result(A, new double[] {1, 1});
        Metric us = new Metric("primary", 1, Double.NaN, Double.NaN, Double.NaN, MetricUnit.parse("us/op"),
                Direction.LOWER_IS_BETTER, Map.of(), List.of(new double[] {1, 1}), List.of());
        BenchmarkResult inUs = new BenchmarkResult(A, 1, 1, "17", "OpenJDK", "17", "1.37", List.of(), us, Map.of());
        assertThatThrownBy(() -> ForkPool.pool(run("round-1", ns), run("round-2", inUs), Set.of(A)))
                .isInstanceOf(GateException.class)
                .hasMessageStartingWith("Cannot pool the forks of " + A.label() + ": its score is in ns/op in one JMH run"
                        + " and in us/op in another")
                .hasMessageContaining("@OutputTimeUnit").hasMessageContaining("<jmhArgs> (-Dbudget.jmhArgs)");

        Metric allocInKb = new Metric("gc.alloc.rate.norm", 1, Double.NaN, Double.NaN, Double.NaN, MetricUnit.parse("KB/op"),
                Direction.LOWER_IS_BETTER, Map.of(), List.of(new double[] {1, 1}), List.of());
        BenchmarkResult first = withSecondary(result(A, new double[] {1, 1}), Forks.metric("gc.alloc.rate.norm", new double[] {1}));
        BenchmarkResult more = withSecondary(result(A, new double[] {1, 1}), allocInKb);
        assertThatThrownBy(() -> ForkPool.pool(first, more)).isInstanceOf(GateException.class)
                .hasMessageContaining("its metric 'gc.alloc.rate.norm' is in ns/op in one JMH run and in KB/op in another");
    }

    private static BenchmarkResult withSecondary(BenchmarkResult r, Metric secondary) {
        return new BenchmarkResult(r.key(), r.threads(), r.forks(), r.jdkVersion(), r.vmName(), r.vmVersion(), r.jmhVersion(),
                r.jvmArgs(), r.primary(), Map.of(secondary.name(), secondary));
    }

    private static Metric histogramMetric(double score, List<List<double[][]>> histograms) {
        return new Metric("primary", score, Double.NaN, Double.NaN, Double.NaN, MetricUnit.NS_PER_OP,
                Direction.LOWER_IS_BETTER, Map.of(50.0, score, 100.0, score), List.of(new double[] {score}), histograms);
    }
}
