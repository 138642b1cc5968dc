package io.sabot.budget.core.check;

/**
 * The results lack what a statistic needs (a percentile JMH did not report, say). Thrown by
 * {@link Statistics}, caught by the check that asked, which reports it as a problem naming the
 * budget, the benchmark and what to change: never an internal error of the build.
 */
public final class MissingSamplesException extends RuntimeException {

    public MissingSamplesException(String message) {
        super(message);
    }
}
