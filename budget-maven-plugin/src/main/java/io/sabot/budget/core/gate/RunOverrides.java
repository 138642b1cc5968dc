package io.sabot.budget.core.gate;

import io.sabot.budget.core.model.JmhOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The run as the command line or the POM asks for it. Its run settings ({@code jmh}) win over quick
 * mode's, which win over the budget file's {@code jmh:} section, which wins over the benchmarks'
 * annotations (see {@link BudgetGate#forkSettings}).
 *
 * @param quick a short smoke run: {@link #QUICK} under the POM's own settings. Budgets are not
 *              loosened; a run too short to decide gives INCONCLUSIVE.
 * @param confirm how many times the benchmarks behind failed checks are re-forked; a check fails only
 *              if it fails every time
 */
public record RunOverrides(
        Path javaExecutable,
        List<Path> classpath,
        Path workingDirectory,
        List<String> includes,
        List<String> excludes,
        JmhOptions jmh,
        List<String> jmhArgs,
        Duration timeout,
        boolean quick,
        int confirm) {

    /** Quick mode: 1 fork, 2 warmup and 3 measurement iterations of 200 ms. */
    static final JmhOptions QUICK = new JmhOptions(Optional.of(1), Optional.of(2), Optional.of(Duration.ofMillis(200)),
            Optional.of(3), Optional.of(Duration.ofMillis(200)), Optional.empty(), List.of());

    public RunOverrides {
        classpath = List.copyOf(classpath);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        jmhArgs = List.copyOf(jmhArgs);
        if (confirm < 0) {
            throw new IllegalArgumentException("confirm must be 0 or more, not " + confirm);
        }
    }

    /** True when no run setting was given, so the benchmarks' annotations (or JMH's defaults) would decide. */
    public boolean noRunSettings() {
        return jmh.forks().isEmpty() && jmh.warmupIterations().isEmpty() && jmh.warmupTime().isEmpty()
                && jmh.measurementIterations().isEmpty() && jmh.measurementTime().isEmpty();
    }

    /** The same overrides in quick mode. */
    public RunOverrides quickly() {
        return new RunOverrides(javaExecutable, classpath, workingDirectory, includes, excludes, jmh, jmhArgs, timeout, true,
                confirm);
    }
}
