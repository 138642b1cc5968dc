package io.sabot.budget.core.gate;

/** budget:baseline refused to store a regressed run without a reason. */
public final class BaselineRefusedException extends Exception {

    public BaselineRefusedException(String message) {
        super(message);
    }
}
