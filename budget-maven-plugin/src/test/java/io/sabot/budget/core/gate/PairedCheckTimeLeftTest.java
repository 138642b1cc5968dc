package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The note that ends the adaptive looks never speaks of negative time left (a look can overrun its estimate). */
class PairedCheckTimeLeftTest {

    private static final Duration MAX = Duration.ofSeconds(900);

    @Test
    void timeStillLeftIsNamed() {
        assertThat(PairedCheck.timeLeft(Duration.ofSeconds(40), Duration.ofSeconds(860), MAX))
                .isEqualTo("beyond the 40 s left of -Dbudget.maxTime=900s");
    }

    @Test
    void aLookThatRanOverSaysTheTimeIsSpent() {
        assertThat(PairedCheck.timeLeft(Duration.ofSeconds(-58), Duration.ofSeconds(958), MAX))
                .isEqualTo("and the looks have spent the -Dbudget.maxTime=900s (958 s so far)");
        assertThat(PairedCheck.timeLeft(Duration.ZERO, MAX, MAX)).doesNotContain("left").contains("900 s so far");
    }
}
