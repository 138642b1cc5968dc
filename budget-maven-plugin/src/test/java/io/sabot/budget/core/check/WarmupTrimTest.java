package io.sabot.budget.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.MetricUnit;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.RunResults;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarmupTrimTest {

    private static final String GET = "io.x.Bench.get";

    private static BenchmarkResult result(Mode mode, double scoreError, Map<String, Metric> secondary, double[]... forks) {
        double sum = 0;
        int n = 0;
        for (double[] fork : forks) {
            for (double v : fork) {
                sum += v;
                n++;
            }
        }
        Metric primary = new Metric("primary", sum / n, scoreError, sum / n - scoreError, sum / n + scoreError,
                MetricUnit.parse(mode == Mode.THROUGHPUT ? "ops/us" : "ns/op"), mode.primaryDirection(), Map.of(50.0, sum / n),
                List.of(forks), List.of());
        return new BenchmarkResult(new BenchmarkKey(GET, mode, Map.of("size", "10")), 1, forks.length, "17", "OpenJDK", "17",
                "1.37", List.of(), primary, secondary);
    }

    private static BenchmarkResult avgt(double[]... forks) {
        return result(Mode.AVERAGE_TIME, Double.NaN, Map.of(), forks);
    }

    private static RunResults run(BenchmarkResult... results) {
        return Results.run(results);
    }

    private static WarmupTrim.Trimmed trim(RunResults current) {
        return WarmupTrim.apply(current, Optional.empty());
    }

    @Test
    void onlyLeadingWarmUpIterationsGoAndEveryForkKeepsItsPlace() {
        Metric alloc = Results.secondary("\u00b7gc.alloc.rate.norm", "B/op", 24);
        BenchmarkResult measured = result(Mode.AVERAGE_TIME, 1.5, Map.of("\u00b7gc.alloc.rate.norm", alloc),
                new double[] {13, 12, 7, 6, 6, 6},
                new double[] {6.01, 5.99, 6.0, 6.02, 5.98, 6.0},
                new double[] {14, 6, 6.05, 5.95, 6, 6});
        WarmupTrim.Trimmed trimmed = trim(run(measured));

        BenchmarkResult steady = trimmed.current().results().get(0);
        assertThat(steady.forks()).isEqualTo(3);
        List<double[]> raw = steady.primary().rawData();
        assertThat(raw).hasSize(3);
        assertThat(raw.get(0)).containsExactly(6, 6, 6);
        assertThat(raw.get(1)).containsExactly(6.01, 5.99, 6.0, 6.02, 5.98, 6.0);
        assertThat(raw.get(2)).containsExactly(6, 6.05, 5.95, 6, 6);
        assertThat(trimmed.notes()).containsExactly(
                "Bench.get[size=10] (avgt): 2 of 3 forks trimmed (first 1-3 iterations still warming up)");
        // The score is JMH's mean over the iterations kept; its error shrinks with the warm-up gone.
        assertThat(steady.primary().score()).isCloseTo(6.0, within(0.01));
        assertThat(steady.primary().scoreError()).isPositive().isLessThan(1.5);
        assertThat(steady.primary().confidenceLow()).isCloseTo(steady.primary().score() - steady.primary().scoreError(), within(1e-12));
        // Secondary metrics and everything else about the result are left as they were.
        assertThat(steady.secondary()).containsEntry("\u00b7gc.alloc.rate.norm", alloc);
        assertThat(steady.key()).isEqualTo(measured.key());
        assertThat(steady.primary().unit()).isEqualTo(measured.primary().unit());
    }

    @Test
    void aSteadyRunIsReturnedAsItIsWithoutNotes() {
        RunResults steady = run(avgt(new double[] {6.01, 5.99, 6.0, 6.02}, new double[] {6.0, 6.03, 5.97, 6.0}),
                avgt(new double[] {13, 6}, new double[] {12}));
        WarmupTrim.Trimmed trimmed = trim(steady);
        assertThat(trimmed.current()).isSameAs(steady);
        assertThat(trimmed.notes()).isEmpty();
    }

    @Test
    void aForkThatNeverSettlesIsKeptWholeAndNamed() {
        BenchmarkResult falling = avgt(new double[] {20, 18, 16, 14, 12, 10}, new double[] {6, 6.01, 5.99, 6, 6, 6});
        WarmupTrim.Trimmed trimmed = trim(run(falling));
        assertThat(trimmed.current().results().get(0).primary().rawData().get(0)).containsExactly(20, 18, 16, 14, 12, 10);
        assertThat(trimmed.notes()).containsExactly("Bench.get[size=10] (avgt): 1 of 2 forks never settled within the"
                + " measurement (iterations still falling by 15% per iteration): judged on all iterations; give it more"
                + " warm-up (-Dbudget.warmupIterations)");
    }

    @Test
    void throughputWarmsUpFromBelow() {
        BenchmarkResult warming = result(Mode.THROUGHPUT, Double.NaN, Map.of(), new double[] {77, 83, 143, 167, 166, 168},
                new double[] {80, 166, 167, 168, 167, 166});
        WarmupTrim.Trimmed trimmed = trim(run(warming));
        assertThat(trimmed.current().results().get(0).primary().rawData())
                .containsExactly(new double[] {167, 166, 168}, new double[] {166, 167, 168, 167, 166});
        assertThat(trimmed.notes()).containsExactly(
                "Bench.get[size=10] (thrpt): 2 of 2 forks trimmed (first 1-3 iterations still warming up)");
        BenchmarkResult rising = result(Mode.THROUGHPUT, Double.NaN, Map.of(), new double[] {10, 12, 14, 16, 18, 20});
        assertThat(trim(run(rising)).notes()).singleElement().asString()
                .contains("1 of 1 fork never settled").contains("still rising by 12% per iteration");
    }

    @Test
    void sampleTimeAndSingleShotAreLeftAlone() {
        RunResults run = run(result(Mode.SINGLE_SHOT, Double.NaN, Map.of(), new double[] {13, 12, 7, 6, 6, 6}),
                result(Mode.SAMPLE_TIME, Double.NaN, Map.of(), new double[] {13, 12, 7, 6, 6, 6}));
        WarmupTrim.Trimmed trimmed = trim(run);
        assertThat(trimmed.current()).isSameAs(run);
        assertThat(trimmed.notes()).isEmpty();
    }

    @Test
    void theBaselineIsTrimmedByTheSameRuleAndSaysSo() {
        RunResults current = run(avgt(new double[] {6, 6, 6, 6}));
        RunResults baseline = run(avgt(new double[] {12, 6, 6, 6}, new double[] {6, 6, 6, 6}));
        WarmupTrim.Trimmed trimmed = WarmupTrim.apply(current, Optional.of(baseline));
        assertThat(trimmed.current()).isSameAs(current);
        assertThat(trimmed.baseline().orElseThrow().results().get(0).primary().rawData().get(0)).containsExactly(6, 6, 6);
        assertThat(trimmed.notes()).containsExactly(
                "Baseline Bench.get[size=10] (avgt): 1 of 2 forks trimmed (first iteration still warming up)");
    }

    @Test
    void aBaselineOfMeansLeavesTheCurrentRunWholeToo() {
        // A history baseline: one mean per earlier run, each with its warm-up in. Trimming only this run
        // would make it look faster than it is.
        RunResults current = run(avgt(new double[] {13, 6, 6, 6}, new double[] {6, 6, 6, 6}));
        RunResults history = run(avgt(new double[] {7.7}, new double[] {7.5}, new double[] {7.6}));
        WarmupTrim.Trimmed trimmed = WarmupTrim.apply(current, Optional.of(history));
        assertThat(trimmed.current()).isSameAs(current);
        assertThat(trimmed.baseline().orElseThrow()).isSameAs(history);
        assertThat(trimmed.notes()).containsExactly("Bench.get[size=10] (avgt): 1 of 2 forks still warming up in the first"
                + " iteration, judged whole all the same: the baseline's forks are too short to be trimmed alike");
        // Without that baseline the same run is trimmed.
        assertThat(trim(current).current()).isNotSameAs(current);
    }

    @Test
    void theBenchmarksNoiseOnBothSidesSetsTheMarginOfBoth() {
        // The first iteration is 10% slower: warm-up among quiet forks, noise among forks that vary by 5%.
        double[] fork = {6.6, 6, 6, 6, 6};
        RunResults current = run(avgt(fork.clone()));
        RunResults quiet = run(avgt(new double[] {6, 6.06, 6, 6.06, 6}, new double[] {6.06, 6, 6.06, 6, 6.06}));
        RunResults noisy = run(avgt(new double[] {6, 6.6, 6, 5.5, 6.2}, new double[] {6.3, 5.6, 6.4, 5.7, 6.2}));
        assertThat(WarmupTrim.apply(current, Optional.of(quiet)).current().results().get(0).primary().rawData().get(0))
                .containsExactly(6, 6, 6, 6);
        assertThat(WarmupTrim.apply(current, Optional.of(noisy)).current()).isSameAs(current);
    }

    @Test
    void aResultWithoutRawDataIsLeftAlone() {
        Metric primary = new Metric("primary", 6, Double.NaN, Double.NaN, Double.NaN, MetricUnit.NS_PER_OP,
                Direction.LOWER_IS_BETTER, Map.of(), List.of(), List.of());
        RunResults run = run(new BenchmarkResult(new BenchmarkKey(GET, Mode.AVERAGE_TIME, Map.of()), 1, 1, "17", "OpenJDK",
                "17", "1.37", List.of(), primary, Map.of()));
        assertThat(trim(run).current()).isSameAs(run);
    }
}
