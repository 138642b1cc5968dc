package io.sabot.budget.core.io;

/** A JMH result or baseline file that cannot be read; the message names the file and what is wrong. */
public final class ResultFileException extends Exception {

    public ResultFileException(String message) {
        super(message);
    }

    public ResultFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
