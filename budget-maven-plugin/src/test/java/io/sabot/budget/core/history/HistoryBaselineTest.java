package io.sabot.budget.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.budget.core.check.BudgetEvaluator;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.MetricUnit;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryBaselineTest {

    static final Environment HERE = HistoryFileTest.ENV;
    static final Environment ELSEWHERE = new Environment("Vendor", "21.0.1", "VM", "Linux", "amd64", "CPU", 2, "1.37", List.of());
    static final BenchmarkKey KEY = new BenchmarkKey("io.x.Bench.get", Mode.AVERAGE_TIME, Map.of());

    static HistoryEntry run(int index, Environment env, String unit, double score, double... forkMeans) {
        return new HistoryEntry(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * index),
                Optional.of(String.format("%040x", index)), Optional.of(env),
                List.of(new HistoryEntry.Benchmark(KEY, 1, unit, score, forkMeans)));
    }

    /** Scores 100, 101, 99, 100.5, 99.5 in ns/op with one wild run of 400 in the middle. */
    static List<HistoryEntry> stableHistory() {
        List<HistoryEntry> entries = new ArrayList<>();
        double[] scores = {100, 101, 400, 99, 100.5, 99.5};
        for (int i = 0; i < scores.length; i++) {
            entries.add(run(i, HERE, "ns/op", scores[i], scores[i] - 0.5, scores[i] + 0.5));
        }
        return entries;
    }

    static RunResults current(double... forkMeans) {
        List<double[]> forks = new ArrayList<>();
        double sum = 0;
        for (double mean : forkMeans) {
            forks.add(new double[] {mean * 0.999, mean, mean * 1.001});
            sum += mean;
        }
        Metric primary = new Metric("primary", sum / forkMeans.length, Double.NaN, Double.NaN, Double.NaN,
                MetricUnit.parse("ns/op"), Mode.AVERAGE_TIME.primaryDirection(), Map.of(), forks, List.of());
        return new RunResults("now.json", List.of(new BenchmarkResult(KEY, 1, forkMeans.length, "17.0.9", "VM", "17.0.9",
                "1.37", List.of(), primary, Map.of())), Optional.of(HERE), Optional.empty(), Optional.empty());
    }

    @Test
    void theBaselineIsTheMedianAndOneWildRunCannotMoveIt() {
        HistoryBaseline.Baseline baseline = HistoryBaseline.of("h.jsonl", stableHistory(), 20, Optional.of(HERE));
        Metric metric = baseline.results().results().get(0).primary();
        assertThat(metric.score()).isEqualTo(100.25); // median of 100, 101, 400, 99, 100.5, 99.5
        assertThat(metric.rawData()).hasSize(6); // one replicate per run
        double mean = metric.rawData().stream().mapToDouble(r -> r[0]).average().orElseThrow();
        assertThat(mean).isCloseTo(100.25, org.assertj.core.data.Offset.offset(1e-9));
        // the wild run is pulled in to 3 x 1.4826 x MAD (0.75) above the median, so it cannot widen the spread either
        double highest = metric.rawData().stream().mapToDouble(r -> r[0]).max().orElseThrow();
        assertThat(highest).isLessThan(105);
        assertThat(baseline.results().environment()).contains(HERE);
        assertThat(baseline.results().recordedAt()).contains(Instant.parse("2026-11-01T05:00:00Z"));
        assertThat(baseline.notes()).singleElement().asString().contains("median of up to 20 earlier runs").contains("6 used");
    }

    @Test
    void winsorizingLeavesOrdinaryRunsAloneAndNeedsThreeRuns() {
        assertThat(HistoryBaseline.winsorized(new double[] {1, 2, 3}, 2)).containsExactly(1, 2, 3);
        assertThat(HistoryBaseline.winsorized(new double[] {1, 100}, 50.5)).containsExactly(1, 100);
        assertThat(HistoryBaseline.winsorized(new double[] {5, 5, 5, 9}, 5)).containsExactly(5, 5, 5, 9); // MAD 0
    }

    @Test
    void onlyTheLastRunsCountAndUnitsAreConverted() {
        List<HistoryEntry> entries = new ArrayList<>(stableHistory());
        entries.add(run(10, HERE, "us/op", 0.2, 0.19, 0.21)); // 200 ns/op, written in microseconds
        entries.add(run(11, HERE, "us/op", 0.2, 0.19, 0.21));
        Metric metric = HistoryBaseline.of("h.jsonl", entries, 3, Optional.of(HERE)).results().results().get(0).primary();
        // last three: 99.5 ns, 200 ns, 200 ns; unit of the latest run
        assertThat(metric.unit().label()).isEqualTo("us/op");
        assertThat(metric.score()).isEqualTo(0.2);
        assertThat(metric.rawData()).hasSize(3);
    }

    @Test
    void runsFromAnotherEnvironmentAreLeftOutAndSaidSo() {
        List<HistoryEntry> entries = new ArrayList<>(stableHistory());
        entries.add(run(20, ELSEWHERE, "ns/op", 50, 49, 51));
        HistoryBaseline.Baseline baseline = HistoryBaseline.of("h.jsonl", entries, 20, Optional.of(HERE));
        assertThat(baseline.results().results().get(0).primary().score()).isEqualTo(100.25);
        assertThat(baseline.notes()).anySatisfy(n -> assertThat(n).startsWith("1 run(s) of the history were measured in another environment"));

        assertThatThrownBy(() -> HistoryBaseline.of("h.jsonl", List.of(run(0, ELSEWHERE, "ns/op", 50, 49, 51)), 20, Optional.of(HERE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("h.jsonl holds 1 run(s), none of them measured in this environment (JDK: 17.0.9 vs 21.0.1)")
                .hasMessageContaining("-Dbudget.history=h.jsonl");
    }

    @Test
    void aSingleRunLendsItsForkMeansAsReplicates() {
        Metric metric = HistoryBaseline.of("h.jsonl", List.of(run(0, HERE, "ns/op", 100, 98, 102, 100)), 20, Optional.of(HERE))
                .results().results().get(0).primary();
        assertThat(metric.score()).isEqualTo(100);
        assertThat(metric.rawData()).extracting(r -> r[0]).containsExactly(98.0, 102.0, 100.0);
    }

    @Test
    void theNormalRegressionRulesDecideAgainstTheMedian() {
        RunResults baseline = HistoryBaseline.of("h.jsonl", stableHistory(), 20, Optional.of(HERE)).results();
        BudgetEvaluator evaluator = new BudgetEvaluator(Statistics.standard(), false);

        CheckResult same = evaluator.evaluate(BudgetFile.empty("none"), current(100.2, 99.8, 100.4), Optional.of(baseline),
                Optional.of(HERE)).results().get(0);
        CheckResult slower = evaluator.evaluate(BudgetFile.empty("none"), current(140, 141, 139), Optional.of(baseline),
                Optional.of(HERE)).results().get(0);

        assertThat(same.verdict()).isEqualTo(Verdict.PASS);
        assertThat(same.baseline()).hasValue(100.25);
        assertThat(slower.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(slower.interval()).contains("Welch t").contains("6+3 fork means");
    }
}
