package io.sabot.budget.core.fork;

import java.nio.file.Path;
import java.util.List;

/**
 * A JMH fork that exited normally: where its results are, and what is needed to explain a problem
 * found in them later (the results are read by the caller, which knows the JSON format).
 *
 * @param logTail the last lines the fork printed
 */
public record ForkRun(Path resultsFile, String command, int exitCode, List<String> logTail, Path logFile) {

    public ForkRun {
        logTail = List.copyOf(logTail);
    }

    /** A failure of this fork found after it exited (e.g. unreadable results), with command, exit code and log tail. */
    public ForkException failure(String what) {
        return new ForkException(what, command, exitCode, logTail, logFile);
    }
}
