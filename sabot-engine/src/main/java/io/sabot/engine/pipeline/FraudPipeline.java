package io.sabot.engine.pipeline;

import io.sabot.engine.checkpoint.BackgroundCheckpointWriter;
import io.sabot.engine.checkpoint.BarrierTracker;
import io.sabot.engine.checkpoint.CheckpointCoordinator;
import io.sabot.engine.checkpoint.CheckpointListener;
import io.sabot.engine.checkpoint.CheckpointStorage;
import io.sabot.engine.checkpoint.CompletedCheckpoint;
import io.sabot.engine.checkpoint.PausePoint;
import io.sabot.engine.checkpoint.RecoveryResult;
import io.sabot.engine.state.StateBackend;
import io.sabot.engine.time.WatermarkTracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The fraud-detection job: keyed source partitions → bounded in-flight queues → the
 * {@link FraudDetector} with its state backend → a transactional alert sink. Watermarks come from
 * each partition's newest event time minus the allowed disorder; checkpoints are triggered every
 * {@code checkpointInterval} events, their barriers flow through the queues and are aligned by a
 * {@link BarrierTracker}, and the snapshot (state files plus source offsets, watermarks and timers)
 * goes to {@link CheckpointStorage} together with the alerts produced since the previous checkpoint
 * (a pre-committed transaction); when the checkpoint completes, that transaction is committed to the
 * {@link AlertLog}.
 *
 * <p>{@link #recover} builds a new instance from the latest intact checkpoint, commits the
 * checkpoint's transaction if the crash came before its commit, and replays the sources from the
 * stored offsets, so the committed alerts end up exactly those of an uninterrupted run, whether the
 * old instance was abandoned or its process killed at any instruction (see
 * {@code docs/reliability.md}).
 *
 * <p>Processing runs on the caller's thread, deterministically. A checkpoint's snapshot is taken
 * there when its barriers align; storing it (checksums, fsyncs, rename) runs on a
 * {@link BackgroundCheckpointWriter} while processing goes on, and the checkpoint is acknowledged
 * (its alerts committed) on the caller's thread once the write has ended: as soon as it is seen
 * finished, at the latest before the next checkpoint is triggered and before {@link #run} returns.
 * So at most one write is in flight, and between {@code run} calls the job is in the same state as
 * if every checkpoint had been written synchronously. {@link #advance} and
 * {@link #processNextArrival} continue a run without ending it (a write may stay in flight across
 * calls, as in a job that never stops); they are what the benchmarks measure.
 */
public final class FraudPipeline implements AutoCloseable {

    static final int QUEUE_CAPACITY = 64;
    /** 3: one account record per account instead of three namespaces (older checkpoints hold other state). */
    private static final int METADATA_VERSION = 3;

    /** Crash-test pause points (see {@link PausePoint}) in the pipeline's own steps. */
    public static final String PAUSE_SNAPSHOT_TAKEN = "pipeline.snapshot-taken";
    public static final String PAUSE_BEFORE_COMMIT = "pipeline.before-commit";
    public static final String PAUSE_RECOVERY_CHOSEN = "recovery.checkpoint-chosen";
    public static final String PAUSE_RECOVERY_RESTORED = "recovery.state-restored";
    public static final String PAUSE_RECOVERY_RECOMMITTED = "recovery.recommitted";

    private final PipelineConfig config;
    private final StateBackend backend;
    private final FraudDetector detector;
    private final AlertLog log;
    private final TransactionalAlertSink sink;
    private final TransactionGenerator[] sources;
    private final PartitionQueue[] queues;
    private final long[] newestEventTime;
    private final WatermarkTracker watermarks;
    private final BarrierTracker barriers;
    private final CheckpointCoordinator coordinator;
    private final CheckpointStorage storage;
    private final BackgroundCheckpointWriter writer;
    private final Map<Long, long[]> offsetsAtBarrier = new HashMap<>();
    /** Null when nobody listens: then no clock is read per event. */
    private LongConsumer latencyListener;
    /** The partition whose source delivers the next transaction in {@link #processNextArrival}. */
    private int nextArrival;
    private long processed;
    private long sinceCheckpoint;
    private long round;
    private long completedCheckpoints;
    private long sourceLimit = Long.MAX_VALUE;
    /** The highest checkpoint or transaction id used by this job so far, by any instance. */
    private long highestId;
    private List<Alert> restoredTransaction = List.of();

    private FraudPipeline(PipelineConfig config, AlertLog log) throws IOException {
        this.config = config;
        this.backend = config.backends().get();
        this.log = log;
        this.sink = new TransactionalAlertSink(log);
        this.detector = new FraudDetector(config.rules(), backend, sink);
        int p = config.partitions();
        this.sources = new TransactionGenerator[p];
        this.queues = new PartitionQueue[p];
        this.newestEventTime = new long[p];
        for (int i = 0; i < p; i++) {
            sources[i] = new TransactionGenerator(config.seed(), i, p, config.accounts(), 1_700_000_000_000L,
                    config.spacingMillis(), Math.max(0, config.outOfOrderMillis() / 2));
            queues[i] = new PartitionQueue(QUEUE_CAPACITY + 2);
            newestEventTime[i] = Long.MIN_VALUE;
        }
        // Event time drives everything here; idleness is measured in processed events, not wall time.
        this.watermarks = new WatermarkTracker(p, Long.MAX_VALUE, () -> processed);
        this.barriers = new BarrierTracker(p, new BarrierTracker.Handler() {
            @Override
            public void aligned(long checkpointId) {
                takeSnapshot(checkpointId);
            }

            @Override
            public void cancelled(long checkpointId) {
                offsetsAtBarrier.remove(checkpointId);
                sink.abort(checkpointId);
            }
        });
        this.coordinator = new CheckpointCoordinator(1, 1, Long.MAX_VALUE, System::nanoTime, new CheckpointListener() {
            @Override
            public void injectBarrier(long checkpointId, long timestampNanos) {
                long[] offsets = new long[sources.length];
                for (int i = 0; i < sources.length; i++) {
                    offsets[i] = sources[i].position();
                    queues[i].addBarrier(checkpointId, timestampNanos);
                }
                offsetsAtBarrier.put(checkpointId, offsets);
                highestId = Math.max(highestId, checkpointId);
            }

            @Override
            public void completed(long checkpointId) {
                completedCheckpoints++;
                sink.commit(checkpointId);
            }
        });
        this.storage = new CheckpointStorage(config.checkpointDirectory(), config.retainedCheckpoints());
        this.writer = new BackgroundCheckpointWriter(storage);
    }

    /** A new job reading every source from the beginning, committing alerts to {@code committedAlerts}. */
    public static FraudPipeline start(PipelineConfig config, List<Alert> committedAlerts) throws IOException {
        return start(config, new InMemoryAlertLog(committedAlerts));
    }

    /** A new job reading every source from the beginning. */
    public static FraudPipeline start(PipelineConfig config, AlertLog log) throws IOException {
        FraudPipeline pipeline = new FraudPipeline(config, log);
        if (!pipeline.storage.checkpointIds().isEmpty()) {
            pipeline.close();
            throw new IllegalStateException(config.checkpointDirectory() + " already holds checkpoints of a job;"
                    + " use recover() to continue it, or an empty directory to start a new one");
        }
        if (log.lastCommittedTransaction() >= 0) {
            pipeline.close();
            throw new IllegalStateException("the alert log already holds transactions of a job (up to "
                    + log.lastCommittedTransaction() + "); use recover() to continue it, or an empty log to start a new one");
        }
        return pipeline;
    }

    /**
     * A job restored from the latest intact checkpoint, or a new one when there is none. The
     * restored checkpoint's alert transaction is committed (again, if the crash came after its
     * commit), and alerts the log holds from later transactions are not committed twice by the
     * replay.
     */
    public static FraudPipeline recover(PipelineConfig config, AlertLog log) throws IOException {
        FraudPipeline pipeline = new FraudPipeline(config, log);
        try {
            pipeline.recoverFrom(pipeline.storage.latest());
        } catch (IOException | RuntimeException e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    private void recoverFrom(RecoveryResult recovery) throws IOException {
        long restoredId = -1;
        if (recovery.checkpoint().isPresent()) {
            CompletedCheckpoint checkpoint = recovery.checkpoint().get();
            PausePoint.reach(PAUSE_RECOVERY_CHOSEN);
            restore(checkpoint);
            PausePoint.reach(PAUSE_RECOVERY_RESTORED);
            restoredId = checkpoint.id();
            log.commit(restoredId, restoredTransaction);
            restoredTransaction = List.of();
            PausePoint.reach(PAUSE_RECOVERY_RECOMMITTED);
        }
        sink.suppressReplayOf(log.committedAfter(restoredId));
        // New checkpoints and transactions get ids no earlier instance used: a skipped (corrupt)
        // checkpoint directory or a committed transaction may carry a higher id than the restored one.
        long highest = Math.max(restoredId, log.lastCommittedTransaction());
        for (long id : storage.checkpointIds()) {
            highest = Math.max(highest, id);
        }
        highestId = Math.max(highest, 0);
        coordinator.resumeAfter(highestId);
        storage.deleteIncomplete();
        deleteScratchDirectories();
    }

    /**
     * Receives each transaction's latency from emission by its source to the end of its processing.
     * Without a listener the job reads no clock per event (a read costs 90-140 ns on a kvm-clock,
     * more than a tenth of an event's processing). Set it while no transaction is queued (before the job
     * runs, or after {@link #processNextArrival}): queued ones were emitted without a time.
     */
    public void onLatency(LongConsumer listener) {
        for (PartitionQueue queue : queues) {
            if (!queue.isEmpty()) {
                throw new IllegalStateException("set the latency listener while no transaction is queued (before the job runs):"
                        + " queued transactions were emitted without a time");
            }
        }
        this.latencyListener = listener;
    }

    /** Makes every source partition end after {@code eventsPerPartition} transactions (a bounded input). */
    public FraudPipeline boundedTo(long eventsPerPartition) {
        this.sourceLimit = eventsPerPartition;
        return this;
    }

    /** True when a bounded input has been read and processed completely. */
    public boolean exhausted() {
        for (int p = 0; p < sources.length; p++) {
            if (sources[p].position() < sourceLimit || !queues[p].isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Processes everything of a bounded input, then ends it with {@link #finish()}. */
    public void runToEnd() {
        if (sourceLimit == Long.MAX_VALUE) {
            throw new IllegalStateException("runToEnd needs a bounded input: call boundedTo(...) first");
        }
        run(Long.MAX_VALUE - processed);
        finish();
    }

    /**
     * Processes up to {@code events} more transactions (checkpointing on the way) and returns with
     * the run ended: a checkpoint write in flight is collected and acknowledged, and buffered state
     * is written to the backend, so callers may read the backend. {@code run(0)} only ends a run
     * that {@link #advance} or {@link #processNextArrival} left going.
     */
    public void run(long events) {
        advance(events);
        if (writer.inFlight()) {
            completeWrite();
        }
        detector.flush(); // callers may read the backend between runs
    }

    /**
     * Processes up to {@code events} more transactions, checkpointing on the way, as one stretch of
     * a run that goes on: unlike {@link #run}, nothing is ended, so a checkpoint write may still be
     * in flight (overlapping the next call's processing, as in a job that never stops) and buffered
     * state is not flushed. Like consecutive {@code run} calls, consecutive calls may interleave the
     * partitions differently from one call over all their events (a call can stop in the middle of
     * a round); that changes no alert while no event is late.
     */
    public void advance(long events) {
        long target = processed + events;
        while (processed < target && !exhausted()) {
            emit();
            drain(target);
            checkpointIfDue();
        }
    }

    /**
     * One transaction arrives and is processed, inside a run that goes on (as in {@link #advance}):
     * the time this call takes is that transaction's latency from its arrival to the end of its
     * processing, including whatever the job must do first. That is: what is due between two events
     * (a finished checkpoint write is acknowledged; at the checkpoint interval the next checkpoint is
     * triggered, after waiting for the previous write if it is still in flight); then the next
     * source partition in turn emits one transaction, and the task reads its partitions until they
     * are empty, so everything queued ahead of the transaction, the barriers and the snapshot when
     * they align included, is processed before it. Consecutive calls are a job whose sources deliver
     * one event at a time, each once the previous one has been processed.
     *
     * @return false when a bounded input has no transaction left (nothing was processed)
     */
    public boolean processNextArrival() {
        int p = nextArrival;
        while (sources[p].position() >= sourceLimit) {
            p = p + 1 == sources.length ? 0 : p + 1;
            if (p == nextArrival) {
                return false;
            }
        }
        nextArrival = p + 1 == sources.length ? 0 : p + 1;
        checkpointIfDue();
        queues[p].add(sources[p].next(), latencyListener != null ? System.nanoTime() : 0);
        drain(Long.MAX_VALUE);
        if (!queues[p].isEmpty()) {
            throw new IllegalStateException("partition " + p + " still holds " + queues[p].size() + " items"
                    + (barriers.isBlocked(p) ? " behind a barrier" : ""));
        }
        return true;
    }

    /** Between rounds: acknowledges a finished write; at the interval, triggers the next checkpoint (one write at a time). */
    private void checkpointIfDue() {
        if (writer.finished()) {
            completeWrite();
        }
        if (config.checkpointInterval() > 0 && sinceCheckpoint >= config.checkpointInterval()) {
            if (writer.inFlight()) {
                completeWrite(); // one write at a time: the next checkpoint waits for the previous one
            }
            if (coordinator.pendingCount() == 0) {
                sinceCheckpoint = 0;
                coordinator.trigger();
            }
        }
    }

    /**
     * End of input: every window fires and every alert is committed. Only for a bounded run; a
     * crashed job never gets here.
     */
    public void finish() {
        if (writer.inFlight()) {
            completeWrite(); // its transaction comes before the last one
        }
        detector.onWatermark(Long.MAX_VALUE);
        detector.flush();
        highestId = Math.max(highestId, log.lastCommittedTransaction()) + 1;
        sink.commitRemaining(highestId);
    }

    public long processed() {
        return processed;
    }

    public long completedCheckpoints() {
        return completedCheckpoints;
    }

    public long lateEvents() {
        return detector.lateEvents();
    }

    public StateBackend backend() {
        return backend;
    }

    /** A checkpoint write still in flight ends first but is not acknowledged, as if the process died after it. */
    @Override
    public void close() {
        writer.close();
        backend.close();
    }

    /** Each source emits a few events (a different number per partition and round) while its queue has room. */
    private void emit() {
        long now = latencyListener != null ? System.nanoTime() : 0;
        for (int p = 0; p < sources.length; p++) {
            int burst = 1 + (int) ((round + p) % 3);
            for (int i = 0; i < burst && queues[p].size() < QUEUE_CAPACITY && sources[p].position() < sourceLimit; i++) {
                queues[p].add(sources[p].next(), now);
            }
        }
        round++;
    }

    private void drain(long target) {
        boolean progress = true;
        while (progress && processed < target) {
            progress = false;
            for (int p = 0; p < queues.length && processed < target; p++) {
                if (queues[p].isEmpty() || barriers.isBlocked(p)) {
                    continue;
                }
                long emittedAt = queues[p].peekEmittedAt();
                Object item = queues[p].poll();
                progress = true;
                if (item instanceof PartitionQueue.Barrier barrier) {
                    barriers.onBarrier(p, barrier.checkpointId());
                } else {
                    process(p, (Transaction) item);
                    if (latencyListener != null) {
                        latencyListener.accept(System.nanoTime() - emittedAt);
                    }
                }
            }
        }
    }

    private void process(int partition, Transaction t) {
        boolean late = watermarks.isLate(t.timestamp(), 0);
        detector.process(t, late);
        if (t.timestamp() > newestEventTime[partition]) {
            newestEventTime[partition] = t.timestamp();
            long before = watermarks.combined();
            long combined = watermarks.update(partition, t.timestamp() - config.outOfOrderMillis());
            if (combined > before) {
                detector.onWatermark(combined);
            }
        }
        processed++;
        sinceCheckpoint++;
    }

    private void takeSnapshot(long checkpointId) {
        long[] offsets = offsetsAtBarrier.remove(checkpointId);
        Path scratch = scratchDirectory(checkpointId);
        try {
            deleteIfPresent(scratch);
            Files.createDirectories(scratch);
            detector.flush();
            backend.snapshot(scratch);
            PausePoint.reach(PAUSE_SNAPSHOT_TAKEN);
            List<Alert> transaction = sink.preCommit(checkpointId);
            writer.start(checkpointId, scratch, metadata(checkpointId, offsets, transaction));
        } catch (IOException e) {
            failCheckpoint(checkpointId, e);
        }
    }

    /** Collects the write in flight and acknowledges its checkpoint, which commits the checkpoint's alerts. */
    private void completeWrite() {
        long checkpointId = writer.inFlightId();
        try {
            writer.await();
        } catch (java.io.InterruptedIOException e) {
            // Still being written and maybe durable soon: neither acknowledged nor aborted, like a crash here.
            throw new UncheckedIOException("interrupted while waiting for checkpoint " + checkpointId, e);
        } catch (IOException e) {
            failCheckpoint(checkpointId, e);
        }
        PausePoint.reach(PAUSE_BEFORE_COMMIT);
        coordinator.acknowledge(0, checkpointId);
    }

    private void failCheckpoint(long checkpointId, IOException e) {
        coordinator.decline(0, checkpointId, e.getMessage());
        sink.abort(checkpointId);
        throw new UncheckedIOException("checkpoint " + checkpointId + " failed", e);
    }

    private byte[] metadata(long checkpointId, long[] offsets, List<Alert> transaction) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(METADATA_VERSION);
            out.writeLong(checkpointId);
            out.writeLong(config.seed());
            out.writeInt(sources.length);
            long[] partitionWatermarks = watermarks.partitionWatermarks();
            for (int p = 0; p < sources.length; p++) {
                out.writeLong(offsets[p]);
                out.writeLong(partitionWatermarks[p]);
                out.writeLong(newestEventTime[p]);
            }
            out.writeLong(watermarks.combined());
            out.writeLong(processed);
            detector.writeTimers(out);
            out.writeInt(transaction.size());
            for (Alert alert : transaction) {
                out.writeUTF(alert.rule());
                out.writeLong(alert.accountId());
                out.writeLong(alert.transactionId());
                out.writeLong(alert.timestamp());
                out.writeUTF(alert.detail());
            }
        }
        return bytes.toByteArray();
    }

    private void restore(CompletedCheckpoint checkpoint) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(checkpoint.metadata()))) {
            int version = in.readInt();
            if (version != METADATA_VERSION) {
                throw new IOException("checkpoint " + checkpoint.directory() + " has metadata version " + version
                        + "; this engine reads version " + METADATA_VERSION + " (start the job over in an empty directory)");
            }
            long id = in.readLong();
            long seed = in.readLong();
            int partitions = in.readInt();
            if (seed != config.seed() || partitions != sources.length) {
                throw new IOException("checkpoint " + checkpoint.directory() + " belongs to another job (seed " + seed
                        + ", " + partitions + " partitions)");
            }
            long[] partitionWatermarks = new long[partitions];
            for (int p = 0; p < partitions; p++) {
                sources[p].seek(in.readLong());
                partitionWatermarks[p] = in.readLong();
                newestEventTime[p] = in.readLong();
            }
            long combined = in.readLong();
            processed = in.readLong();
            watermarks.restore(partitionWatermarks, combined);
            detector.readTimers(in);
            int alerts = in.readInt();
            List<Alert> transaction = new ArrayList<>(alerts);
            for (int i = 0; i < alerts; i++) {
                transaction.add(new Alert(in.readUTF(), in.readLong(), in.readLong(), in.readLong(), in.readUTF()));
            }
            if (id != checkpoint.id()) {
                throw new IOException("checkpoint " + checkpoint.directory() + " holds the metadata of checkpoint " + id);
            }
            backend.restore(checkpoint.stateDirectory());
            restoredTransaction = transaction;
        }
    }

    private Path scratchDirectory(long checkpointId) {
        return config.checkpointDirectory().resolveSibling(config.checkpointDirectory().getFileName() + ".snapshot-" + checkpointId);
    }

    /** Snapshots a killed instance left behind before storing them. */
    private void deleteScratchDirectories() throws IOException {
        String prefix = config.checkpointDirectory().getFileName() + ".snapshot-";
        Path parent = config.checkpointDirectory().toAbsolutePath().getParent();
        try (var siblings = Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path scratch : siblings) {
                deleteIfPresent(scratch);
            }
        }
    }

    private static void deleteIfPresent(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
