package io.sabot.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClockTableTest {

    /** A key whose hash code is chosen by the test, to force long collision chains. */
    record CollidingKey(int id, int hash) {
        @Override
        public int hashCode() {
            return hash;
        }
    }

    @Test
    void agreesWithAHashMapThroughResizesAndCollidingRemovals() {
        ClockTable<CollidingKey, Integer> table = new ClockTable<>(Integer.MAX_VALUE);
        Map<CollidingKey, Integer> expected = new HashMap<>();
        Random random = new Random(7);
        for (int op = 0; op < 50_000; op++) {
            CollidingKey key = new CollidingKey(random.nextInt(3_000), random.nextInt(40));
            ClockTable.Entry<CollidingKey, Integer> entry = table.find(key);
            assertThat(entry == null ? null : entry.value).isEqualTo(expected.get(key));
            if (random.nextInt(3) == 0) {
                if (entry != null) {
                    table.remove(entry);
                    expected.remove(key);
                }
            } else if (entry == null) {
                assertThat(table.insert(key, op, Long.MAX_VALUE)).isNull();
                expected.put(key, op);
            } else {
                entry.value = op;
                expected.put(key, op);
            }
            assertThat(table.size()).isEqualTo(expected.size());
        }
        for (Map.Entry<CollidingKey, Integer> e : expected.entrySet()) {
            assertThat(table.find(e.getKey()).value).isEqualTo(e.getValue());
        }
        assertThat(table.fromHand()).hasSize(expected.size());
    }

    @Test
    void aFullTableEvictsTheFirstUnmarkedEntryAfterTheHand() {
        ClockTable<String, String> table = new ClockTable<>(3);
        table.insert("a", "1", Long.MAX_VALUE);
        table.insert("b", "2", Long.MAX_VALUE);
        table.insert("c", "3", Long.MAX_VALUE);
        ClockTable.markReferenced(table.find("a"));
        ClockTable.markReferenced(table.find("b"));
        assertThat(table.insert("d", "4", Long.MAX_VALUE).key).isEqualTo("c");
        assertThat(table.find("c")).isNull();
        assertThat(table.find("a").referenced).as("the hand cleared the mark it passed").isFalse();
        assertThat(table.insert("e", "5", Long.MAX_VALUE).key).isEqualTo("a");
        assertThat(table.size()).isEqualTo(3);
    }
}
