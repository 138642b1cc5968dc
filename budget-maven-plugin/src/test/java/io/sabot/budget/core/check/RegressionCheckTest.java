package io.sabot.budget.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegressionCheckTest {

    @Test
    void slowdownsReadAsSignedPercentages() {
        assertThat(RegressionCheck.pct(0.1)).isEqualTo("+10.000%");
        assertThat(RegressionCheck.pct(-0.0504)).isEqualTo("-5.040%");
        assertThat(RegressionCheck.pct(0)).isEqualTo("+0.0000%");
    }

    @Test
    void anIntervalEndBeyondAThousandPercentSaysOnlyThat() {
        // three noisy rounds at a Bonferroni level reach 4.4e9%: the message says "> +1,000%", the report.json keeps the number
        assertThat(RegressionCheck.pct(4.4e7)).isEqualTo("> +1,000%");
        assertThat(RegressionCheck.pct(10.0)).isEqualTo("+1,000%");
        assertThat(RegressionCheck.pct(-25.0)).isEqualTo("< -1,000%");
        assertThat(RegressionCheck.pct(-0.5)).isEqualTo("-50.000%");
    }
}
