package io.sabot.budget.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class CheckMojoMaxTimeTest {

    @Test
    void zeroOrNothingSwitchesAdaptiveMeasurementOff() throws Exception {
        assertThat(CheckMojo.adaptiveTime(null)).isZero();
        assertThat(CheckMojo.adaptiveTime("0")).isZero();
        assertThat(CheckMojo.adaptiveTime("0s")).isZero();
    }

    @Test
    void aTimeIsTheBudget() throws Exception {
        assertThat(CheckMojo.adaptiveTime("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(CheckMojo.adaptiveTime(" 90s ")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void anythingElseNamesTheParameterAndTheWayToSwitchItOff() {
        assertThatThrownBy(() -> CheckMojo.adaptiveTime("ten minutes")).isInstanceOf(MojoExecutionException.class)
                .hasMessage("<maxTime> (-Dbudget.maxTime) must be a time such as 90s or 10m, or 0 to switch adaptive"
                        + " measurement off, not 'ten minutes'");
    }
}
