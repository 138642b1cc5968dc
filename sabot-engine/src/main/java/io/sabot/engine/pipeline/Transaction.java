package io.sabot.engine.pipeline;

/** A card transaction: amount in cents, event time in epoch milliseconds, where it happened. */
public record Transaction(long transactionId, long accountId, long amountCents, long timestamp,
                          double latitude, double longitude, int merchantCategory) {
}
