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
    void distanceIsHaversine() {
        assertThat(FraudDetector.distanceKm(52.52, 13.40, 48.85, 2.35)).isBetween(870.0, 890.0);
    }
}
