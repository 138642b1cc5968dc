package io.sabot.budget.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BenchmarkPatternTest {

    static final String NAME = "io.sabot.engine.benchmarks.MemoryStateBenchmark.getAllWithAVeryLongMethodNameThatGoesOn";

    @Test
    void globsMatchTheFullNameOrASuffixAfterADot() {
        assertThat(BenchmarkPattern.glob("io.x.Bench.a").matches("io.x.Bench.a")).isTrue();
        assertThat(BenchmarkPattern.glob("Bench.a").matches("io.x.Bench.a")).isTrue();
        assertThat(BenchmarkPattern.glob("Bench.a").matches("io.x.MyBench.a")).isFalse();
        assertThat(BenchmarkPattern.glob("MemoryStateBenchmark.get").matches("io.x.MemoryStateBenchmark.getAll")).isFalse();
        assertThat(BenchmarkPattern.glob("*.Bench.*").matches("io.x.Bench.anything")).isTrue();
        assertThat(BenchmarkPattern.glob("*.Bench.*").matches("Bench.a")).isFalse();
        assertThat(BenchmarkPattern.glob("*Bench.?").matches("io.x.MyBench.a")).isTrue();
        assertThat(BenchmarkPattern.glob("*Bench.?").matches("io.x.MyBench.ab")).isFalse();
        assertThat(BenchmarkPattern.glob("x.*.c").matches("a.x.b.c")).isTrue();
        assertThat(BenchmarkPattern.glob("a(b").matches("io.a(b")).isTrue(); // no regex meaning
        assertThat(BenchmarkPattern.glob("**").matches("")).isTrue();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void manyStarsDoNotBacktrackForEver() {
        // As a regex (.*a.*a...b) this never finished; found by BudgetFileFuzzTest under -Pfuzz.
        BenchmarkPattern pattern = BenchmarkPattern.glob("*a".repeat(30) + "*b");
        assertThat(pattern.matches(NAME)).isFalse();
        assertThat(BenchmarkPattern.glob("a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*z").matches(NAME)).isFalse();
    }
}
