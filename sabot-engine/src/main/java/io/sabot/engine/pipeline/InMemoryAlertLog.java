package io.sabot.engine.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link AlertLog} that appends committed alerts to a list: for tests, benchmarks and jobs
 * whose "crash" is abandoning a pipeline instance inside one JVM. The list must only grow while
 * {@link #committedAfter} may still be asked (a benchmark that clears it never recovers).
 */
public final class InMemoryAlertLog implements AlertLog {

    private final List<Alert> alerts;
    /** Committed transaction ids and the list index where each one starts. */
    private final List<long[]> transactions = new ArrayList<>();

    public InMemoryAlertLog() {
        this(new ArrayList<>());
    }

    public InMemoryAlertLog(List<Alert> destination) {
        this.alerts = destination;
    }

    @Override
    public long lastCommittedTransaction() {
        return transactions.isEmpty() ? -1 : transactions.get(transactions.size() - 1)[0];
    }

    @Override
    public void commit(long transactionId, List<Alert> committed) {
        if (transactionId <= lastCommittedTransaction()) {
            return;
        }
        transactions.add(new long[] {transactionId, alerts.size()});
        alerts.addAll(committed);
    }

    @Override
    public List<Alert> committedAfter(long transactionId) {
        for (long[] transaction : transactions) {
            if (transaction[0] > transactionId) {
                return List.copyOf(alerts.subList((int) transaction[1], alerts.size()));
            }
        }
        return List.of();
    }

    /** Every committed alert, in commit order. */
    public List<Alert> alerts() {
        return List.copyOf(alerts);
    }
}
