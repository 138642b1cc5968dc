package io.sabot.budget.core.fork;

import java.io.IOException;

/**
 * Runs JMH once with the given settings and returns the finished run with its JSON results file. {@link ForkRunner} is the
 * real one (a separate JVM); the gate depends on this interface so that its loops (confirmation,
 * adaptive measurement) can be tested with a fake that writes results without measuring anything.
 */
public interface BenchmarkFork {

    /**
     * @return the finished run: its results file exists and is not empty; its command, exit code and
     *         log tail explain a problem the caller finds in the results
     * @throws ForkException when the fork cannot start, fails, times out or writes no results
     */
    ForkRun run(ForkSettings settings, ForkListener listener) throws ForkException, IOException;

    /**
     * The benchmarks (fully qualified names with their @Param values) that JMH would run for these
     * settings' classpath and includes/excludes, in JMH's order: {@code -lp}.
     */
    default java.util.List<ListedBenchmark> list(ForkSettings settings) throws ForkException, IOException {
        return BenchmarkLister.list(settings);
    }
}
