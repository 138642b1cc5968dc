package io.sabot.engine.benchmarks;

import io.sabot.engine.checkpoint.BarrierTracker;
import io.sabot.engine.checkpoint.CheckpointCoordinator;
import io.sabot.engine.checkpoint.CheckpointListener;
import io.sabot.engine.pipeline.PartitionQueue;
import io.sabot.engine.pipeline.TransactionGenerator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Spec, checkpoints: barrier initiation under 10 us and more than 100 checkpoints per second (the
 * spec's test of the latter times triggers only); alignment under 5 us per partition (1 to 64
 * partitions); 10 concurrent checkpoints under 15 us each. Project targets: trigger at most 1 us,
 * an alignment step at most 100 ns.
 *
 * <p>Triggering includes what the trigger does in a job: the coordinator's listener injects the
 * barrier into every input partition, as {@code FraudPipeline}'s does (each source's offset is
 * recorded, a barrier appended to each partition's {@link PartitionQueue}), for the fraud job's 4
 * partitions and the engine's maximum of 64. The task then takes the barriers out again (one poll
 * per partition, timed with the trigger) so that every invocation starts from empty queues.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CheckpointBenchmark {

    /** The input side of one task as FraudPipeline has it: per partition a source and the queue it feeds. */
    @State(Scope.Thread)
    public static class Inputs {
        @Param({"4", "64"})
        public int partitions;
        TransactionGenerator[] sources;
        PartitionQueue[] queues;
        final Map<Long, long[]> offsetsAtBarrier = new HashMap<>();
        CheckpointCoordinator single;
        CheckpointCoordinator concurrent;

        @Setup
        public void setUp() {
            sources = new TransactionGenerator[partitions];
            queues = new PartitionQueue[partitions];
            for (int p = 0; p < partitions; p++) {
                sources[p] = new TransactionGenerator(42, p, partitions, 10_000, 1_700_000_000_000L, 10, 1_000);
                queues[p] = new PartitionQueue(16); // room for the ten barriers of tenConcurrentCheckpoints
            }
            CheckpointListener injection = new CheckpointListener() {
                @Override
                public void injectBarrier(long checkpointId, long timestampNanos) {
                    long[] offsets = new long[sources.length];
                    for (int p = 0; p < sources.length; p++) {
                        offsets[p] = sources[p].position();
                        queues[p].addBarrier(checkpointId, timestampNanos);
                    }
                    offsetsAtBarrier.put(checkpointId, offsets);
                }
            };
            single = new CheckpointCoordinator(1, 1, Long.MAX_VALUE, System::nanoTime, injection);
            concurrent = new CheckpointCoordinator(4, 10, Long.MAX_VALUE, System::nanoTime, injection);
        }

        /** The task reads checkpoint {@code id}'s barrier from every partition; its snapshot takes the offsets. */
        void takeBarriers(long id) {
            for (PartitionQueue queue : queues) {
                if (!(queue.poll() instanceof PartitionQueue.Barrier barrier) || barrier.checkpointId() != id) {
                    throw new IllegalStateException("expected the barrier of checkpoint " + id);
                }
            }
            offsetsAtBarrier.remove(id);
        }
    }

    @State(Scope.Thread)
    public static class Alignment {
        @Param({"1", "8", "64"})
        public int partitions;
        BarrierTracker tracker;
        long nextCheckpoint = 1;
        long aligned;

        @Setup
        public void setUp() {
            tracker = new BarrierTracker(partitions, id -> aligned = id);
        }
    }

    /** CKPT-001, CKPT-003: trigger a checkpoint and inject its barrier into every partition; the task takes the barriers and acks. */
    @Benchmark
    public long triggerBarrier(Inputs in) {
        long id = in.single.trigger();
        in.takeBarriers(id);
        in.single.acknowledge(0, id);
        return id;
    }

    /** CKPT-002: align one checkpoint's barriers over every input partition. */
    @Benchmark
    public long alignBarriers(Alignment a) {
        long id = a.nextCheckpoint++;
        for (int p = 0; p < a.partitions; p++) {
            a.tracker.onBarrier(p, id);
        }
        return a.aligned;
    }

    /**
     * CKPT-004: ten checkpoints in flight at once, each injected into every partition, then
     * acknowledged by 4 tasks in order (score per checkpoint).
     */
    @Benchmark
    @OperationsPerInvocation(10)
    public long tenConcurrentCheckpoints(Inputs in) {
        long first = in.concurrent.trigger();
        for (int i = 1; i < 10; i++) {
            in.concurrent.trigger();
        }
        for (long id = first; id < first + 10; id++) {
            in.takeBarriers(id);
            for (int task = 0; task < 4; task++) {
                in.concurrent.acknowledge(task, id);
            }
        }
        return in.concurrent.latestCompleted();
    }
}
