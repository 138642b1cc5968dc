package io.sabot.engine.pipeline;

import io.sabot.engine.state.KeyValueState;
import io.sabot.engine.state.Serializers;
import io.sabot.engine.state.StateBackend;
import io.sabot.engine.state.StateDescriptor;
import io.sabot.engine.state.WriteBehindBuffer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The keyed operator of the fraud pipeline. Per account it keeps one record in the state backend:
 * the amount profile (spike rule), the last location and time (travel rule) and the count of the
 * account's newest event-time window (velocity rule), so an event costs one state read and one
 * write. Velocity windows fire when the watermark passes their end: event-time timers are kept here
 * and written into every checkpoint. An out-of-order event can still fall into an older window that
 * has not fired yet; that window's count then lives in a second namespace until it fires.
 */
public final class FraudDetector {

    static final StateDescriptor<Long, long[]> ACCOUNTS = new StateDescriptor<>("account", Serializers.LONG, Serializers.LONG_ARRAY);
    static final StateDescriptor<Long, Long> OLDER_WINDOW_COUNTS =
            new StateDescriptor<>("older-window-counts", Serializers.LONG, Serializers.LONG);

    /** Fields of an account record. */
    static final int COUNT = 0;
    static final int AMOUNT_SUM = 1;
    static final int LAST_TIMESTAMP = 2;
    static final int LAST_LATITUDE = 3;
    static final int LAST_LONGITUDE = 4;
    /** Index of the account's newest window; its count is 0 once that window fired. */
    static final int WINDOW = 5;
    static final int WINDOW_COUNT = 6;
    static final int RECORD_LENGTH = 7;

    /** Account records buffered between flushes on a backend that serializes every access (RocksDB). */
    static final int BUFFERED_ACCOUNTS = 16_384;
    private static final int ACCOUNT_BITS = 24;
    private static final double EARTH_RADIUS_KM = 6371.0;

    private final FraudRules rules;
    private final Consumer<Alert> alerts;
    private final WriteBehindBuffer<Long, long[]> accounts;
    private final KeyValueState<Long, Long> olderWindowCounts;
    /** window end → keys of (account, window) counts that fire at that end. */
    private final TreeMap<Long, long[]> timers = new TreeMap<>();
    private long lateEvents;

    public FraudDetector(FraudRules rules, StateBackend backend, Consumer<Alert> alerts) {
        this.rules = rules;
        this.alerts = alerts;
        this.accounts = new WriteBehindBuffer<>(backend, ACCOUNTS, backend.serializesOnAccess() ? BUFFERED_ACCOUNTS : 0);
        this.olderWindowCounts = backend.state(OLDER_WINDOW_COUNTS);
    }

    /** Applies every rule to one transaction; {@code late} events skip the windowed velocity rule. */
    public void process(Transaction t, boolean late) {
        if (t.accountId() < 0 || t.accountId() >= (1L << ACCOUNT_BITS)) {
            throw new IllegalArgumentException("account id out of range: " + t.accountId());
        }
        Long account = t.accountId(); // boxed once for the read and the write
        long[] record = accounts.get(account);
        if (record == null) {
            record = firstRecord(t);
        } else {
            checkAmountSpike(t, record);
            checkTravel(t, record);
        }
        if (late) {
            lateEvents++;
        } else {
            countInWindow(t, record);
        }
        accounts.put(account, record);
    }

    /** Fires every velocity window that ended at or before {@code watermark}. */
    public void onWatermark(long watermark) {
        while (!timers.isEmpty() && timers.firstKey() <= watermark) {
            Map.Entry<Long, long[]> due = timers.pollFirstEntry();
            long[] keys = due.getValue();
            for (int i = 1; i <= keys[0]; i++) {
                long count = takeWindowCount(keys[i]);
                if (count > rules.velocityMaxCount()) {
                    long account = keys[i] & ((1L << ACCOUNT_BITS) - 1);
                    long windowEnd = due.getKey();
                    alerts.accept(new Alert(Alert.VELOCITY, account, -1, windowEnd,
                            count + " transactions in the window ending " + windowEnd + " (max " + rules.velocityMaxCount() + ")"));
                }
            }
        }
    }

    /** Writes buffered account records to the backend: before a snapshot, and before anyone reads the backend. */
    public void flush() {
        accounts.flush();
    }

    public long lateEvents() {
        return lateEvents;
    }

    public int pendingTimers() {
        return timers.size();
    }

    private static long[] firstRecord(Transaction t) {
        long[] record = new long[RECORD_LENGTH];
        record[COUNT] = 1;
        record[AMOUNT_SUM] = t.amountCents();
        record[LAST_TIMESTAMP] = t.timestamp();
        record[LAST_LATITUDE] = Math.round(t.latitude() * 1e6);
        record[LAST_LONGITUDE] = Math.round(t.longitude() * 1e6);
        return record;
    }

    private void checkAmountSpike(Transaction t, long[] record) {
        if (record[COUNT] >= rules.spikeMinHistory()) {
            double average = (double) record[AMOUNT_SUM] / record[COUNT];
            if (t.amountCents() > rules.spikeFactor() * average) {
                alerts.accept(new Alert(Alert.AMOUNT_SPIKE, t.accountId(), t.transactionId(), t.timestamp(),
                        t.amountCents() + " cents is " + String.format(java.util.Locale.ROOT, "%.1f", t.amountCents() / average)
                                + "x the running average"));
            }
        }
        record[COUNT]++;
        record[AMOUNT_SUM] += t.amountCents();
    }

    private void checkTravel(Transaction t, long[] record) {
        long lat = Math.round(t.latitude() * 1e6);
        long lon = Math.round(t.longitude() * 1e6);
        long millis = Math.abs(t.timestamp() - record[LAST_TIMESTAMP]);
        double km = distanceKm(record[LAST_LATITUDE] / 1e6, record[LAST_LONGITUDE] / 1e6, lat / 1e6, lon / 1e6);
        double hours = Math.max(millis, 1) / 3_600_000.0;
        if (km / hours > rules.maxSpeedKmh()) {
            alerts.accept(new Alert(Alert.IMPOSSIBLE_TRAVEL, t.accountId(), t.transactionId(), t.timestamp(),
                    String.format(java.util.Locale.ROOT, "%.0f km in %d ms", km, millis)));
        }
        if (t.timestamp() >= record[LAST_TIMESTAMP]) { // keep the latest position in event time
            record[LAST_TIMESTAMP] = t.timestamp();
            record[LAST_LATITUDE] = lat;
            record[LAST_LONGITUDE] = lon;
        }
    }

    /**
     * The record counts the account's newest window. An event of a newer window moves the record's
     * open count to {@link #OLDER_WINDOW_COUNTS}; an event of an older, still open window counts there.
     */
    private void countInWindow(Transaction t, long[] record) {
        long windowStart = t.timestamp() - Math.floorMod(t.timestamp(), rules.velocityWindowMillis());
        long windowIndex = windowStart / rules.velocityWindowMillis();
        long windowEnd = windowStart + rules.velocityWindowMillis();
        if (record[WINDOW_COUNT] == 0) {
            openNewestWindow(record, windowIndex, windowEnd, t.accountId());
        } else if (record[WINDOW] == windowIndex) {
            record[WINDOW_COUNT]++;
        } else if (windowIndex > record[WINDOW]) {
            olderWindowCounts.put(windowKey(record[WINDOW], t.accountId()), record[WINDOW_COUNT]);
            openNewestWindow(record, windowIndex, windowEnd, t.accountId());
        } else {
            long key = windowKey(windowIndex, t.accountId());
            Long count = olderWindowCounts.get(key);
            if (count == null) {
                olderWindowCounts.put(key, 1L);
                addTimer(windowEnd, key);
            } else {
                olderWindowCounts.put(key, count + 1);
            }
        }
    }

    private void openNewestWindow(long[] record, long windowIndex, long windowEnd, long account) {
        record[WINDOW] = windowIndex;
        record[WINDOW_COUNT] = 1;
        addTimer(windowEnd, windowKey(windowIndex, account));
    }

    /** Removes the count of the (window, account) {@code key} from wherever it is kept; 0 if none. */
    private long takeWindowCount(long key) {
        Long account = key & ((1L << ACCOUNT_BITS) - 1);
        long[] record = accounts.get(account);
        if (record != null && record[WINDOW_COUNT] > 0 && windowKey(record[WINDOW], account) == key) {
            long count = record[WINDOW_COUNT];
            record[WINDOW_COUNT] = 0;
            accounts.put(account, record);
            return count;
        }
        Long count = olderWindowCounts.get(key);
        if (count == null) {
            return 0;
        }
        olderWindowCounts.delete(key);
        return count;
    }

    private static long windowKey(long windowIndex, long account) {
        return (windowIndex << ACCOUNT_BITS) | account;
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
