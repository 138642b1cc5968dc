package io.sabot.engine.arrow;

/** One transaction as a plain Java value; amounts are in cents so sums are exact. */
public record TransactionRow(long transactionId, long accountId, long amountCents, long timestampMillis,
                             double latitude, double longitude, int merchantCategory) {
}
