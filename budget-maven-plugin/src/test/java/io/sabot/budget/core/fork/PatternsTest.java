package io.sabot.budget.core.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PatternsTest {

    private static boolean matches(String glob, String name) {
        return Pattern.compile(Patterns.toJmhRegex(glob)).matcher(name).find();
    }

    @Test
    void globsMatchAnywhereWithLiteralDotsAndReadableQuoting() {
        assertThat(Patterns.toJmhRegex("NoSuch")).isEqualTo("\\QNoSuch\\E");
        assertThat(matches("*.State?Benchmark.get", "io.x.StateXBenchmark.get")).isTrue();
        assertThat(matches("*.State?Benchmark.get", "io.x.StateXBenchmarkXget")).isFalse();
        assertThat(matches("Memory", "io.x.MemoryStateBenchmark.get")).isTrue();
        assertThat(matches("a(b", "x.a(b")).isTrue();
        assertThat(matches("a\\Eb", "x.a\\Eb")).isTrue();
    }

    @Test
    void regexPrefixIsTakenAsIsAndChecked() {
        assertThat(Patterns.toJmhRegex("regex:.*get$")).isEqualTo(".*get$");
        assertThatThrownBy(() -> Patterns.toJmhRegex("regex:(")).hasMessageStartingWith("invalid regex '(':");
    }
}
