package io.sabot.budget.core.check.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.check.Interval;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The build-wide fork variance ({@link BootstrapStatistics#forBuild}) on simulated builds of 20
 * benchmarks with known truth: it must keep the A/A false-fail rate near alpha while deciding checks
 * that each benchmark's own two or three forks leave undecided.
 */
class ModeratedStatisticsTest {

    private static final int BENCHMARKS = 20;
    private final BootstrapStatistics standard = BootstrapStatistics.standard();

    /** One simulated build: baseline and current runs of 20 benchmarks, each current one slowed by {@code slowdown}. */
    private record Build(RunResults baseline, RunResults current) {
    }

    private static Build build(Random random, int forks, double forkSd, double iterationSd, double slowdown) {
        List<BenchmarkResult> before = new ArrayList<>();
        List<BenchmarkResult> after = new ArrayList<>();
        for (int b = 0; b < BENCHMARKS; b++) {
            double mean = 10 * (b + 1);
            before.add(result(b, Synthetic.avgt(random, mean, forks, 5, forkSd, iterationSd)));
            after.add(result(b, Synthetic.avgt(random, mean * (1 + slowdown), forks, 5, forkSd, iterationSd)));
        }
        return new Build(run(before), run(after));
    }

    private static BenchmarkResult result(int index, Metric primary) {
        return new BenchmarkResult(new BenchmarkKey("bench.W.m", Mode.AVERAGE_TIME, Map.of("id", String.valueOf(index))), 1,
                primary.rawData().size(), "17", "OpenJDK", "17", "1.37", List.of(), primary, Map.of());
    }

    private static RunResults run(List<BenchmarkResult> results) {
        return new RunResults("run.json", results, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Verdicts of the build's 20 regression checks (Bonferroni over 20), with or without the build's prior. */
    private List<Verdict> verdicts(Build build, boolean withPrior) {
        Statistics stats = withPrior ? standard.forBuild(build.current(), Optional.of(build.baseline())) : standard;
        List<Verdict> verdicts = new ArrayList<>();
        for (int b = 0; b < BENCHMARKS; b++) {
            verdicts.add(stats.regression(build.baseline().results().get(b).primary(), build.current().results().get(b).primary(),
                    Direction.LOWER_IS_BETTER, 0.10, BENCHMARKS).verdict());
        }
        return verdicts;
    }

    @Test
    void unchangedCodeFailsAtMostOneBuildInAHundredWithTwoForks() {
        Random random = new Random(21);
        int failedBuilds = 0;
        int decided = 0;
        for (int i = 0; i < 200; i++) {
            List<Verdict> v = verdicts(build(random, 2, 0.02, 0.02, 0), true);
            failedBuilds += v.contains(Verdict.FAIL) ? 1 : 0;
            decided += (int) v.stream().filter(x -> x == Verdict.PASS).count();
        }
        assertThat(failedBuilds).as("A/A builds of 20 benchmarks failed, of 200").isLessThanOrEqualTo(2);
        // The interval is about +/-8% here (fork sd 2%, t at 1 - 0.01/20), so a check passes when its
        // estimate is under about +2%: roughly three in four.
        assertThat(decided).as("checks that PASS, of 4000").isGreaterThan(2600);
    }

    @Test
    void twoForksDecideAFifteenPercentSlowdownThatTheirOwnVarianceCannot() {
        Random random = new Random(22);
        int pooled = 0;
        int own = 0;
        for (int i = 0; i < 20; i++) {
            Build build = build(random, 2, 0.02, 0.02, 0.15);
            pooled += (int) verdicts(build, true).stream().filter(v -> v == Verdict.FAIL).count();
            own += (int) verdicts(build, false).stream().filter(v -> v == Verdict.FAIL).count();
        }
        assertThat(pooled).as("15% slowdowns failed with the build's prior, of 400").isGreaterThanOrEqualTo(380);
        assertThat(own).as("the same checks on their own two forks (Welch, df about 2)").isLessThan(40);
    }

    @Test
    void aNoisyBenchmarkAmongQuietOnesIsNotFailedOnTheOthersVariance() {
        Random random = new Random(23);
        int failed = 0;
        for (int i = 0; i < 100; i++) {
            Build quiet = build(random, 3, 0.01, 0.01, 0);
            List<BenchmarkResult> before = new ArrayList<>(quiet.baseline().results());
            List<BenchmarkResult> after = new ArrayList<>(quiet.current().results());
            // the last benchmark's forks land in one of two modes 30% apart, unchanged code
            before.set(BENCHMARKS - 1, result(BENCHMARKS - 1, Synthetic.avgt(random, 100, 3, 5, 0.20, 0.01)));
            after.set(BENCHMARKS - 1, result(BENCHMARKS - 1, Synthetic.avgt(random, 100, 3, 5, 0.20, 0.01)));
            Build build = new Build(run(before), run(after));
            failed += verdicts(build, true).get(BENCHMARKS - 1) == Verdict.FAIL ? 1 : 0;
        }
        assertThat(failed).as("A/A checks of the noisy benchmark failed, of 100").isLessThanOrEqualTo(1);
    }

    @Test
    void aLimitOnTheTrueMeanRarelyFailsWithTwoForks() {
        Random random = new Random(24);
        int wrong = 0;
        for (int i = 0; i < 400; i++) {
            Build build = build(random, 2, 0.05, 0.02, 0);
            Statistics stats = standard.forBuild(build.current(), Optional.empty());
            Interval interval = stats.scoreInterval(build.current().results().get(0).primary());
            // the true mean of benchmark 0 is 10: a 99% interval should miss it about 1% of the time
            wrong += interval.low() > 10 || interval.high() < 10 ? 1 : 0;
        }
        assertThat(wrong).as("99% intervals missing the true mean, of 400").isLessThanOrEqualTo(10);
    }

    @Test
    void theIntervalSaysWhereItsForkVarianceCameFrom() {
        Build build = build(new Random(25), 2, 0.03, 0.02, 0);
        Statistics stats = standard.forBuild(build.current(), Optional.of(build.baseline()));
        Interval slowdown = stats.regression(build.baseline().results().get(3).primary(), build.current().results().get(3).primary(),
                Direction.LOWER_IS_BETTER, 0.10, BENCHMARKS).slowdown();
        assertThat(slowdown.method()).containsPattern("fork variance pooled over (19|20) benchmarks").contains("2+2 forks");
    }

    @Test
    void oneForkBuildsWithoutAnyManyForkSideGetNoPrior() {
        Build build = build(new Random(26), 1, 0.03, 0.02, 0);
        Statistics stats = standard.forBuild(build.current(), Optional.of(build.baseline()));
        Interval slowdown = stats.regression(build.baseline().results().get(0).primary(), build.current().results().get(0).primary(),
                Direction.LOWER_IS_BETTER, 0.10, BENCHMARKS).slowdown();
        assertThat(slowdown.method()).startsWith("bootstrap");
    }
}
