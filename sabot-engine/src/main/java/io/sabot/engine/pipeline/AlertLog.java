package io.sabot.engine.pipeline;

import java.util.List;

/**
 * The destination of committed alerts (a topic, a table, a file): it outlives every pipeline
 * instance and receives whole transactions, one per completed checkpoint.
 *
 * <p>Commits are idempotent by transaction id, which is what makes the two-phase commit of
 * {@link TransactionalAlertSink} exactly-once: after a crash between "checkpoint N is durable" and
 * "transaction N is committed", recovery commits transaction N again from the checkpoint, and a
 * log that already has it ignores the repeat.
 */
public interface AlertLog {

    /** The id of the newest committed transaction, or -1 when nothing was committed yet. */
    long lastCommittedTransaction();

    /**
     * Commits {@code alerts} as transaction {@code transactionId}, atomically: after a crash the
     * log holds all of them or none. A transaction id at or below {@link #lastCommittedTransaction()}
     * was committed already and is ignored.
     */
    void commit(long transactionId, List<Alert> alerts);

    /** Every alert of the committed transactions whose id is above {@code transactionId}. */
    List<Alert> committedAfter(long transactionId);
}
