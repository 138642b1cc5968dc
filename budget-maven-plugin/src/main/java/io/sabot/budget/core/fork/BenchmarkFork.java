package io.sabot.budget.core.fork;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs JMH once with the given settings and returns its JSON results file. {@link ForkRunner} is the
 * real one (a separate JVM); the gate depends on this interface so that its loops (confirmation,
 * adaptive measurement) can be tested with a fake that writes results without measuring anything.
 */
public interface BenchmarkFork {

    /**
     * @return the results file, which exists and is not empty
     * @throws ForkException when the fork cannot start, fails, times out or writes no results
     */
    Path run(ForkSettings settings, ForkListener listener) throws ForkException, IOException;
}
