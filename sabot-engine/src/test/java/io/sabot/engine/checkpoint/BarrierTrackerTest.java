package io.sabot.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BarrierTrackerTest {

    private final List<String> events = new ArrayList<>();
    private final BarrierTracker.Handler handler = new BarrierTracker.Handler() {
        @Override
        public void aligned(long id) {
            events.add("aligned " + id);
        }

        @Override
        public void cancelled(long id) {
            events.add("cancelled " + id);
        }
    };

    @ParameterizedTest
    @ValueSource(strings = {"0,1,2", "2,1,0", "1,0,2"})
    void alignsInAnyArrivalOrderAndBlocksUntilThen(String order) {
        BarrierTracker tracker = new BarrierTracker(3, handler);
        String[] partitions = order.split(",");
        for (int i = 0; i < partitions.length; i++) {
            int p = Integer.parseInt(partitions[i]);
            tracker.onBarrier(p, 7);
            if (i < partitions.length - 1) {
                assertThat(tracker.isBlocked(p)).isTrue();
                assertThat(events).isEmpty();
            }
        }
        assertThat(events).containsExactly("aligned 7");
        for (int p = 0; p < 3; p++) {
            assertThat(tracker.isBlocked(p)).isFalse();
        }
    }

    @Test
    void newerBarrierCancelsAnUnfinishedAlignment() {
        BarrierTracker tracker = new BarrierTracker(2, handler);
        tracker.onBarrier(0, 1);
        tracker.onBarrier(1, 2);
        assertThat(events).containsExactly("cancelled 1");
        assertThat(tracker.isBlocked(0)).isFalse();
        assertThat(tracker.isBlocked(1)).isTrue();
        tracker.onBarrier(0, 1); // stale
        tracker.onBarrier(0, 2);
        assertThat(events).containsExactly("cancelled 1", "aligned 2");
    }

    @Test
    void cancelReleasesBlockedPartitionsAndLaterBarriersAreStale() {
        BarrierTracker tracker = new BarrierTracker(2, handler);
        tracker.onBarrier(0, 3);
        tracker.onCancel(3);
        assertThat(tracker.isBlocked(0)).isFalse();
        tracker.onBarrier(1, 3);
        assertThat(tracker.isBlocked(1)).isFalse();
        assertThat(events).containsExactly("cancelled 3");
    }

    @Test
    void duplicateBarrierFromOnePartitionDoesNotCompleteAlignment() {
        BarrierTracker tracker = new BarrierTracker(2, handler);
        tracker.onBarrier(0, 1);
        tracker.onBarrier(0, 1);
        assertThat(events).isEmpty();
        tracker.onBarrier(1, 1);
        assertThat(events).containsExactly("aligned 1");
    }
}
