package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.model.BenchmarkUnit;
import io.sabot.budget.core.model.JmhOptions;
import io.sabot.budget.core.model.ShardSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShardPlanTest {

    private static List<BenchmarkUnit> suite(int n) {
        List<BenchmarkUnit> units = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            units.add(i % 3 == 0 ? new BenchmarkUnit("io.x.B" + i + ".run", Map.of("size", String.valueOf(i)))
                    : new BenchmarkUnit("io.x.B" + i + ".run", Map.of()));
        }
        return units;
    }

    private static long cost(BenchmarkUnit u) {
        return 1000L + (u.label().hashCode() & 0xFFFF);
    }

    @Test
    void theShardsTogetherAreTheSuiteEachUnitOnceWhateverOrderTheSuiteWasListedIn() {
        List<BenchmarkUnit> suite = suite(41);
        ShardPlan plan = ShardPlan.assign(suite, ShardPlanTest::cost, 3);
        List<BenchmarkUnit> shuffled = new ArrayList<>(suite);
        Collections.shuffle(shuffled, new Random(3));
        ShardPlan again = ShardPlan.assign(shuffled, ShardPlanTest::cost, 3);

        List<BenchmarkUnit> union = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            union.addAll(plan.of(new ShardSpec(k, 3)));
            assertThat(again.of(new ShardSpec(k, 3))).isEqualTo(plan.of(new ShardSpec(k, 3)));
        }
        assertThat(union).hasSize(41).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(suite);
    }

    @Test
    void longestFirstOntoTheLeastLoadedShardBalancesTheExpectedTime() {
        List<BenchmarkUnit> suite = suite(30);
        ShardPlan plan = ShardPlan.assign(suite, u -> u.label().contains("B0.") ? 20_000 : 1_000 + u.label().length(), 3);
        long max = Math.max(plan.loads()[0], Math.max(plan.loads()[1], plan.loads()[2]));
        long min = Math.min(plan.loads()[0], Math.min(plan.loads()[1], plan.loads()[2]));
        // the one long unit gets a shard to itself plus a little; the others share the rest evenly
        assertThat(max - min).isLessThanOrEqualTo(20_000 - 1_000);
        assertThat(plan.shards().stream().filter(s -> s.stream().anyMatch(u -> u.label().contains("B0."))).findFirst().orElseThrow())
                .hasSizeLessThan(10);
    }

    @Test
    void moreShardsThanUnitsLeavesShardsEmpty() {
        ShardPlan plan = ShardPlan.assign(suite(2), ShardPlanTest::cost, 3);
        assertThat(plan.shards().stream().filter(List::isEmpty)).hasSize(1);
    }

    @Test
    void expectedTimeTakesTheBuildsSettingsOverWhatTheBaselineRecordedOverJmhDefaults() {
        BenchmarkUnit unit = new BenchmarkUnit("io.x.B.run", Map.of());
        JmhOptions recorded = new JmhOptions(Optional.of(2), Optional.of(3), Optional.of(Duration.ofSeconds(1)), Optional.of(5),
                Optional.of(Duration.ofSeconds(2)), Optional.empty(), List.of());
        JmhOptions build = new JmhOptions(Optional.of(1), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());
        // 1 fork x (3 x 1 s + 5 x 2 s + 1 s start)
        assertThat(ShardPlan.expectedMillis(unit, build, Map.of(unit, List.of(recorded)))).isEqualTo(14_000);
        // two modes recorded: both run
        assertThat(ShardPlan.expectedMillis(unit, build, Map.of(unit, List.of(recorded, recorded)))).isEqualTo(28_000);
        // nothing recorded: JMH's defaults, 5 forks... but the build's 1 fork: 5 x 10 s + 5 x 10 s + 1 s
        assertThat(ShardPlan.expectedMillis(unit, build, Map.of())).isEqualTo(101_000);
    }
}
