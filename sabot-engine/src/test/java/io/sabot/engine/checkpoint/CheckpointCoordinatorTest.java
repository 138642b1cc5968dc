package io.sabot.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CheckpointCoordinatorTest {

    private final AtomicLong now = new AtomicLong();
    private final List<String> events = new ArrayList<>();
    private final CheckpointListener listener = new CheckpointListener() {
        @Override
        public void injectBarrier(long id, long ts) {
            events.add("barrier " + id);
        }

        @Override
        public void completed(long id) {
            events.add("completed " + id);
        }

        @Override
        public void aborted(long id, String reason) {
            events.add("aborted " + id + ": " + reason);
        }
    };

    private CheckpointCoordinator coordinator(int tasks, int maxConcurrent) {
        return new CheckpointCoordinator(tasks, maxConcurrent, 1_000, now::get, listener);
    }

    @Test
    void completesWhenEveryTaskAcknowledged() {
        CheckpointCoordinator c = coordinator(3, 1);
        long id = c.trigger();
        assertThat(id).isEqualTo(1);
        c.acknowledge(0, id);
        c.acknowledge(2, id);
        c.acknowledge(2, id); // a repeated ack counts once
        assertThat(c.latestCompleted()).isEqualTo(-1);
        c.acknowledge(1, id);
        assertThat(c.latestCompleted()).isEqualTo(1);
        assertThat(events).containsExactly("barrier 1", "completed 1");
    }

    @Test
    void idsAreMonotonicAndConcurrencyIsBounded() {
        CheckpointCoordinator c = coordinator(1, 2);
        assertThat(c.trigger()).isEqualTo(1);
        assertThat(c.trigger()).isEqualTo(2);
        assertThat(c.trigger()).isEqualTo(-1);
        c.acknowledge(0, 2); // completing 2 subsumes 1
        assertThat(events).contains("aborted 1: subsumed by completed checkpoint 2");
        assertThat(c.pendingCount()).isZero();
        assertThat(c.trigger()).isEqualTo(3);
    }

    @Test
    void concurrentCheckpointsCompleteInAnyOrderOfAcks() {
        CheckpointCoordinator c = coordinator(2, 3);
        long a = c.trigger();
        long b = c.trigger();
        c.acknowledge(0, b);
        c.acknowledge(0, a);
        c.acknowledge(1, a);
        assertThat(c.latestCompleted()).isEqualTo(a);
        c.acknowledge(1, b);
        assertThat(c.latestCompleted()).isEqualTo(b);
    }

    @Test
    void abortsOnTimeoutAndIgnoresLateAcks() {
        CheckpointCoordinator c = coordinator(2, 1);
        long id = c.trigger();
        now.set(999);
        assertThat(c.checkTimeouts()).isZero();
        now.set(1_000);
        assertThat(c.checkTimeouts()).isEqualTo(1);
        c.acknowledge(0, id);
        c.acknowledge(1, id);
        assertThat(c.latestCompleted()).isEqualTo(-1);
        assertThat(events.get(1)).startsWith("aborted 1: timed out");
    }

    @Test
    void abortsWhenATaskDeclines() {
        CheckpointCoordinator c = coordinator(2, 1);
        long id = c.trigger();
        c.decline(1, id, "disk full");
        assertThat(c.isPending(id)).isFalse();
        assertThat(events).contains("aborted 1: declined by task 1: disk full");
    }

    @Test
    void resumesNumberingAfterRestore() {
        CheckpointCoordinator c = coordinator(1, 1);
        c.resumeAfter(41);
        assertThat(c.trigger()).isEqualTo(42);
        assertThat(c.latestCompleted()).isEqualTo(41);
    }
}
