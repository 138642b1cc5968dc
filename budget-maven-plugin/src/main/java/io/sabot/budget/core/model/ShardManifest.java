package io.sabot.budget.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a shard of a sharded check records beside its results ({@code shard.json}) so that
 * {@code budget:merge} can verify the shards belong together and judge their forks as one run.
 *
 * @param shard            which shard this is
 * @param suite            every unit of the whole suite, as this shard listed it (the shards must agree)
 * @param units            the units this shard ran: its forks are in {@code results.json} beside the manifest
 * @param commit           the commit the shard measured, when known
 * @param environment      where the shard measured
 * @param budgetFileSha256 SHA-256 of the budget file the shard used
 * @param baselineSha256   SHA-256 of the stored baseline the shard used, when there was one
 * @param looks            evaluations the error rate was split over (1, or 1 + adaptive rounds)
 * @param subset           whether includes/excludes selected part of the project's benchmarks
 * @param paired           in paired mode: the baseline code, seed and pairs ({@code baseline-results.json} beside)
 * @param confirmations    stored mode: the confirmation reruns' results, relative to the manifest, in order
 */
public record ShardManifest(ShardSpec shard, List<BenchmarkUnit> suite, List<BenchmarkUnit> units, Optional<String> commit,
                            Environment environment, String budgetFileSha256, Optional<String> baselineSha256, int looks,
                            boolean subset, Optional<Paired> paired, List<String> confirmations) {

    public static final String FILE_NAME = "shard.json";

    public ShardManifest {
        Objects.requireNonNull(shard, "shard");
        suite = List.copyOf(suite);
        units = List.copyOf(units);
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(budgetFileSha256, "budgetFileSha256");
        confirmations = List.copyOf(confirmations);
    }

    /** A paired shard's own pairs: rounds are counted per shard, and its seed drew only its own order. */
    public record Paired(String baselineSource, long seed, List<PairedRun.Pair> pairs) {
        public Paired {
            Objects.requireNonNull(baselineSource, "baselineSource");
            pairs = List.copyOf(pairs);
        }
    }
}
