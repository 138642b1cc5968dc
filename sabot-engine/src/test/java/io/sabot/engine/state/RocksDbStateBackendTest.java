package io.sabot.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbStateBackendTest {

    static final StateDescriptor<Long, String> USERS = MemoryStateBackendTest.USERS;
    static final StateDescriptor<String, Long> COUNTS = MemoryStateBackendTest.COUNTS;

    @Test
    void roundTripThroughColumnFamilies(@TempDir Path dir) throws Exception {
        try (RocksDbStateBackend backend = new RocksDbStateBackend(RocksDbConfig.defaults(dir.resolve("db")))) {
            KeyValueState<Long, String> users = backend.state(USERS);
            users.put(1L, "ada");
            backend.state(COUNTS).put("1", 99L);
            assertThat(users.get(1L)).isEqualTo("ada");
            assertThat(backend.state(COUNTS).get("1")).isEqualTo(99L);
            users.delete(1L);
            assertThat(users.contains(1L)).isFalse();
            assertThat(backend.statistics().hits()).isEqualTo(2);
        }
    }

    @Test
    void writeBatchAndScan(@TempDir Path dir) throws Exception {
        try (RocksDbStateBackend backend = new RocksDbStateBackend(RocksDbConfig.defaults(dir.resolve("db")).withWal(true))) {
            backend.putAll(USERS, Map.of(3L, "c", 1L, "a", 2L, "b"));
            StringBuilder seen = new StringBuilder();
            backend.state(USERS).scan((k, v) -> seen.append(k).append(v));
            assertThat(seen.toString()).isEqualTo("1a2b3c"); // big-endian longs sort numerically
        }
    }

    @Test
    void restoreGoesBackToTheSnapshot(@TempDir Path dir) throws Exception {
        Path snapshot = dir.resolve("snapshot");
        try (RocksDbStateBackend backend = new RocksDbStateBackend(RocksDbConfig.defaults(dir.resolve("db")))) {
            KeyValueState<Long, String> users = backend.state(USERS);
            for (long i = 0; i < 1000; i++) {
                users.put(i, "v" + i);
            }
            backend.snapshot(snapshot);
            users.put(5L, "changed");
            users.delete(6L);
            users.put(5000L, "new");
            backend.restore(snapshot);
            assertThat(users.get(5L)).isEqualTo("v5");
            assertThat(users.get(6L)).isEqualTo("v6");
            assertThat(users.contains(5000L)).isFalse();
        }
        try (RocksDbStateBackend other = new RocksDbStateBackend(RocksDbConfig.defaults(dir.resolve("other")))) {
            other.restore(snapshot);
            assertThat(other.state(USERS).get(999L)).isEqualTo("v999");
        }
    }

    @Test
    void closeReleasesTheDatabaseSoItCanBeReopened(@TempDir Path dir) throws Exception {
        RocksDbStateBackend backend = new RocksDbStateBackend(RocksDbConfig.defaults(dir.resolve("db")).withWal(true));
        KeyValueState<Long, String> users = backend.state(USERS);
        users.put(1L, "kept");
        backend.close();
        backend.close();
        assertThatThrownBy(() -> users.get(1L)).isInstanceOf(IllegalStateException.class);
        // RocksDB holds a file lock while open: reopening proves every handle was released.
        try (RocksDbStateBackend reopened = new RocksDbStateBackend(RocksDbConfig.defaults(dir.resolve("db")))) {
            assertThat(reopened.state(USERS).get(1L)).isEqualTo("kept");
        }
    }

    @Test
    void restoreFromADirectoryWithoutCheckpointFails(@TempDir Path dir) throws Exception {
        try (RocksDbStateBackend backend = new RocksDbStateBackend(RocksDbConfig.defaults(dir.resolve("db")))) {
            assertThatThrownBy(() -> backend.restore(dir.resolve("nothing"))).hasMessageContaining("no RocksDB checkpoint");
        }
    }
}
