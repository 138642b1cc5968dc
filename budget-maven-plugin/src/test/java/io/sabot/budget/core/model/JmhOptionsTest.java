package io.sabot.budget.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JmhOptionsTest {

    static final JmhOptions FILE = new JmhOptions(Optional.of(2), Optional.of(3), Optional.of(Duration.ofSeconds(1)),
            Optional.of(5), Optional.of(Duration.ofMillis(500)), Optional.of(List.of("stack")), List.of("-Xmx1g"));

    @Test
    void whatIsSetWinsAndTheRestFallsThrough() {
        JmhOptions pom = new JmhOptions(Optional.of(4), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Duration.ofSeconds(2)), Optional.empty(), List.of());
        JmhOptions run = pom.over(FILE);
        assertThat(run.forks()).contains(4);
        assertThat(run.warmupIterations()).contains(3);
        assertThat(run.measurementTime()).contains(Duration.ofSeconds(2));
        assertThat(run.profilers()).contains(List.of("stack"));
    }

    @Test
    void jvmArgumentsAddUpTheLowerSourcesFirst() {
        JmhOptions pom = JmhOptions.NONE.over(new JmhOptions(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of("-Xss1m")));
        assertThat(pom.over(FILE).jvmArgs()).containsExactly("-Xmx1g", "-Xss1m");
    }

    @Test
    void noneChangesNothingEitherWay() {
        assertThat(JmhOptions.NONE.over(FILE)).isEqualTo(FILE);
        assertThat(FILE.over(JmhOptions.NONE)).isEqualTo(FILE);
        assertThat(FILE.withForks(1).forks()).contains(1);
        assertThat(FILE.withForks(1).warmupIterations()).isEqualTo(FILE.warmupIterations());
    }
}
