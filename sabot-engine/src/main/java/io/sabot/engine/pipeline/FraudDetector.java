package io.sabot.engine.pipeline;

import io.sabot.engine.state.KeyValueState;
import io.sabot.engine.state.Serializers;
import io.sabot.engine.state.StateBackend;
import io.sabot.engine.state.StateDescriptor;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The keyed operator of the fraud pipeline. Per account it keeps, in the state backend, a running
 * amount profile (spike rule), the last location and time (travel rule), and per event-time window
 * a transaction count (velocity rule). Velocity windows fire when the watermark passes their end:
 * event-time timers are kept here and written into every checkpoint.
 */
public final class FraudDetector {

    static final StateDescriptor<Long, long[]> PROFILE = new StateDescriptor<>("profile", Serializers.LONG, Serializers.LONG_ARRAY);
    static final StateDescriptor<Long, long[]> LAST_SEEN = new StateDescriptor<>("last-seen", Serializers.LONG, Serializers.LONG_ARRAY);
    static final StateDescriptor<Long, Long> WINDOW_COUNTS = new StateDescriptor<>("window-counts", Serializers.LONG, Serializers.LONG);

    private static final int ACCOUNT_BITS = 24;
    private static final double EARTH_RADIUS_KM = 6371.0;

    private final FraudRules rules;
    private final Consumer<Alert> alerts;
    private final KeyValueState<Long, long[]> profiles;
    private final KeyValueState<Long, long[]> lastSeen;
    private final KeyValueState<Long, Long> windowCounts;
    /** window end → keys of (account, window) counts that fire at that end. */
    private final TreeMap<Long, long[]> timers = new TreeMap<>();
    private long lateEvents;

    public FraudDetector(FraudRules rules, StateBackend backend, Consumer<Alert> alerts) {
        this.rules = rules;
        this.alerts = alerts;
        this.profiles = backend.state(PROFILE);
        this.lastSeen = backend.state(LAST_SEEN);
        this.windowCounts = backend.state(WINDOW_COUNTS);
    }

    /** Applies every rule to one transaction; {@code late} events skip the windowed velocity rule. */
    public void process(Transaction t, boolean late) {
        if (t.accountId() < 0 || t.accountId() >= (1L << ACCOUNT_BITS)) {
            throw new IllegalArgumentException("account id out of range: " + t.accountId());
        }
        checkAmountSpike(t);
        checkTravel(t);
        if (late) {
            lateEvents++;
        } else {
            countInWindow(t);
        }
    }

    /** Fires every velocity window that ended at or before {@code watermark}. */
    public void onWatermark(long watermark) {
        while (!timers.isEmpty() && timers.firstKey() <= watermark) {
            Map.Entry<Long, long[]> due = timers.pollFirstEntry();
            long[] keys = due.getValue();
            for (int i = 1; i <= keys[0]; i++) {
                Long count = windowCounts.get(keys[i]);
                if (count != null) {
                    windowCounts.delete(keys[i]);
                    if (count > rules.velocityMaxCount()) {
                        long account = keys[i] & ((1L << ACCOUNT_BITS) - 1);
                        long windowEnd = due.getKey();
                        alerts.accept(new Alert(Alert.VELOCITY, account, -1, windowEnd,
                                count + " transactions in the window ending " + windowEnd + " (max " + rules.velocityMaxCount() + ")"));
                    }
                }
            }
        }
    }

    public long lateEvents() {
        return lateEvents;
    }

    public int pendingTimers() {
        return timers.size();
    }

    private void checkAmountSpike(Transaction t) {
        long[] profile = profiles.get(t.accountId());
        if (profile == null) {
            profile = new long[2];
        } else if (profile[0] >= rules.spikeMinHistory()) {
            double average = (double) profile[1] / profile[0];
            if (t.amountCents() > rules.spikeFactor() * average) {
                alerts.accept(new Alert(Alert.AMOUNT_SPIKE, t.accountId(), t.transactionId(), t.timestamp(),
                        t.amountCents() + " cents is " + String.format(java.util.Locale.ROOT, "%.1f", t.amountCents() / average)
                                + "x the running average"));
            }
        }
        profile[0]++;
        profile[1] += t.amountCents();
        profiles.put(t.accountId(), profile);
    }

    private void checkTravel(Transaction t) {
        long[] last = lastSeen.get(t.accountId());
        long lat = Math.round(t.latitude() * 1e6);
        long lon = Math.round(t.longitude() * 1e6);
        if (last != null) {
            long millis = Math.abs(t.timestamp() - last[0]);
            double km = distanceKm(last[1] / 1e6, last[2] / 1e6, lat / 1e6, lon / 1e6);
            double hours = Math.max(millis, 1) / 3_600_000.0;
            if (km / hours > rules.maxSpeedKmh()) {
                alerts.accept(new Alert(Alert.IMPOSSIBLE_TRAVEL, t.accountId(), t.transactionId(), t.timestamp(),
                        String.format(java.util.Locale.ROOT, "%.0f km in %d ms", km, millis)));
            }
            if (t.timestamp() < last[0]) {
                return; // keep the latest position in event time
            }
            last[0] = t.timestamp();
            last[1] = lat;
            last[2] = lon;
        } else {
            last = new long[] {t.timestamp(), lat, lon};
        }
        lastSeen.put(t.accountId(), last);
    }

    private void countInWindow(Transaction t) {
        long windowStart = t.timestamp() - Math.floorMod(t.timestamp(), rules.velocityWindowMillis());
        long windowIndex = windowStart / rules.velocityWindowMillis();
        long key = (windowIndex << ACCOUNT_BITS) | t.accountId();
        Long count = windowCounts.get(key);
        if (count == null) {
            windowCounts.put(key, 1L);
            addTimer(windowStart + rules.velocityWindowMillis(), key);
        } else {
            windowCounts.put(key, count + 1);
        }
    }

    private void addTimer(long windowEnd, long key) {
        long[] keys = timers.get(windowEnd);
        if (keys == null) {
            keys = new long[9];
            timers.put(windowEnd, keys);
        } else if (keys[0] + 1 == keys.length) {
            keys = java.util.Arrays.copyOf(keys, keys.length * 2);
            timers.put(windowEnd, keys);
        }
        keys[(int) ++keys[0]] = key;
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Timers and counters, for the checkpoint metadata. */
    void writeTimers(DataOutputStream out) throws IOException {
        out.writeLong(lateEvents);
        out.writeInt(timers.size());
        for (Map.Entry<Long, long[]> e : timers.entrySet()) {
            out.writeLong(e.getKey());
            long[] keys = e.getValue();
            out.writeInt((int) keys[0]);
            for (int i = 1; i <= keys[0]; i++) {
                out.writeLong(keys[i]);
            }
        }
    }

    void readTimers(DataInputStream in) throws IOException {
        timers.clear();
        lateEvents = in.readLong();
        int entries = in.readInt();
        for (int e = 0; e < entries; e++) {
            long end = in.readLong();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                addTimer(end, in.readLong());
            }
        }
    }
}
