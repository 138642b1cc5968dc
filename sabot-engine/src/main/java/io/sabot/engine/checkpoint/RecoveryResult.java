package io.sabot.engine.checkpoint;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The checkpoint to recover from, if any, and every newer one that was skipped and why. */
public record RecoveryResult(Optional<CompletedCheckpoint> checkpoint, List<Skipped> skipped) {

    public RecoveryResult {
        skipped = List.copyOf(skipped);
    }

    public record Skipped(Path directory, String reason) {
    }
}
