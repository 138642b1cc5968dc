package io.sabot.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.engine.state.BackendConfig;
import io.sabot.engine.state.MemoryStateBackend;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FraudDetectorTest {

    private final List<Alert> alerts = new ArrayList<>();
    private final FraudRules rules = new FraudRules(60_000, 3, 5.0, 3, 900);
    private final FraudDetector detector = new FraudDetector(rules, new MemoryStateBackend(BackendConfig.unbounded()), alerts::add);

    private static Transaction txn(long id, long account, long cents, long ts, double lat, double lon) {
        return new Transaction(id, account, cents, ts, lat, lon, 1);
    }

    @Test
    void normalActivityRaisesNothing() {
        for (int i = 0; i < 10; i++) {
            detector.process(txn(i, 1, 1_000 + i, i * 30_000L, 52.52, 13.40), false);
        }
        detector.onWatermark(Long.MAX_VALUE);
        assertThat(alerts).isEmpty();
    }

    @Test
    void amountSpikeNeedsHistoryAndFiresAboveTheFactor() {
        detector.process(txn(1, 1, 100_000, 0, 0, 0), false); // large but no history yet
        for (int i = 2; i <= 4; i++) {
            detector.process(txn(i, 1, 1_000, i * 100_000L, 0, 0), false);
        }
        assertThat(alerts).isEmpty();
        // average (100000 + 3000) / 4 = 25750; 5x is 128750
        detector.process(txn(5, 1, 128_000, 600_000, 0, 0), false);
        assertThat(alerts).isEmpty();
        // average is now 231000 / 5 = 46200; 5x is 231000
        detector.process(txn(6, 1, 240_000, 700_000, 0, 0), false);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(Alert.AMOUNT_SPIKE);
            assertThat(a.transactionId()).isEqualTo(6);
        });
    }

    @Test
    void impossibleTravelBetweenConsecutiveTransactions() {
        detector.process(txn(1, 9, 1_000, 0, 52.52, 13.40), false);          // Berlin
        detector.process(txn(2, 9, 1_000, 3_600_000, 48.85, 2.35), false);   // Paris an hour later: ~880 km/h, fine
        detector.process(txn(3, 9, 1_000, 3_660_000, 40.71, -74.0), false);  // New York a minute later
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(Alert.IMPOSSIBLE_TRAVEL);
            assertThat(a.transactionId()).isEqualTo(3);
        });
    }

    @Test
    void velocityWindowFiresWhenTheWatermarkPassesItsEnd() {
        for (int i = 0; i < 4; i++) {
            detector.process(txn(i, 5, 1_000, 1_000 + i, 0, 0), false);
        }
        detector.process(txn(9, 6, 1_000, 2_000, 0, 0), false);
        detector.onWatermark(59_999);
        assertThat(alerts).isEmpty();
        detector.onWatermark(60_000);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(Alert.VELOCITY);
            assertThat(a.accountId()).isEqualTo(5);
            assertThat(a.timestamp()).isEqualTo(60_000);
        });
        assertThat(detector.pendingTimers()).isZero();
    }

    @Test
    void lateEventsAreCountedButNotWindowed() {
        for (int i = 0; i < 5; i++) {
            detector.process(txn(i, 5, 1_000, 1_000 + i, 0, 0), true);
        }
        detector.onWatermark(Long.MAX_VALUE);
        assertThat(alerts).isEmpty();
        assertThat(detector.lateEvents()).isEqualTo(5);
    }

    @Test
    void anEventOfAnOlderOpenWindowCountsInThatWindow() {
        // Account 5: 4 events in window [60s, 120s), then 4 late-arriving ones of [0, 60s), then 1 more of each.
        for (int i = 0; i < 4; i++) {
            detector.process(txn(i, 5, 1_000, 60_500 + i, 0, 0), false);
        }
        for (int i = 0; i < 4; i++) {
            detector.process(txn(10 + i, 5, 1_000, 59_000 + i, 0, 0), false);
        }
        detector.process(txn(20, 5, 1_000, 59_900, 0, 0), false);
        detector.process(txn(21, 5, 1_000, 61_000, 0, 0), false);
        detector.onWatermark(60_000);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(Alert.VELOCITY);
            assertThat(a.timestamp()).isEqualTo(60_000);
            assertThat(a.detail()).startsWith("5 transactions in the window ending 60000");
        });
        alerts.clear();
        detector.onWatermark(120_000);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.timestamp()).isEqualTo(120_000);
            assertThat(a.detail()).startsWith("5 transactions in the window ending 120000");
        });
        assertThat(detector.pendingTimers()).isZero();
    }

    @Test
    void aWindowIsCountedAgainAfterTheNewerOneOfTheSameAccountFired() {
        for (int i = 0; i < 4; i++) {
            detector.process(txn(i, 5, 1_000, 1_000 + i, 0, 0), false);
        }
        detector.onWatermark(60_000);
        assertThat(alerts).hasSize(1);
        for (int i = 0; i < 3; i++) {
            detector.process(txn(10 + i, 5, 1_000, 200_000 + i, 0, 0), false);
        }
        detector.onWatermark(240_000);
        assertThat(alerts).as("3 events are not more than the maximum of 3").hasSize(1);
    }

    /**
     * Random out-of-order streams over a few accounts, with watermarks and late events as the
     * pipeline produces them: the detector raises exactly the alerts, in the same order, of
     * {@link ReferenceFraudDetector} (one state namespace and one read and write per rule).
     */
    @Test
    void raisesTheSameAlertsAsTheReferenceDetectorOnOutOfOrderStreams() {
        for (long seed = 1; seed <= 20; seed++) {
            compareWithReference(seed, new MemoryStateBackend(BackendConfig.unbounded()));
        }
    }

    /** On RocksDB the detector buffers account records between flushes; flushing at random points changes nothing. */
    @Test
    void raisesTheSameAlertsAsTheReferenceDetectorOnRocksDb(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        for (long seed = 1; seed <= 3; seed++) {
            try (io.sabot.engine.state.RocksDbStateBackend rocks = new io.sabot.engine.state.RocksDbStateBackend(
                    io.sabot.engine.state.RocksDbConfig.defaults(dir.resolve("db-" + seed)))) {
                compareWithReference(seed, rocks);
            }
        }
    }

    private void compareWithReference(long seed, io.sabot.engine.state.StateBackend backend) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        List<Alert> actual = new ArrayList<>();
        List<Alert> expected = new ArrayList<>();
        FraudDetector optimised = new FraudDetector(rules, backend, actual::add);
        ReferenceFraudDetector reference = new ReferenceFraudDetector(rules, expected::add);
        long newest = 0;
        long watermark = Long.MIN_VALUE;
        for (int i = 0; i < 5_000; i++) {
            long timestamp = i * 2_000L + random.nextLong(90_000); // disorder beyond a whole window
            Transaction t = txn(i, random.nextInt(6), 500 + random.nextInt(random.nextInt(50) == 0 ? 50_000 : 2_000),
                    timestamp, random.nextDouble(-1, 1), random.nextDouble(-1, 1));
            boolean late = watermark != Long.MIN_VALUE && timestamp < watermark;
            optimised.process(t, late);
            reference.process(t, late);
            if (random.nextInt(100) == 0) {
                optimised.flush();
            }
            newest = Math.max(newest, timestamp);
            if (newest - 30_000 > watermark) {
                watermark = newest - 30_000;
                optimised.onWatermark(watermark);
                reference.onWatermark(watermark);
            }
        }
        optimised.onWatermark(Long.MAX_VALUE);
        reference.onWatermark(Long.MAX_VALUE);
        assertThat(actual).as("seed " + seed).isEqualTo(expected);
        assertThat(actual).extracting(Alert::rule).as("seed " + seed).contains(Alert.VELOCITY);
        assertThat(optimised.lateEvents()).as("seed " + seed).isEqualTo(reference.lateEvents).isPositive();
    }

    @Test
    void distanceIsHaversine() {
        assertThat(FraudDetector.distanceKm(52.52, 13.40, 48.85, 2.35)).isBetween(870.0, 890.0);
    }
}
