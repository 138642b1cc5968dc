package io.sabot.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.sabot.engine.state.BackendConfig.ExpiryCheck.EXACT;
import static io.sabot.engine.state.BackendConfig.ExpiryCheck.TICKED;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
    void anEntryReadSinceTheHandPassedSurvivesEviction() {
        try (MemoryStateBackend backend = new MemoryStateBackend(BackendConfig.lru(100))) {
            KeyValueState<Long, String> users = backend.state(USERS);
            for (long k = 0; k < 100; k++) {
                users.put(k, "v" + k);
            }
            for (long k = 0; k < 50; k++) {
                users.get(k);
            }
            for (long k = 100; k < 150; k++) {
                users.put(k, "v" + k);
            }
            for (long k = 0; k < 150; k++) {
                assertThat(users.contains(k)).as("key %d", k).isEqualTo(k < 50 || k >= 100);
            }
            assertThat(backend.statistics().evictions()).isEqualTo(50);
        }
    }

    @Test
    void clockPicksTheNextUnreadEntryOnTheRingNotTheLeastRecentlyRead() {
        // The documented approximation: once the hand has cleared the marks, ring order decides.
        try (MemoryStateBackend backend = new MemoryStateBackend(BackendConfig.lru(3))) {
            KeyValueState<Long, String> users = backend.state(USERS);
            users.put(1L, "a");
            users.put(2L, "b");
            users.put(3L, "c");
            users.put(4L, "d"); // evicts 1; ring 4 2 3, hand on 2
            users.get(3L);
            users.get(2L);
            users.put(5L, "e"); // clears 2 and 3, evicts 4; ring 5 2 3, hand on 2
            assertThat(keys(users)).containsExactly(2L, 3L, 5L);
            users.put(6L, "f"); // exact LRU would evict 3 (read before 2); CLOCK evicts 2, next on the ring
            assertThat(keys(users)).containsExactly(3L, 5L, 6L);
        }
    }

    @Test
    void deletedEntriesLeaveTheRingConsistent() {
        Random random = new Random(42);
        try (MemoryStateBackend backend = new MemoryStateBackend(BackendConfig.lru(50))) {
            KeyValueState<Long, String> users = backend.state(USERS);
            Set<Long> deleted = new HashSet<>();
            for (int op = 0; op < 20_000; op++) {
                long key = random.nextInt(200);
                switch (random.nextInt(3)) {
                    case 0 -> {
                        users.put(key, "v" + key);
                        deleted.remove(key);
                    }
                    case 1 -> {
                        users.delete(key);
                        deleted.add(key);
                    }
                    default -> {
                        String value = users.get(key);
                        assertThat(value).isIn(null, "v" + key);
                    }
                }
                if (op % 1000 == 0) {
                    List<Long> live = keys(users);
                    assertThat(live).hasSizeLessThanOrEqualTo(50).doesNotHaveDuplicates().noneMatch(deleted::contains);
                    assertThat(backend.statistics().entries()).isEqualTo(live.size());
                    for (Long k : live) {
                        assertThat(users.get(k)).isEqualTo("v" + k);
                    }
                }
            }
        }
    }

    @Test
    void restoreRebuildsTheEvictionOrder(@TempDir Path dir) throws Exception {
        try (MemoryStateBackend source = new MemoryStateBackend(BackendConfig.lru(3))) {
            KeyValueState<Long, String> users = source.state(USERS);
            users.put(1L, "a");
            users.put(2L, "b");
            users.put(3L, "c");
            users.put(4L, "d"); // evicts 1; next candidates: 2, 3, 4
            source.snapshot(dir);
        }
        try (MemoryStateBackend target = new MemoryStateBackend(BackendConfig.lru(3))) {
            target.restore(dir);
            KeyValueState<Long, String> users = target.state(USERS);
            users.put(5L, "e");
            assertThat(keys(users)).containsExactlyInAnyOrder(3L, 4L, 5L);
        }
    }

    @Test
    void restoreIntoASmallerNamespaceEvictsTheOverflow(@TempDir Path dir) throws Exception {
        try (MemoryStateBackend source = new MemoryStateBackend(BackendConfig.unbounded())) {
            for (long k = 0; k < 10; k++) {
                source.state(USERS).put(k, "v" + k);
            }
            source.snapshot(dir);
        }
        try (MemoryStateBackend target = new MemoryStateBackend(BackendConfig.lru(4))) {
            target.restore(dir);
            assertThat(keys(target.state(USERS))).containsExactlyInAnyOrder(6L, 7L, 8L, 9L);
            assertThat(target.statistics().evictions()).isEqualTo(6);
        }
    }

    @Test
    void tickedReadsSeeTheClockOnlyAfterATickButWritesNeverExpireEarly() {
        BackendConfig config = BackendConfig.unbounded().withTtl(Duration.ofSeconds(10)).withClock(now::get).withExpiryCheck(TICKED);
        ExpiryTicker ticker = ExpiryTicker.manual();
        try (MemoryStateBackend backend = new MemoryStateBackend(config, ticker)) {
            KeyValueState<Long, String> users = backend.state(USERS);
            users.put(1L, "a"); // lives until 10 s
            assertThat(users.get(1L)).isEqualTo("a"); // reads the clock: first read
            now.set(Duration.ofSeconds(10).toNanos());
            assertThat(users.get(1L)).as("within the same tick the read time is stale").isEqualTo("a");
            assertThat(users.contains(1L)).isTrue();
            ticker.advance();
            assertThat(users.get(1L)).isNull();
            assertThat(backend.statistics().expirations()).isEqualTo(1);

            users.put(2L, "b"); // written at 10 s with the exact clock: lives until 20 s
            now.set(Duration.ofSeconds(20).toNanos() - 1);
            ticker.advance();
            assertThat(users.get(2L)).isEqualTo("b");
            now.set(Duration.ofSeconds(20).toNanos());
            ticker.advance();
            assertThat(users.contains(2L)).isFalse();
            assertThat(backend.expireNow()).isEqualTo(1);
        }
    }

    @Test
    void exactReadsSeeEveryClockChange() {
        BackendConfig config = BackendConfig.unbounded().withTtl(Duration.ofSeconds(10)).withClock(now::get).withExpiryCheck(EXACT);
        try (MemoryStateBackend backend = new MemoryStateBackend(config, ExpiryTicker.manual())) {
            KeyValueState<Long, String> users = backend.state(USERS);
            users.put(1L, "a");
            assertThat(users.get(1L)).isEqualTo("a");
            now.set(Duration.ofSeconds(10).toNanos());
            assertThat(users.get(1L)).isNull();
        }
    }

    @Test
    void tickedIsTheDefaultAndTheSharedTickerAdvances() throws InterruptedException {
        assertThat(new BackendConfig(10, Duration.ofSeconds(1), System::nanoTime).expiryCheck()).isEqualTo(TICKED);
        ExpiryTicker shared = ExpiryTicker.shared();
        long before = shared.ticks();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (shared.ticks() == before && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(shared.ticks()).isGreaterThan(before);
    }

    @Test
    void entriesExpireLazilyOnReadAfterTtl() {
        BackendConfig config = BackendConfig.unbounded().withTtl(Duration.ofSeconds(10)).withClock(now::get).withExpiryCheck(EXACT);
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
        BackendConfig config = BackendConfig.unbounded().withTtl(Duration.ofMillis(5)).withClock(now::get).withExpiryCheck(EXACT);
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

    /** The file is the layout DataOutputStream wrote before the snapshot streamed into a buffer (version 1). */
    @Test
    void snapshotFileKeepsTheVersionOneLayout(@TempDir Path dir) throws Exception {
        StateDescriptor<String, Long> named = new StateDescriptor<>("z\u00e4hler-\u0000-\u20ac", Serializers.STRING, Serializers.LONG);
        try (MemoryStateBackend backend = new MemoryStateBackend(BackendConfig.unbounded(), ExpiryTicker.manual())) {
            KeyValueState<String, Long> state = backend.state(named);
            state.put("a", 1L);
            state.put("\u00df\u20ac", -2L);
            backend.snapshot(dir.resolve("snap"));
        }
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(expected)) {
            out.writeInt(0x5AB0_57A7);
            out.writeInt(1);
            out.writeUTF("z\u00e4hler-\u0000-\u20ac");
            out.writeInt(2);
            for (String key : List.of("a", "\u00df\u20ac")) {
                byte[] k = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.writeInt(k.length);
                out.write(k);
                out.writeInt(8);
                out.writeLong(key.equals("a") ? 1L : -2L);
                out.writeLong(-1);
            }
        }
        assertThat(java.nio.file.Files.readAllBytes(dir.resolve("snap").resolve("namespace-0.state"))).isEqualTo(expected.toByteArray());
    }

    /** Files of several write buffers (the entry count is then patched into a written header) and entries above one. */
    @Test
    void snapshotsLargerThanTheWriteBufferRoundTrip(@TempDir Path dir) throws Exception {
        StateDescriptor<Integer, byte[]> blobs = new StateDescriptor<>("blobs", Serializers.INT, Serializers.BYTES);
        Random random = new Random(7);
        List<byte[]> written = new ArrayList<>();
        try (MemoryStateBackend source = new MemoryStateBackend(BackendConfig.unbounded())) {
            KeyValueState<Integer, byte[]> state = source.state(blobs);
            for (int i = 0; i < 5_000; i++) {
                int length = i == 1_234 ? 3 * MemoryStateBackend.SNAPSHOT_BUFFER_BYTES + 5 : random.nextInt(1_500);
                byte[] value = new byte[length];
                random.nextBytes(value);
                written.add(value);
                state.put(i, value);
            }
            source.snapshot(dir);
        }
        try (MemoryStateBackend target = new MemoryStateBackend(BackendConfig.unbounded())) {
            target.restore(dir);
            KeyValueState<Integer, byte[]> state = target.state(blobs);
            assertThat(target.statistics().entries()).isEqualTo(5_000);
            for (int i = 0; i < 5_000; i++) {
                assertThat(state.get(i)).isEqualTo(written.get(i));
            }
        }
    }

    @Test
    void aFailedSnapshotLeavesNoNamespaceFile(@TempDir Path dir) throws Exception {
        TypeSerializer<String> failing = new TypeSerializer<>() {
            @Override
            public byte[] serialize(String value) {
                if (value.equals("bad")) {
                    throw new IllegalStateException("cannot serialize " + value);
                }
                return Serializers.STRING.serialize(value);
            }

            @Override
            public String deserialize(byte[] bytes) {
                return Serializers.STRING.deserialize(bytes);
            }
        };
        try (MemoryStateBackend backend = new MemoryStateBackend(BackendConfig.unbounded())) {
            KeyValueState<String, String> state = backend.state(new StateDescriptor<>("s", Serializers.STRING, failing));
            state.put("a", "good");
            state.put("b", "bad");
            assertThatThrownBy(() -> backend.snapshot(dir.resolve("snap"))).hasMessageContaining("cannot serialize bad");
        }
        try (var files = java.nio.file.Files.list(dir.resolve("snap"))) {
            assertThat(files.toList()).isEmpty();
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
