package io.sabot.budget.core.gate;

/**
 * The gate could not run: a bad budget file, an unreadable baseline, a failed fork, problems with
 * budgets. Not a verdict; the message says what to fix. Front ends translate it (a mojo into
 * MojoExecutionException).
 */
public final class GateException extends Exception {

    public GateException(String message) {
        super(message);
    }

    public GateException(String message, Throwable cause) {
        super(message, cause);
    }
}
