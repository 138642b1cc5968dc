package io.sabot.engine.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes alerts exactly-once across crashes: alerts are held back until the checkpoint that covers
 * them completes, then committed. After a crash the uncommitted ones are lost with the process and
 * produced again by the replay, so the committed list never has duplicates or gaps.
 */
public final class TransactionalAlertSink implements Consumer<Alert> {

    private final List<Alert> committed;
    private final List<Alert> pending = new ArrayList<>();

    /** @param committed the durable destination, which outlives a pipeline instance (e.g. a topic) */
    public TransactionalAlertSink(List<Alert> committed) {
        this.committed = committed;
    }

    @Override
    public void accept(Alert alert) {
        pending.add(alert);
    }

    /** The checkpoint covering everything emitted so far completed. */
    public void commit() {
        committed.addAll(pending);
        pending.clear();
    }

    public int pendingCount() {
        return pending.size();
    }

    public List<Alert> committed() {
        return Collections.unmodifiableList(committed);
    }
}
