package io.sabot.engine.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Peer of the pipeline throughput on heap state (PIPE-002): the same job without the engine
 * ({@link HandWrittenFraudJob}: the same sources, rules and alerts, state in HashMaps, no state
 * backend, watermark tracker, queues, barriers or checkpoints). It is the speed the job would have
 * without the engine; the ratio to it is what the engine's guarantees cost. Its alerts are kept
 * like the pipeline's committed ones (dropped at the end of each iteration, as
 * {@link PipelineBenchmark} does).
 */
@State(Scope.Thread)
public class HandWrittenLoopBenchmark {

    private HandWrittenFraudJob job;

    @Setup(Level.Trial)
    public void setUp() {
        job = new HandWrittenFraudJob(42, Long.MAX_VALUE);
    }

    @TearDown(Level.Iteration)
    public void dropAlerts() {
        job.alerts().clear();
    }

    /** Peer of PIPE-001 (memory backend). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(PipelineBenchmark.BATCH)
    public long handWrittenLoop() {
        job.run(PipelineBenchmark.BATCH);
        return job.processed();
    }
}
