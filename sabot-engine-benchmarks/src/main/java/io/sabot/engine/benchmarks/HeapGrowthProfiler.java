package io.sabot.engine.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * Spec, pipeline: memory growth under 5% over a long run. After every iteration this profiler
 * collects garbage and reads the live heap; it reports {@code heap.growth}, the live heap's growth
 * since the end of warm-up, in percent, for every measurement iteration. A job that keeps its
 * state bounded stays near 0%; a leak grows with every iteration, so the mean over the run exceeds
 * a 5% budget well before the heap runs out.
 *
 * <p>Enabled with {@code -prof io.sabot.engine.benchmarks.HeapGrowthProfiler:<filter>}: only
 * benchmarks whose name contains {@code filter} are collected and reported (a full GC between
 * iterations is cheap, but the other benchmarks need not pay it).
 */
public final class HeapGrowthProfiler implements InternalProfiler {

    /** Full collections needed for the live heap to settle (finalizers and references cleared). */
    private static final int SETTLING_COLLECTIONS = 2;

    private final String filter;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private long liveAfterWarmup = -1;

    public HeapGrowthProfiler() {
        this("");
    }

    public HeapGrowthProfiler(String filter) {
        this.filter = filter == null ? "" : filter.trim();
    }

    @Override
    public String getDescription() {
        return "Live heap growth after warm-up (full GC after each iteration), in percent";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        // Measured after the iteration, outside the timed region.
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        if (!benchmarkParams.getBenchmark().contains(filter)) {
            return List.of();
        }
        long live = liveHeapBytes();
        if (iterationParams.getType() == IterationType.WARMUP) {
            liveAfterWarmup = live; // the last warm-up iteration's value is the reference
            return List.of();
        }
        if (liveAfterWarmup <= 0) {
            liveAfterWarmup = live; // no warm-up configured: the first measurement is the reference
        }
        return List.of(new ScalarResult("heap.growth", growthPercent(liveAfterWarmup, live), "%", AggregationPolicy.AVG));
    }

    /** Growth of {@code now} over {@code reference}, in percent (negative when the heap shrank). */
    static double growthPercent(long reference, long now) {
        return (now - reference) * 100.0 / reference;
    }

    private long liveHeapBytes() {
        for (int i = 0; i < SETTLING_COLLECTIONS; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
