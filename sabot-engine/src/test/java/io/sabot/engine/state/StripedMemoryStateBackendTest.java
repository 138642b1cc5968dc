package io.sabot.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StripedMemoryStateBackendTest {

    @Test
    void concurrentWritersLoseNoUpdates(@TempDir Path dir) throws Exception {
        try (StripedMemoryStateBackend backend = new StripedMemoryStateBackend(BackendConfig.unbounded(), 8)) {
            KeyValueState<Long, String> state = backend.state(MemoryStateBackendTest.USERS);
            int threads = 4;
            int perThread = 5_000;
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long base = (long) t * perThread;
                Thread worker = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (long i = 0; i < perThread; i++) {
                        state.put(base + i, "v" + (base + i));
                        state.get(base + i / 2);
                    }
                });
                workers.add(worker);
                worker.start();
            }
            start.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
            assertThat(backend.statistics().entries()).isEqualTo((long) threads * perThread);
            for (long i = 0; i < (long) threads * perThread; i++) {
                assertThat(state.get(i)).isEqualTo("v" + i);
            }
            backend.snapshot(dir);
        }
        try (StripedMemoryStateBackend restored = new StripedMemoryStateBackend(BackendConfig.unbounded(), 8)) {
            restored.restore(dir);
            assertThat(restored.state(MemoryStateBackendTest.USERS).get(12_345L)).isEqualTo("v12345");
        }
    }

    @Test
    void sizeBoundHoldsPerStripe() {
        try (StripedMemoryStateBackend backend = new StripedMemoryStateBackend(BackendConfig.lru(64), 4)) {
            KeyValueState<Long, String> state = backend.state(MemoryStateBackendTest.USERS);
            for (long i = 0; i < 10_000; i++) {
                state.put(i, "x");
            }
            assertThat(backend.statistics().entries()).isLessThanOrEqualTo(64);
            assertThat(backend.statistics().evictions()).isGreaterThanOrEqualTo(10_000 - 64);
        }
    }

    @Test
    void stripesSpreadKeysWithoutCrowdingTheBucketsInsideAStripe() {
        int stripeCount = 64;
        int shift = 32 - Integer.numberOfTrailingZeros(stripeCount);
        int[] perStripe = new int[stripeCount];
        Set<Integer> lowBitsInStripeZero = new HashSet<>();
        for (long key = 0; key < 65_536; key++) {
            int hash = Long.valueOf(key).hashCode();
            int stripe = StripedMemoryStateBackend.stripeOf(hash, shift);
            perStripe[stripe]++;
            if (stripe == 0) {
                // A stripe's ClockTable picks buckets by the low bits of (h ^ h >>> 16).
                lowBitsInStripeZero.add((hash ^ (hash >>> 16)) & 63);
            }
        }
        for (int count : perStripe) {
            assertThat(count).isBetween(512, 2048);
        }
        assertThat(lowBitsInStripeZero).hasSize(64);
    }

    @Test
    void oneStripeTakesEveryKey() {
        for (int hash : new int[] {0, 1, -1, Integer.MIN_VALUE, 123_456_789}) {
            assertThat(StripedMemoryStateBackend.stripeOf(hash, 32)).isZero();
        }
    }
}
