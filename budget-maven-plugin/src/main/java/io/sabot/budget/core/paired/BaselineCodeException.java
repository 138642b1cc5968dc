package io.sabot.budget.core.paired;

/** The baseline code of a paired run cannot be had: the message names the source and the fix. */
public final class BaselineCodeException extends Exception {

    /** True when the history is missing (no repository, a shallow clone) rather than the ref being wrong. */
    private final boolean historyMissing;

    public BaselineCodeException(String message) {
        this(message, false);
    }

    public BaselineCodeException(String message, boolean historyMissing) {
        super(message);
        this.historyMissing = historyMissing;
    }

    public BaselineCodeException(String message, Throwable cause) {
        super(message, cause);
        this.historyMissing = false;
    }

    public boolean historyMissing() {
        return historyMissing;
    }
}
