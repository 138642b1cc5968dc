package io.sabot.budget.core.fork;

import java.nio.file.Path;
import java.util.List;

/**
 * The JMH fork did not produce usable results. The message says what happened, shows the command,
 * the exit code and the last lines of the log, and where the whole log is (surefire style).
 */
public class ForkException extends Exception {

    private final String command;
    private final int exitCode;
    private final List<String> logTail;
    private final Path logFile;

    public ForkException(String what, String command, int exitCode, List<String> logTail, Path logFile) {
        super(render(what, command, exitCode, logTail, logFile));
        this.command = command;
        this.exitCode = exitCode;
        this.logTail = List.copyOf(logTail);
        this.logFile = logFile;
    }

    public String command() {
        return command;
    }

    /** The fork's exit code, or -1 when it was killed or never started. */
    public int exitCode() {
        return exitCode;
    }

    public List<String> logTail() {
        return logTail;
    }

    public Path logFile() {
        return logFile;
    }

    private static String render(String what, String command, int exitCode, List<String> tail, Path log) {
        StringBuilder text = new StringBuilder(what);
        text.append("\nCommand: ").append(command);
        if (exitCode >= 0) {
            text.append("\nExit code: ").append(exitCode);
        }
        if (!tail.isEmpty()) {
            text.append("\nLast ").append(tail.size()).append(" lines of ").append(log).append(':');
            for (String line : tail) {
                text.append("\n  | ").append(line);
            }
        } else {
            text.append("\nThe fork wrote nothing (").append(log).append(")");
        }
        return text.toString();
    }
}
