package io.sabot.engine.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WatermarkTrackerTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void combinedIsTheMinimumOverPartitionsAndNeverGoesBack() {
        WatermarkTracker tracker = new WatermarkTracker(3, 1_000, now::get);
        assertThat(tracker.update(0, 100)).isEqualTo(WatermarkTracker.NO_WATERMARK);
        tracker.update(1, 50);
        assertThat(tracker.update(2, 70)).isEqualTo(50);
        assertThat(tracker.update(1, 200)).isEqualTo(70);
        assertThat(tracker.update(2, 10)).isEqualTo(70); // a partition's watermark never goes back
        assertThat(tracker.watermark(2)).isEqualTo(70);
        assertThat(tracker.update(2, 300)).isEqualTo(100);
    }

    @Test
    void idlePartitionsStopHoldingTheWatermarkBackAndRejoinWithoutPullingItBack() {
        WatermarkTracker tracker = new WatermarkTracker(2, 1_000, now::get);
        tracker.update(0, 10);
        tracker.update(1, 500);
        assertThat(tracker.combined()).isEqualTo(10);
        now.set(600);
        tracker.update(1, 800);
        now.set(1_000);
        assertThat(tracker.checkIdle()).isEqualTo(800); // partition 0 silent for 1000 ns
        assertThat(tracker.isIdle(0)).isTrue();
        assertThat(tracker.update(0, 20)).isEqualTo(800); // resumes behind: not pulled back
        assertThat(tracker.isIdle(0)).isFalse();
        tracker.update(1, 2_000);
        assertThat(tracker.combined()).isEqualTo(800);
        assertThat(tracker.update(0, 900)).isEqualTo(900);
    }

    @Test
    void detectsLateEventsWithAllowedLateness() {
        WatermarkTracker tracker = new WatermarkTracker(1, 1_000, now::get);
        assertThat(tracker.isLate(0, 0)).isFalse();
        tracker.update(0, 1_000);
        assertThat(tracker.isLate(999, 0)).isTrue();
        assertThat(tracker.isLate(1_000, 0)).isFalse();
        assertThat(tracker.isLate(950, 100)).isFalse();
    }

    @Test
    void restoresFromACheckpoint() {
        WatermarkTracker tracker = new WatermarkTracker(2, 1_000, now::get);
        tracker.restore(new long[] {40, 60}, 40);
        assertThat(tracker.combined()).isEqualTo(40);
        assertThat(tracker.update(0, 70)).isEqualTo(60);
    }
}
