package io.sabot.budget.core.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.budget.core.model.BenchmarkPattern;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PatternsTest {

    static final String NAME = "io.sabot.engine.benchmarks.MemoryStateBenchmark.getAllWithAVeryLongMethodNameThatGoesOn";

    /** What JMH does with an include: {@code Pattern.compile(regex).matcher(name).find()}. */
    private static boolean jmhSelects(String glob, String name) {
        return Pattern.compile(Patterns.toJmhRegex(glob)).matcher(name).find();
    }

    @Test
    void globsSelectWhatABudgetPatternMatchesNotSubstrings() {
        assertThat(jmhSelects("*.State?Benchmark.get", "io.x.StateXBenchmark.get")).isTrue();
        assertThat(jmhSelects("*.State?Benchmark.get", "io.x.StateXBenchmarkXget")).isFalse();
        assertThat(jmhSelects("MemoryStateBenchmark.get", "io.x.MemoryStateBenchmark.get")).as("suffix after a dot").isTrue();
        // JMH's substring matching selected these; a budget with the same pattern never applied to them.
        assertThat(jmhSelects("Memory", "io.x.MemoryStateBenchmark.get")).isFalse();
        assertThat(jmhSelects("MemoryStateBenchmark.get", "io.x.MemoryStateBenchmark.getAll")).isFalse();
        assertThat(jmhSelects("Bench.a", "io.x.MyBench.a")).isFalse();
        assertThat(jmhSelects("*Memory*", "io.x.MemoryStateBenchmark.get")).isTrue();
        assertThat(jmhSelects("a(b", "x.a(b")).isTrue();
        assertThat(jmhSelects("a\\Eb", "x.a\\Eb")).isTrue();
        assertThat(jmhSelects("a.b", "axb")).as("a dot is a dot").isFalse();
    }

    @Test
    void onGeneratedGlobsAndNamesTheRegexAgreesWithTheBudgetPattern() {
        SplittableRandom random = new SplittableRandom(20_261_202);
        String globAlphabet = "ab.*?";
        String nameAlphabet = "ab.";
        for (int i = 0; i < 20_000; i++) {
            String glob = text(random, globAlphabet, 1 + random.nextInt(7));
            String name = text(random, nameAlphabet, random.nextInt(9));
            assertThat(jmhSelects(glob, name)).as("glob '%s' on '%s'", glob, name)
                    .isEqualTo(BenchmarkPattern.glob(glob).matches(name));
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void manyStarsDoNotBacktrackForEver() {
        // Written as .*a.*a...b (the regex this class used to build) this does not finish.
        assertThat(jmhSelects("*a".repeat(30) + "*b", NAME)).isFalse();
        assertThat(jmhSelects("a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*z", NAME)).isFalse();
        assertThat(jmhSelects("*a".repeat(30) + "*", NAME.repeat(3))).isFalse();
    }

    @Test
    void regexPrefixIsTakenAsIsAndChecked() {
        assertThat(Patterns.toJmhRegex("regex:.*get$")).isEqualTo(".*get$");
        assertThatThrownBy(() -> Patterns.toJmhRegex("regex:(")).hasMessageStartingWith("invalid regex '(':");
    }

    private static String text(SplittableRandom random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
