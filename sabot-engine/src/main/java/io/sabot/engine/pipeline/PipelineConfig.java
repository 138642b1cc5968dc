package io.sabot.engine.pipeline;

import io.sabot.engine.state.StateBackend;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a fraud pipeline runs.
 *
 * @param backends             makes a fresh, empty state backend (memory or RocksDB)
 * @param checkpointDirectory  where completed checkpoints are stored
 * @param checkpointInterval   events between checkpoint triggers; 0 disables checkpoints
 * @param outOfOrderMillis     how far behind the newest event a partition's watermark trails
 */
public record PipelineConfig(long seed, int partitions, int accounts, long spacingMillis, FraudRules rules,
                             Supplier<StateBackend> backends, Path checkpointDirectory, long checkpointInterval,
                             long outOfOrderMillis, int retainedCheckpoints) {

    public PipelineConfig {
        if (partitions <= 0 || partitions > 64) {
            throw new IllegalArgumentException("partitions must be 1..64, was " + partitions);
        }
        if (accounts < partitions) {
            throw new IllegalArgumentException("need at least as many accounts as partitions");
        }
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(backends, "backends");
        Objects.requireNonNull(checkpointDirectory, "checkpointDirectory");
        if (checkpointInterval < 0) {
            throw new IllegalArgumentException("checkpointInterval must not be negative");
        }
    }

    /** 4 partitions, 10,000 accounts, 10 ms between events per partition, a checkpoint every 10,000 events. */
    public static PipelineConfig standard(long seed, Supplier<StateBackend> backends, Path checkpointDirectory) {
        return new PipelineConfig(seed, 4, 10_000, 10, FraudRules.standard(), backends, checkpointDirectory, 10_000, 2_000, 3);
    }

    public PipelineConfig withCheckpointInterval(long interval) {
        return new PipelineConfig(seed, partitions, accounts, spacingMillis, rules, backends, checkpointDirectory, interval,
                outOfOrderMillis, retainedCheckpoints);
    }
}
