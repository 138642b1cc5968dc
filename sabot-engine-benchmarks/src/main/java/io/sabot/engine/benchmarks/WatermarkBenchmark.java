package io.sabot.engine.benchmarks;

import io.sabot.engine.time.WatermarkTracker;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Spec, time: a watermark update under 5 us for 1 to 64 partitions, with idle partitions. Project
 * target: at most 50 ns at 64 partitions. Updates rotate over the active partitions, so the
 * partition holding the minimum is updated regularly (the rescan path), as in a real job.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class WatermarkBenchmark {

    @Param({"1", "8", "64"})
    public int partitions;

    private WatermarkTracker tracker;
    private long clock;
    private long time;
    private int partition;
    private int active;

    @Setup
    public void setUp() {
        tracker = new WatermarkTracker(partitions, 1_000_000, () -> clock);
        for (int p = 0; p < partitions; p++) {
            tracker.update(p, 0);
        }
        // A quarter of the partitions (at least none of one) go idle and stay idle.
        active = partitions - partitions / 4;
        clock = 2_000_000;
        for (int p = 0; p < active; p++) {
            tracker.update(p, 1);
        }
        tracker.checkIdle();
    }

    /** WM-001: one partition reports a newer watermark; the combined watermark is returned. */
    @Benchmark
    public long update() {
        partition = partition + 1 == active ? 0 : partition + 1;
        return tracker.update(partition, ++time);
    }
}
