package io.sabot.budget.harness;

import static io.sabot.budget.core.model.Verdict.FAIL;
import static io.sabot.budget.core.model.Verdict.INCONCLUSIVE;
import static io.sabot.budget.core.model.Verdict.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTallyTest {

    @Test
    void ratesArePerBuildAndPerBenchmark() {
        VerdictTally tally = new VerdictTally();
        tally.add(new BuildVerdicts(List.of(PASS, PASS, PASS, PASS)));
        tally.add(new BuildVerdicts(List.of(FAIL, PASS, INCONCLUSIVE, PASS)));
        tally.add(new BuildVerdicts(List.of(FAIL, FAIL, PASS, PASS)));
        tally.add(new BuildVerdicts(List.of(PASS, INCONCLUSIVE, PASS, PASS)));
        assertThat(tally.builds()).isEqualTo(4);
        assertThat(tally.failedBuilds()).isEqualTo(2);
        assertThat(tally.buildFailRate()).isEqualTo(0.5);
        assertThat(tally.buildInconclusiveRate()).isEqualTo(0.5);
        assertThat(tally.fails()).isEqualTo(3);
        assertThat(tally.benchmarkFailRate()).isEqualTo(3 / 16.0);
        assertThat(tally.benchmarkInconclusiveRate()).isEqualTo(2 / 16.0);
    }

    @Test
    void anEmptyTallyHasNoRates() {
        assertThat(new VerdictTally().buildFailRate()).isNaN();
        assertThat(new VerdictTally().benchmarkFailRate()).isNaN();
    }
}
