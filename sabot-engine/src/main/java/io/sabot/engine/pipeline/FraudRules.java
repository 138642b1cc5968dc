package io.sabot.engine.pipeline;

/**
 * Thresholds of the three rules.
 *
 * @param velocityWindowMillis tumbling event-time window of the velocity rule
 * @param velocityMaxCount     more transactions than this in one window is an alert
 * @param spikeFactor          an amount above this multiple of the account's running average is an alert
 * @param spikeMinHistory      transactions needed before the running average is trusted
 * @param maxSpeedKmh          travel faster than this between consecutive transactions is an alert
 */
public record FraudRules(long velocityWindowMillis, int velocityMaxCount, double spikeFactor, int spikeMinHistory,
                         double maxSpeedKmh) {

    public FraudRules {
        if (velocityWindowMillis <= 0 || velocityMaxCount <= 0 || spikeFactor <= 1 || spikeMinHistory < 1 || maxSpeedKmh <= 0) {
            throw new IllegalArgumentException("invalid fraud rules " + this);
        }
    }

    /** One minute windows with at most 8 transactions, 5x spikes after 5 transactions, 900 km/h. */
    public static FraudRules standard() {
        return new FraudRules(60_000, 8, 5.0, 5, 900);
    }
}
