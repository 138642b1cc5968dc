package io.sabot.budget.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** -Dbudget.forks, -Dbudget.warmupIterations and -Dbudget.measurementIterations below their minimum stop the build. */
class CheckMojoCountsTest {

    @Test
    void zeroForksNameTheParameterAndSayWhy() {
        // -Dbudget.forks=0 made JMH run every benchmark inside its own JVM.
        assertThatThrownBy(() -> CheckMojo.count(0, "forks", 1, "; hint")).isInstanceOf(MojoExecutionException.class)
                .hasMessage("<forks> (-Dbudget.forks) must be 1 or more, not 0; hint");
    }

    @Test
    void warmupMayBeZeroButNotNegative() throws Exception {
        assertThat(CheckMojo.count(0, "warmupIterations", 0, "")).contains(0);
        assertThatThrownBy(() -> CheckMojo.count(-1, "warmupIterations", 0, "")).isInstanceOf(MojoExecutionException.class)
                .hasMessage("<warmupIterations> (-Dbudget.warmupIterations) must be 0 or more, not -1");
    }

    @Test
    void unsetIsLeftToTheBudgetFileAndTheAnnotations() throws Exception {
        assertThat(CheckMojo.count(null, "forks", 1, "")).isEmpty();
        assertThat(CheckMojo.count(3, "forks", 1, "")).contains(3);
    }
}
