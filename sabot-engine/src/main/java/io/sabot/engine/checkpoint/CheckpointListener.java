package io.sabot.engine.checkpoint;

/** Told when a checkpoint is triggered, completes or is aborted. */
public interface CheckpointListener {

    /** Inject barrier {@code checkpointId} into every source: called inside {@link CheckpointCoordinator#trigger()}. */
    default void injectBarrier(long checkpointId, long timestampNanos) {
    }

    default void completed(long checkpointId) {
    }

    default void aborted(long checkpointId, String reason) {
    }
}
