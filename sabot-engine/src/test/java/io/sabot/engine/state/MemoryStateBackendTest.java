package io.sabot.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryStateBackendTest {

    static final StateDescriptor<Long, String> USERS = new StateDescriptor<>("users", Serializers.LONG, Serializers.STRING);
    static final StateDescriptor<String, Long> COUNTS = new StateDescriptor<>("counts", Serializers.STRING, Serializers.LONG);

    private final AtomicLong now = new AtomicLong();

    @Test
    void getPutDeleteContains() {
        try (MemoryStateBackend backend = new MemoryStateBackend(BackendConfig.unbounded())) {
            KeyValueState<Long, String> users = backend.state(USERS);
            assertThat(users.get(1L)).isNull();
            users.put(1L, "ada");
            users.put(2L, "bob");
            users.put(1L, "ada2");
            assertThat(users.get(1L)).isEqualTo("ada2");
            assertThat(users.contains(2L)).isTrue();
            users.delete(2L);
            assertThat(users.contains(2L)).isFalse();
            assertThat(backend.statistics()).isEqualTo(new StateStatistics(1, 1, 0, 0, 1));
        }
    }

    @Test
    void namespacesAreIsolated() {
        try (MemoryStateBackend backend = new MemoryStateBackend(BackendConfig.unbounded())) {
            backend.state(USERS).put(7L, "seven");
            KeyValueState<Long, String> other = backend.state(new StateDescriptor<>("other", Serializers.LONG, Serializers.STRING));
            assertThat(other.get(7L)).isNull();
            assertThat(backend.state(USERS)).isSameAs(backend.state(USERS));
        }
    }

    @Test
    void evictsLeastRecentlyUsedAndReadsRefreshRecency() {
        try (MemoryStateBackend backend = new MemoryStateBackend(BackendConfig.lru(3))) {
            KeyValueState<Long, String> users = backend.state(USERS);
            users.put(1L, "a");
            users.put(2L, "b");
            users.put(3L, "c");
            users.get(1L); // 2 is now the least recently used
            users.put(4L, "d");
            assertThat(users.contains(2L)).isFalse();
            assertThat(keys(users)).containsExactly(3L, 1L, 4L);
            users.put(5L, "e");
            assertThat(keys(users)).containsExactly(1L, 4L, 5L);
            assertThat(backend.statistics().evictions()).isEqualTo(2);
        }
    }

    @Test
    void entriesExpireLazilyOnReadAfterTtl() {
        BackendConfig config = BackendConfig.unbounded().withTtl(Duration.ofSeconds(10)).withClock(now::get);
        try (MemoryStateBackend backend = new MemoryStateBackend(config)) {
            KeyValueState<Long, String> users = backend.state(USERS);
            users.put(1L, "a");
            now.set(Duration.ofSeconds(9).toNanos());
            assertThat(users.get(1L)).isEqualTo("a");
            users.put(2L, "b"); // written at 9 s, lives until 19 s
            now.set(Duration.ofSeconds(10).toNanos());
            assertThat(users.get(1L)).isNull();
            assertThat(users.get(2L)).isEqualTo("b");
            assertThat(backend.statistics().expirations()).isEqualTo(1);
        }
    }

    @Test
    void expireNowRemovesEveryExpiredEntry() {
        BackendConfig config = BackendConfig.unbounded().withTtl(Duration.ofMillis(5)).withClock(now::get);
        try (MemoryStateBackend backend = new MemoryStateBackend(config)) {
            KeyValueState<Long, String> users = backend.state(USERS);
            for (long i = 0; i < 10; i++) {
                users.put(i, "v" + i);
            }
            now.set(Duration.ofMillis(3).toNanos());
            users.put(3L, "rewritten");
            now.set(Duration.ofMillis(6).toNanos());
            assertThat(backend.expireNow()).isEqualTo(9);
            assertThat(keys(users)).containsExactly(3L);
        }
    }

    @Test
    void snapshotAndRestoreRoundTripAllNamespaces(@TempDir Path dir) throws Exception {
        try (MemoryStateBackend source = new MemoryStateBackend(BackendConfig.unbounded())) {
            source.state(USERS).put(1L, "ada");
            source.state(COUNTS).put("x", 42L);
            source.snapshot(dir);
            source.state(USERS).put(2L, "after snapshot");
            source.restore(dir);
            assertThat(source.state(USERS).contains(2L)).isFalse();
            assertThat(source.state(USERS).get(1L)).isEqualTo("ada");
        }
        try (MemoryStateBackend target = new MemoryStateBackend(BackendConfig.unbounded())) {
            target.restore(dir); // namespaces registered only after restore
            assertThat(target.state(COUNTS).get("x")).isEqualTo(42L);
            assertThat(target.state(USERS).get(1L)).isEqualTo("ada");
        }
    }

    @Test
    void restoreRejectsCorruptSnapshot(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("namespace-0.state"), "garbage");
        try (MemoryStateBackend backend = new MemoryStateBackend(BackendConfig.unbounded())) {
            assertThatThrownBy(() -> backend.restore(dir)).hasMessageContaining("namespace-0.state");
        }
    }

    @Test
    void useAfterCloseFailsAndCloseIsIdempotent() {
        MemoryStateBackend backend = new MemoryStateBackend(BackendConfig.unbounded());
        KeyValueState<Long, String> users = backend.state(USERS);
        backend.close();
        backend.close();
        assertThatThrownBy(() -> users.get(1L)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void badConfigIsRejectedWithAReason() {
        assertThatThrownBy(() -> BackendConfig.lru(0)).hasMessageContaining("maxEntriesPerNamespace must be positive");
        assertThatThrownBy(() -> BackendConfig.unbounded().withTtl(Duration.ofSeconds(-1))).hasMessageContaining("ttl");
    }

    static <K, V> List<K> keys(KeyValueState<K, V> state) {
        List<K> keys = new ArrayList<>();
        state.scan((k, v) -> keys.add(k));
        return keys;
    }
}
