package io.sabot.budget.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.PairedRun;
import io.sabot.budget.core.model.RunResults;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PairedRoundsTest {

    private static final String EARLY = "io.x.Bench.decidedEarly";
    private static final String LATE = "io.x.Bench.undecided";

    @Test
    void aBenchmarkThatSkippedRoundsShowsEachForkWithTheRoundItRanIn() {
        // rounds 1-3: both; 4-6 (adaptive): only LATE; 7-9 (confirmation of a FAIL): only EARLY
        BenchmarkResult earlyNow = ReportFixture.avgt(EARLY, Map.of(), f(110), f(111), f(112), f(113), f(114), f(115));
        BenchmarkResult earlyThen = ReportFixture.avgt(EARLY, Map.of(), f(100), f(100), f(100), f(100), f(100), f(100));
        BenchmarkResult lateNow = ReportFixture.avgt(LATE, Map.of(), f(100), f(100), f(100), f(100), f(100), f(100));
        RunResults baseline = new RunResults("b", List.of(earlyThen, ReportFixture.avgt(LATE, Map.of(), f(100), f(100), f(100),
                f(100), f(100), f(100))), Optional.empty(), Optional.empty(), Optional.empty());
        List<PairedRun.Pair> pairs = new java.util.ArrayList<>();
        for (int round = 1; round <= 9; round++) {
            List<String> names = round <= 3 ? List.of(EARLY, LATE) : round <= 6 ? List.of(LATE) : List.of(EARLY);
            pairs.add(new PairedRun.Pair(round, names, round % 2 == 0));
        }
        PairedRun run = new PairedRun("classpath:b", baseline, 1, pairs);

        List<PairedRounds.Round> early = PairedRounds.of(run, earlyNow);
        assertThat(early).extracting(PairedRounds.Round::round).containsExactly(1, 2, 3, 7, 8, 9);
        assertThat(early).extracting(PairedRounds.Round::currentScore).containsExactly(110.0, 111.0, 112.0, 113.0, 114.0, 115.0);
        assertThat(early).allSatisfy(r -> assertThat(r.baselineScore()).isEqualTo(100.0));
        assertThat(early.get(3).baselineFirst()).isFalse();
        assertThat(PairedRounds.of(run, lateNow)).extracting(PairedRounds.Round::round).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void aRoundShowsTheForkScoresTheStatisticsJudgeNotThePlainMeans() {
        // one disturbed iteration per fork: the statistics leave each fork's worst out, and so does the table
        BenchmarkResult now = ReportFixture.avgt(EARLY, Map.of(), new double[] {110, 110, 200}, new double[] {111, 140, 111});
        BenchmarkResult then = ReportFixture.avgt(EARLY, Map.of(), new double[] {100, 100, 100}, new double[] {160, 100, 100});
        RunResults baseline = new RunResults("b", List.of(then), Optional.empty(), Optional.empty(), Optional.empty());
        PairedRun run = new PairedRun("classpath:b", baseline, 1,
                List.of(new PairedRun.Pair(1, List.of(EARLY), true), new PairedRun.Pair(2, List.of(EARLY), false)));

        List<PairedRounds.Round> rounds = PairedRounds.of(run, now);

        assertThat(rounds).extracting(PairedRounds.Round::currentScore).containsExactly(110.0, 111.0);
        assertThat(rounds).extracting(PairedRounds.Round::baselineScore).containsExactly(100.0, 100.0);
        assertThat(PairedRounds.ratio(rounds.get(0).ratio())).isEqualTo("1.100");
    }

    private static double[] f(double v) {
        return new double[] {v, v};
    }
}
