package io.sabot.engine.time;

import java.util.function.LongSupplier;

/**
 * Event-time progress over the input partitions of a task. Each partition's watermark only moves
 * forward; the combined watermark is the minimum over active partitions and never moves back.
 * A partition that delivered nothing for {@code idleTimeoutNanos} (by the injected clock) is idle
 * and no longer holds the combined watermark back; it becomes active again with its next update.
 *
 * <p>An update only rescans the partitions when the updated partition held the minimum, so the
 * common case is a few comparisons. Not thread-safe: owned by the task thread.
 */
public final class WatermarkTracker {

    public static final long NO_WATERMARK = Long.MIN_VALUE;

    private final long[] watermarks;
    private final long[] lastActive;
    private final boolean[] idle;
    private final long idleTimeoutNanos;
    private final LongSupplier clock;
    private int minPartition = -1;
    private long combined = NO_WATERMARK;

    public WatermarkTracker(int partitions, long idleTimeoutNanos, LongSupplier clock) {
        if (partitions <= 0) {
            throw new IllegalArgumentException("partitions must be positive, was " + partitions);
        }
        if (idleTimeoutNanos <= 0) {
            throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeoutNanos + " ns");
        }
        this.watermarks = new long[partitions];
        this.lastActive = new long[partitions];
        this.idle = new boolean[partitions];
        this.idleTimeoutNanos = idleTimeoutNanos;
        this.clock = clock;
        java.util.Arrays.fill(watermarks, NO_WATERMARK);
        long now = clock.getAsLong();
        java.util.Arrays.fill(lastActive, now);
    }

    /**
     * Partition {@code partition} reports watermark {@code watermark}; returns the combined watermark.
     * A watermark lower than the partition's current one is ignored (watermarks never go back).
     */
    public long update(int partition, long watermark) {
        lastActive[partition] = clock.getAsLong();
        boolean resumed = idle[partition];
        idle[partition] = false;
        if (watermark > watermarks[partition]) {
            watermarks[partition] = watermark;
            if (partition == minPartition || resumed || minPartition < 0) {
                recompute();
            }
        } else if (resumed) {
            recompute();
        }
        return combined;
    }

    /** Marks partitions idle that have been silent for the idle timeout; returns the combined watermark. */
    public long checkIdle() {
        long now = clock.getAsLong();
        boolean changed = false;
        for (int p = 0; p < watermarks.length; p++) {
            if (!idle[p] && now - lastActive[p] >= idleTimeoutNanos) {
                idle[p] = true;
                changed = true;
            }
        }
        if (changed) {
            recompute();
        }
        return combined;
    }

    public long combined() {
        return combined;
    }

    public long watermark(int partition) {
        return watermarks[partition];
    }

    public boolean isIdle(int partition) {
        return idle[partition];
    }

    /** True when an event with this timestamp arrives after the combined watermark passed it (beyond the allowed lateness). */
    public boolean isLate(long eventTimestamp, long allowedLateness) {
        return combined != NO_WATERMARK && eventTimestamp + allowedLateness < combined;
    }

    /** Restores per-partition watermarks and the combined one from a checkpoint (all partitions start active). */
    public void restore(long[] partitionWatermarks, long combinedWatermark) {
        if (partitionWatermarks.length != watermarks.length) {
            throw new IllegalArgumentException("checkpoint has " + partitionWatermarks.length + " partitions, tracker has " + watermarks.length);
        }
        System.arraycopy(partitionWatermarks, 0, watermarks, 0, watermarks.length);
        java.util.Arrays.fill(idle, false);
        java.util.Arrays.fill(lastActive, clock.getAsLong());
        combined = combinedWatermark;
        recompute();
    }

    public long[] partitionWatermarks() {
        return watermarks.clone();
    }

    private void recompute() {
        long min = Long.MAX_VALUE;
        int argMin = -1;
        for (int p = 0; p < watermarks.length; p++) {
            if (!idle[p] && watermarks[p] < min) {
                min = watermarks[p];
                argMin = p;
            }
        }
        minPartition = argMin;
        if (argMin >= 0 && min > combined) {
            combined = min; // monotonic: a resumed partition behind the others does not pull it back
        }
    }
}
