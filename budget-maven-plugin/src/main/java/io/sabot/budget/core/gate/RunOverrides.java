package io.sabot.budget.core.gate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * JMH run settings given on the command line or in the POM. They win over the budget file's
 * {@code jmh:} section, which wins over the benchmarks' annotations.
 *
 * @param quick a short smoke run: 1 fork, 2 warmup and 3 measurement iterations of 200 ms, unless
 *              set explicitly. Budgets are not loosened; a run too short to decide gives INCONCLUSIVE.
 * @param confirm how many times the benchmarks behind failed checks are re-forked; a check fails only
 *              if it fails every time
 */
public record RunOverrides(
        Path javaExecutable,
        List<Path> classpath,
        Path workingDirectory,
        List<String> includes,
        List<String> excludes,
        Optional<Integer> forks,
        Optional<Integer> warmupIterations,
        Optional<Duration> warmupTime,
        Optional<Integer> measurementIterations,
        Optional<Duration> measurementTime,
        Optional<List<String>> profilers,
        List<String> jvmArgs,
        List<String> jmhArgs,
        Duration timeout,
        boolean quick,
        int confirm) {

    static final int QUICK_FORKS = 1;
    static final int QUICK_WARMUP_ITERATIONS = 2;
    static final int QUICK_MEASUREMENT_ITERATIONS = 3;
    static final Duration QUICK_ITERATION_TIME = Duration.ofMillis(200);

    public RunOverrides {
        classpath = List.copyOf(classpath);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        jvmArgs = List.copyOf(jvmArgs);
        jmhArgs = List.copyOf(jmhArgs);
        if (confirm < 0) {
            throw new IllegalArgumentException("confirm must be 0 or more, not " + confirm);
        }
    }

    /** True when no run setting was given, so the benchmarks' annotations (or JMH's defaults) would decide. */
    public boolean noRunSettings() {
        return forks.isEmpty() && warmupIterations.isEmpty() && warmupTime.isEmpty() && measurementIterations.isEmpty()
                && measurementTime.isEmpty();
    }

    /** The same overrides in quick mode. */
    public RunOverrides quickly() {
        return new RunOverrides(javaExecutable, classpath, workingDirectory, includes, excludes, forks, warmupIterations,
                warmupTime, measurementIterations, measurementTime, profilers, jvmArgs, jmhArgs, timeout, true, confirm);
    }
}
