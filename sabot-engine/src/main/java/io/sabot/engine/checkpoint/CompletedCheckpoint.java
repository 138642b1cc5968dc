package io.sabot.engine.checkpoint;

import java.nio.file.Path;

/**
 * A checkpoint verified on disk.
 *
 * @param stateDirectory the files the state backend wrote, to hand to {@code StateBackend.restore}
 * @param metadata       what the job stored beside the state (source offsets, watermarks, timers)
 */
public record CompletedCheckpoint(long id, Path directory, Path stateDirectory, byte[] metadata) {
}
