package io.sabot.engine.pipeline;

/** A suspected fraud: which rule fired, for which account and transaction (or window), and why. */
public record Alert(String rule, long accountId, long transactionId, long timestamp, String detail)
        implements Comparable<Alert> {

    public static final String VELOCITY = "velocity";
    public static final String AMOUNT_SPIKE = "amount-spike";
    public static final String IMPOSSIBLE_TRAVEL = "impossible-travel";

    @Override
    public int compareTo(Alert o) {
        int c = Long.compare(timestamp, o.timestamp);
        if (c == 0) {
            c = rule.compareTo(o.rule);
        }
        if (c == 0) {
            c = Long.compare(accountId, o.accountId);
        }
        return c != 0 ? c : Long.compare(transactionId, o.transactionId);
    }
}
