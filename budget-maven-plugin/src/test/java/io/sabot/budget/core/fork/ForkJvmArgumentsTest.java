package io.sabot.budget.core.fork;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sabot.budget.core.model.JmhOptions;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real JMH run (host and one fork JVM) of a benchmark that declares
 * {@code @Fork(jvmArgsAppend = ...)}: JMH replaces that with a command-line {@code -jvmArgsAppend},
 * so the plugin passes its arguments with {@code -jvmArgsPrepend} and both must reach the fork,
 * the plugin's first. The JVM arguments JMH reports in its results are what the fork was started with.
 */
class ForkJvmArgumentsTest {

    @TempDir
    Path dir;

    @Test
    void theBudgetsArgumentsGoFirstAndTheBenchmarksOwnStillReachItsFork() throws Exception {
        JmhOptions jmh = new JmhOptions(Optional.of(1), Optional.of(0), Optional.empty(), Optional.of(1),
                Optional.of(Duration.ofMillis(20)), Optional.of(List.of()),
                List.of("-Dsabot.fixture.fromBudget=passed", "-Xss2m"));
        ForkSettings settings = new ForkSettings(Path.of(System.getProperty("java.home"), "bin", "java"), testClasspath(),
                dir, dir.resolve("budget"), List.of(ForkArgsFixtureBenchmark.class.getName() + ".properties"), List.of(), jmh,
                List.of("-jvmArgsPrepend", "-Dsabot.fixture.fromJmhArgs=yes"), Duration.ofMinutes(2));

        ForkRun run = new ForkRunner().run(settings, ForkListener.NONE);

        JsonNode result = new ObjectMapper().readTree(run.resultsFile().toFile()).get(0);
        List<String> jvmArgs = new ArrayList<>();
        result.get("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        assertThat(jvmArgs).containsSubsequence("-Dsabot.fixture.fromBudget=passed", "-Xss2m",
                "-Dsabot.fixture.fromJmhArgs=yes", "-Dsabot.fixture.fromAnnotation=kept");
        assertThat(run.command()).contains("-jvmArgsPrepend '-Dsabot.fixture.fromBudget=passed -Xss2m -Dsabot.fixture.fromJmhArgs=yes'")
                .doesNotContain("-jvmArgsAppend");
    }

    /** Surefire may start the test JVM from a manifest-only jar; it names the real classpath here. */
    private static List<Path> testClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }
}
