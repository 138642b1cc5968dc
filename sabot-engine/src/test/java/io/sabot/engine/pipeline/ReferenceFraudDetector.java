package io.sabot.engine.pipeline;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The fraud rules written the plain way (one map per rule, one window count per (window, account)),
 * as {@link FraudDetector} was before it kept one record per account: the oracle that the
 * optimised detector must match alert for alert.
 */
final class ReferenceFraudDetector {

    private final FraudRules rules;
    private final Consumer<Alert> alerts;
    private final Map<Long, long[]> profiles = new HashMap<>();
    private final Map<Long, long[]> lastSeen = new HashMap<>();
    private final Map<Long, Long> windowCounts = new HashMap<>();
    /** window end → (window, account) keys in the order they were first counted. */
    private final TreeMap<Long, java.util.List<Long>> timers = new TreeMap<>();
    long lateEvents;

    ReferenceFraudDetector(FraudRules rules, Consumer<Alert> alerts) {
        this.rules = rules;
        this.alerts = alerts;
    }

    void process(Transaction t, boolean late) {
        long[] profile = profiles.computeIfAbsent(t.accountId(), k -> new long[2]);
        if (profile[0] >= rules.spikeMinHistory()) {
            double average = (double) profile[1] / profile[0];
            if (t.amountCents() > rules.spikeFactor() * average) {
                alerts.accept(new Alert(Alert.AMOUNT_SPIKE, t.accountId(), t.transactionId(), t.timestamp(),
                        t.amountCents() + " cents is " + String.format(Locale.ROOT, "%.1f", t.amountCents() / average)
                                + "x the running average"));
            }
        }
        profile[0]++;
        profile[1] += t.amountCents();
        long[] last = lastSeen.get(t.accountId());
        long lat = Math.round(t.latitude() * 1e6);
        long lon = Math.round(t.longitude() * 1e6);
        if (last == null) {
            lastSeen.put(t.accountId(), new long[] {t.timestamp(), lat, lon});
        } else {
            long millis = Math.abs(t.timestamp() - last[0]);
            double km = FraudDetector.distanceKm(last[1] / 1e6, last[2] / 1e6, lat / 1e6, lon / 1e6);
            if (km / (Math.max(millis, 1) / 3_600_000.0) > rules.maxSpeedKmh()) {
                alerts.accept(new Alert(Alert.IMPOSSIBLE_TRAVEL, t.accountId(), t.transactionId(), t.timestamp(),
                        String.format(Locale.ROOT, "%.0f km in %d ms", km, millis)));
            }
            if (t.timestamp() >= last[0]) {
                last[0] = t.timestamp();
                last[1] = lat;
                last[2] = lon;
            }
        }
        if (late) {
            lateEvents++;
            return;
        }
        long windowStart = t.timestamp() - Math.floorMod(t.timestamp(), rules.velocityWindowMillis());
        long key = (windowStart / rules.velocityWindowMillis() << 24) | t.accountId();
        Long count = windowCounts.get(key);
        if (count == null) {
            windowCounts.put(key, 1L);
            timers.computeIfAbsent(windowStart + rules.velocityWindowMillis(), k -> new java.util.ArrayList<>()).add(key);
        } else {
            windowCounts.put(key, count + 1);
        }
    }

    void onWatermark(long watermark) {
        while (!timers.isEmpty() && timers.firstKey() <= watermark) {
            Map.Entry<Long, java.util.List<Long>> due = timers.pollFirstEntry();
            for (long key : due.getValue()) {
                Long count = windowCounts.remove(key);
                if (count != null && count > rules.velocityMaxCount()) {
                    alerts.accept(new Alert(Alert.VELOCITY, key & ((1L << 24) - 1), -1, due.getKey(),
                            count + " transactions in the window ending " + due.getKey() + " (max " + rules.velocityMaxCount() + ")"));
                }
            }
        }
    }
}
