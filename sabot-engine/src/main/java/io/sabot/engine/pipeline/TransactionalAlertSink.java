package io.sabot.engine.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Makes alerts exactly-once across crashes with a two-phase commit on the checkpoints:
 *
 * <ol>
 *   <li>alerts are held back while they are produced;</li>
 *   <li>{@link #preCommit} at checkpoint N closes them into transaction N, which is stored
 *       <em>inside</em> checkpoint N;</li>
 *   <li>{@link #commit} when checkpoint N is complete hands transaction N to the {@link AlertLog}.</li>
 * </ol>
 *
 * A crash before checkpoint N is durable loses the uncommitted alerts with the process; the replay
 * produces them again. A crash after it but before the commit is repaired by recovery, which
 * commits transaction N again from the checkpoint (the log ignores a transaction it already has).
 * When recovery has to fall back to an older checkpoint (the newest one is corrupt) the log may
 * already hold alerts that the replay produces again; {@link #suppressReplayOf} drops exactly those.
 */
public final class TransactionalAlertSink implements Consumer<Alert> {

    private final AlertLog log;
    private final List<Alert> pending = new ArrayList<>();
    private final Map<Long, List<Alert>> preCommitted = new HashMap<>();
    private final Map<Alert, Integer> replayed = new HashMap<>();

    public TransactionalAlertSink(AlertLog log) {
        this.log = log;
    }

    @Override
    public void accept(Alert alert) {
        Integer copies = replayed.get(alert);
        if (copies != null) {
            if (copies == 1) {
                replayed.remove(alert);
            } else {
                replayed.put(alert, copies - 1);
            }
            return; // committed before the crash, from a checkpoint that recovery could not use
        }
        pending.add(alert);
    }

    /** Closes the alerts held back so far into transaction {@code checkpointId} and returns them. */
    public List<Alert> preCommit(long checkpointId) {
        List<Alert> transaction = List.copyOf(pending);
        pending.clear();
        preCommitted.put(checkpointId, transaction);
        return transaction;
    }

    /** Checkpoint {@code checkpointId} is complete: its transaction becomes visible. */
    public void commit(long checkpointId) {
        List<Alert> transaction = preCommitted.remove(checkpointId);
        if (transaction == null) {
            throw new IllegalStateException("no pre-committed transaction for checkpoint " + checkpointId);
        }
        log.commit(checkpointId, transaction);
    }

    /** Checkpoint {@code checkpointId} was aborted: its alerts go back to the open transaction. */
    public void abort(long checkpointId) {
        List<Alert> transaction = preCommitted.remove(checkpointId);
        if (transaction != null) {
            pending.addAll(0, transaction);
        }
    }

    /** End of a bounded input: everything still held back is committed as the last transaction. */
    public void commitRemaining(long transactionId) {
        log.commit(transactionId, List.copyOf(pending));
        pending.clear();
    }

    /** The next {@code alerts} this sink receives were committed already and are dropped once each. */
    public void suppressReplayOf(List<Alert> alerts) {
        for (Alert alert : alerts) {
            replayed.merge(alert, 1, Integer::sum);
        }
    }

    public int pendingCount() {
        return pending.size();
    }
}
