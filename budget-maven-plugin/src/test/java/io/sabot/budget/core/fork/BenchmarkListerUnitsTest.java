package io.sabot.budget.core.fork;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.model.BenchmarkUnit;
import io.sabot.budget.core.model.ShardSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkListerUnitsTest {

    @Test
    void everyParamCombinationOfJmhsListingIsAUnit() {
        // JMH 1.37's -lp output, as printed for sabot-engine-benchmarks
        List<String> lines = List.of(
                "Benchmarks: ",
                "io.sabot.engine.benchmarks.CheckpointStorageBenchmark.recoverLatest",
                "  param \"cache\" = {warm, cold}",
                "  param \"megabytes\" = {100, 10}",
                "io.sabot.engine.benchmarks.MemoryStateBenchmark.evictingPut",
                "io.sabot.engine.benchmarks.WatermarkBenchmark.update",
                "  param \"partitions\" = {1}");
        List<BenchmarkUnit> units = BenchmarkLister.units(lines);
        assertThat(units).extracting(BenchmarkUnit::label).containsExactly(
                "io.sabot.engine.benchmarks.CheckpointStorageBenchmark.recoverLatest[cache=warm,megabytes=100]",
                "io.sabot.engine.benchmarks.CheckpointStorageBenchmark.recoverLatest[cache=warm,megabytes=10]",
                "io.sabot.engine.benchmarks.CheckpointStorageBenchmark.recoverLatest[cache=cold,megabytes=100]",
                "io.sabot.engine.benchmarks.CheckpointStorageBenchmark.recoverLatest[cache=cold,megabytes=10]",
                "io.sabot.engine.benchmarks.MemoryStateBenchmark.evictingPut",
                "io.sabot.engine.benchmarks.WatermarkBenchmark.update[partitions=1]");
        assertThat(units.get(4).params()).isEmpty();
        assertThat(units.get(5).params()).isEqualTo(Map.of("partitions", "1"));
    }

    @Test
    void shardSpecsAreKOfN() {
        assertThat(ShardSpec.parse(" 2/3 ", "p")).isEqualTo(new ShardSpec(2, 3));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ShardSpec.parse("4/3", "<shard> (-Dbudget.shard)"))
                .hasMessage("<shard> (-Dbudget.shard) is '4/3': shard 4/3 does not exist: K/N needs 1 <= K <= N,"
                        + " e.g. 1/3, 2/3 and 3/3 for three shards");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ShardSpec.parse("two", "<shard> (-Dbudget.shard)"))
                .hasMessageContaining("must be K/N");
    }
}
