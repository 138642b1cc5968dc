package io.sabot.budget.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The naive rule and the plugin's rule (with its confirmation) on builds with known changes. */
class RulesTest {

    private final PluginRule plugin = new PluginRule(Statistics.standard());
    private final NaiveRule naive = new NaiveRule(0.10);

    @Test
    void naiveRuleFailsOnAnyMeanSlowdownBeyondTheThreshold() {
        List<BenchmarkDraw> build = List.of(
                draw("00", 100, 111, 111, 0),
                draw("01", 100, 109, 109, 0),
                draw("02", 100, 80, 80, 0));
        assertThat(naive.judge(build).verdicts()).containsExactly(Verdict.FAIL, Verdict.PASS, Verdict.PASS);
    }

    @Test
    void pluginPassesAnUnchangedBuildOfTwentyBenchmarks() {
        List<BenchmarkDraw> build = build(20, 100, 100, 100, 0.01);
        PluginRule.Outcome outcome = plugin.judge(build);
        assertThat(outcome.firstRun().verdicts()).containsOnly(Verdict.PASS);
        assertThat(outcome.confirmed().failed()).isFalse();
        assertThat(outcome.benchmarksRerun()).isZero();
    }

    @Test
    void pluginFailsAClearRegressionThatTheConfirmationRepeats() {
        List<BenchmarkDraw> build = build(20, 100, 130, 130, 0.01);
        PluginRule.Outcome outcome = plugin.judge(build);
        assertThat(outcome.firstRun().verdicts()).containsOnly(Verdict.FAIL);
        assertThat(outcome.confirmed().verdicts()).containsOnly(Verdict.FAIL);
        assertThat(outcome.benchmarksRerun()).isEqualTo(20);
    }

    @Test
    void aFailureTheConfirmationDoesNotRepeatIsNotAFailure() {
        List<BenchmarkDraw> build = new ArrayList<>(build(19, 100, 100, 100, 0.01));
        build.add(draw("19", 100, 130, 100, 0.01));
        PluginRule.Outcome outcome = plugin.judge(build);
        assertThat(outcome.firstRun().verdicts().get(19)).isEqualTo(Verdict.FAIL);
        assertThat(outcome.benchmarksRerun()).isEqualTo(1);
        assertThat(outcome.confirmed().verdicts().get(19)).isEqualTo(Verdict.PASS);
        assertThat(outcome.confirmed().failed()).isFalse();
    }

    @Test
    void aTooNoisyBuildIsInconclusiveNotFailed() {
        List<BenchmarkDraw> build = build(20, 100, 100, 100, 0.30);
        PluginRule.Outcome outcome = plugin.judge(build);
        assertThat(outcome.firstRun().verdicts()).containsOnly(Verdict.INCONCLUSIVE);
        assertThat(outcome.confirmed().anyInconclusive()).isTrue();
    }

    private static List<BenchmarkDraw> build(int benchmarks, double base, double current, double confirmation, double wiggle) {
        List<BenchmarkDraw> build = new ArrayList<>();
        for (int b = 0; b < benchmarks; b++) {
            build.add(draw(String.format("%02d", b), base, current, confirmation, wiggle));
        }
        return build;
    }

    /** Three forks of five iterations per side, around the given means. */
    private static BenchmarkDraw draw(String id, double base, double current, double confirmation, double wiggle) {
        return new BenchmarkDraw(Fixtures.template(id), Fixtures.forks(3, 5, base, wiggle), Fixtures.forks(3, 5, current, wiggle),
                Fixtures.forks(3, 5, confirmation, wiggle));
    }
}
