package io.sabot.engine.benchmarks;

import io.sabot.engine.pipeline.Alert;
import io.sabot.engine.pipeline.FraudRules;
import io.sabot.engine.pipeline.Transaction;
import io.sabot.engine.pipeline.TransactionGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fraud job written by hand as one loop: the same sources, the same three rules with the same
 * semantics (event-time velocity windows that fire when the watermark passes their end, late
 * events skipping them, positions kept in event-time order) and the same alerts, detail text
 * included, as {@code FraudPipeline} commits. What it leaves out is the engine: state in plain
 * HashMaps instead of a state backend, the watermark as a minimum over four longs instead of a
 * tracker, no partition queues, barriers or checkpoints, alerts appended to a list instead of a
 * transactional sink. The per-account record has the detector's layout, so the difference to the
 * pipeline is the engine and not the algorithm. Sources are read one event at a time in turn.
 *
 * <p>{@code HandWrittenFraudJobTest} checks that it raises exactly the pipeline's alerts.
 */
final class HandWrittenFraudJob {

    static final int PARTITIONS = 4;
    static final int ACCOUNTS = 10_000;
    static final long OUT_OF_ORDER_MILLIS = 2_000;

    private static final int COUNT = 0;
    private static final int AMOUNT_SUM = 1;
    private static final int LAST_TIMESTAMP = 2;
    private static final int LAST_LATITUDE = 3;
    private static final int LAST_LONGITUDE = 4;
    private static final int WINDOW = 5;
    private static final int WINDOW_COUNT = 6;
    private static final int RECORD_LENGTH = 7;
    private static final int ACCOUNT_BITS = 24;

    private final FraudRules rules;
    private final TransactionGenerator[] sources = new TransactionGenerator[PARTITIONS];
    private final long eventsPerPartition;
    private final HashMap<Long, long[]> accounts = new HashMap<>();
    private final HashMap<Long, Long> olderWindowCounts = new HashMap<>();
    private final TreeMap<Long, long[]> timers = new TreeMap<>();
    private final long[] newestEventTime = new long[PARTITIONS];
    private final long[] partitionWatermarks = new long[PARTITIONS];
    private long watermark = Long.MIN_VALUE;
    private final List<Alert> alerts = new ArrayList<>();
    private long processed;
    private long lateEvents;
    private int next;

    /** The pipeline's standard job with {@code seed}: 4 partitions, 10,000 accounts, 10 ms apart, 2 s of disorder. */
    HandWrittenFraudJob(long seed, long eventsPerPartition) {
        this.rules = FraudRules.standard();
        this.eventsPerPartition = eventsPerPartition;
        for (int p = 0; p < PARTITIONS; p++) {
            sources[p] = new TransactionGenerator(seed, p, PARTITIONS, ACCOUNTS, 1_700_000_000_000L, 10, OUT_OF_ORDER_MILLIS / 2);
        }
        Arrays.fill(newestEventTime, Long.MIN_VALUE);
        Arrays.fill(partitionWatermarks, Long.MIN_VALUE);
    }

    /** Processes up to {@code events} more transactions, the partitions in turn. */
    void run(long events) {
        for (long n = 0; n < events; n++) {
            int p = next;
            if (sources[p].position() >= eventsPerPartition) {
                return; // a bounded input (tests) ends in every partition at once
            }
            next = p + 1 == PARTITIONS ? 0 : p + 1;
            process(p, sources[p].next());
        }
    }

    /** End of a bounded input: every window fires. */
    void finish() {
        fireWindows(Long.MAX_VALUE);
    }

    List<Alert> alerts() {
        return alerts;
    }

    long processed() {
        return processed;
    }

    long lateEvents() {
        return lateEvents;
    }

    private void process(int partition, Transaction t) {
        boolean late = watermark != Long.MIN_VALUE && t.timestamp() < watermark;
        if (t.accountId() < 0 || t.accountId() >= (1L << ACCOUNT_BITS)) {
            throw new IllegalArgumentException("account id out of range: " + t.accountId());
        }
        Long account = t.accountId();
        long[] record = accounts.get(account);
        if (record == null) {
            record = new long[RECORD_LENGTH];
            record[COUNT] = 1;
            record[AMOUNT_SUM] = t.amountCents();
            record[LAST_TIMESTAMP] = t.timestamp();
            record[LAST_LATITUDE] = Math.round(t.latitude() * 1e6);
            record[LAST_LONGITUDE] = Math.round(t.longitude() * 1e6);
            accounts.put(account, record);
        } else {
            checkAmountSpike(t, record);
            checkTravel(t, record);
        }
        if (late) {
            lateEvents++;
        } else {
            countInWindow(t, record);
        }
        if (t.timestamp() > newestEventTime[partition]) {
            newestEventTime[partition] = t.timestamp();
            long partitionWatermark = t.timestamp() - OUT_OF_ORDER_MILLIS;
            if (partitionWatermark > partitionWatermarks[partition]) {
                partitionWatermarks[partition] = partitionWatermark;
                long min = Long.MAX_VALUE;
                for (long w : partitionWatermarks) {
                    min = Math.min(min, w);
                }
                if (min > watermark) {
                    watermark = min;
                    fireWindows(watermark);
                }
            }
        }
        processed++;
    }

    private void checkAmountSpike(Transaction t, long[] record) {
        if (record[COUNT] >= rules.spikeMinHistory()) {
            double average = (double) record[AMOUNT_SUM] / record[COUNT];
            if (t.amountCents() > rules.spikeFactor() * average) {
                alerts.add(new Alert(Alert.AMOUNT_SPIKE, t.accountId(), t.transactionId(), t.timestamp(),
                        t.amountCents() + " cents is " + String.format(Locale.ROOT, "%.1f", t.amountCents() / average)
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
            alerts.add(new Alert(Alert.IMPOSSIBLE_TRAVEL, t.accountId(), t.transactionId(), t.timestamp(),
                    String.format(Locale.ROOT, "%.0f km in %d ms", km, millis)));
        }
        if (t.timestamp() >= record[LAST_TIMESTAMP]) {
            record[LAST_TIMESTAMP] = t.timestamp();
            record[LAST_LATITUDE] = lat;
            record[LAST_LONGITUDE] = lon;
        }
    }

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

    private void fireWindows(long upTo) {
        while (!timers.isEmpty() && timers.firstKey() <= upTo) {
            Map.Entry<Long, long[]> due = timers.pollFirstEntry();
            long[] keys = due.getValue();
            for (int i = 1; i <= keys[0]; i++) {
                long count = takeWindowCount(keys[i]);
                if (count > rules.velocityMaxCount()) {
                    long account = keys[i] & ((1L << ACCOUNT_BITS) - 1);
                    long windowEnd = due.getKey();
                    alerts.add(new Alert(Alert.VELOCITY, account, -1, windowEnd,
                            count + " transactions in the window ending " + windowEnd + " (max " + rules.velocityMaxCount() + ")"));
                }
            }
        }
    }

    private long takeWindowCount(long key) {
        long account = key & ((1L << ACCOUNT_BITS) - 1);
        long[] record = accounts.get(account);
        if (record != null && record[WINDOW_COUNT] > 0 && windowKey(record[WINDOW], account) == key) {
            long count = record[WINDOW_COUNT];
            record[WINDOW_COUNT] = 0;
            return count;
        }
        Long count = olderWindowCounts.remove(key);
        return count == null ? 0 : count;
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
            keys = Arrays.copyOf(keys, keys.length * 2);
            timers.put(windowEnd, keys);
        }
        keys[(int) ++keys[0]] = key;
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
