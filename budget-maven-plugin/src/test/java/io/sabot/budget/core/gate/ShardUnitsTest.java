package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.budget.core.fork.ListedBenchmark;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkUnit;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.ShardSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a sharded suite is split into, and how a shard is named. */
class ShardUnitsTest {

    @Test
    void everyPinnableParamCombinationIsAUnitAndAnUnpinnableBenchmarkIsOneWholeUnit() {
        List<ListedBenchmark> listed = List.of(
                new ListedBenchmark("io.x.Storage.recover", Map.of("cache", List.of("warm", "cold"), "megabytes", List.of("100", "10"))),
                new ListedBenchmark("io.x.State.put", Map.of()),
                new ListedBenchmark("io.x.Text.parse", Map.of("text", List.of("a,b", "c"))));
        List<BenchmarkUnit> units = ShardRecord.units(listed, false);
        assertThat(units).extracting(BenchmarkUnit::label).containsExactlyInAnyOrder(
                "io.x.Storage.recover[cache=warm,megabytes=100]", "io.x.Storage.recover[cache=warm,megabytes=10]",
                "io.x.Storage.recover[cache=cold,megabytes=100]", "io.x.Storage.recover[cache=cold,megabytes=10]",
                "io.x.State.put", "io.x.Text.parse");
        BenchmarkUnit whole = units.get(units.size() - 1);
        assertThat(whole.holds(new BenchmarkKey("io.x.Text.parse", Mode.AVERAGE_TIME, Map.of("text", "a,b")))).isTrue();
        assertThat(units.get(0).holds(new BenchmarkKey("io.x.Storage.recover", Mode.AVERAGE_TIME,
                Map.of("cache", "cold", "megabytes", "10")))).isFalse();
        // the user's own -p in jmhArgs restricts the values: every benchmark is then one unit, as the user ran it
        assertThat(ShardRecord.units(listed, true)).hasSize(3);
    }

    @Test
    void shardSpecsAreKOfN() {
        assertThat(ShardSpec.parse(" 2/3 ", "p")).isEqualTo(new ShardSpec(2, 3));
        assertThatThrownBy(() -> ShardSpec.parse("4/3", "<shard> (-Dbudget.shard)"))
                .hasMessage("<shard> (-Dbudget.shard) is '4/3': shard 4/3 does not exist: K/N needs 1 <= K <= N,"
                        + " e.g. 1/3, 2/3 and 3/3 for three shards");
        assertThatThrownBy(() -> ShardSpec.parse("two", "<shard> (-Dbudget.shard)")).hasMessageContaining("must be K/N");
    }
}
