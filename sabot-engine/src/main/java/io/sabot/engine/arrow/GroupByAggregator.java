package io.sabot.engine.arrow;

import java.util.Arrays;

/**
 * Sum, count, min, max and average of the amount grouped by account or merchant category, in one
 * pass over the columns. Groups live in a primitive open-addressing hash table (linear probing), so
 * aggregating allocates only when the table grows.
 */
public final class GroupByAggregator {

    /** The key to group by. */
    public enum Key { ACCOUNT, MERCHANT_CATEGORY }

    private static final long EMPTY = Long.MIN_VALUE;

    private final Key key;
    private long[] keys = new long[64];
    private int[] slotGroup = new int[64];
    private long[] groupKey = new long[32];
    private long[] sums = new long[32];
    private long[] counts = new long[32];
    private long[] mins = new long[32];
    private long[] maxs = new long[32];
    private int groups;

    public GroupByAggregator(Key key) {
        this.key = key;
        Arrays.fill(keys, EMPTY);
    }

    /** Adds every row of the batch; may be called for many batches. */
    public void add(TransactionBatch batch) {
        var amounts = batch.longs(TransactionSchema.AMOUNT_INDEX);
        int n = batch.rowCount();
        if (key == Key.ACCOUNT) {
            var accounts = batch.longs(TransactionSchema.ACCOUNT_ID_INDEX);
            for (int i = 0; i < n; i++) {
                accumulate(group(accounts.get(i)), amounts.get(i));
            }
        } else {
            var merchants = batch.ints(TransactionSchema.MERCHANT_INDEX);
            for (int i = 0; i < n; i++) {
                accumulate(group(merchants.get(i)), amounts.get(i));
            }
        }
    }

    public int groupCount() {
        return groups;
    }

    /** Aggregates of one key, or null when the key was never seen. */
    public Aggregate get(long groupKeyValue) {
        int slot = find(groupKeyValue);
        if (slot < 0) {
            return null;
        }
        return aggregate(slotGroup[slot]);
    }

    /** Every group, in order of first appearance. */
    public Aggregate[] results() {
        Aggregate[] all = new Aggregate[groups];
        for (int g = 0; g < groups; g++) {
            all[g] = aggregate(g);
        }
        return all;
    }

    private Aggregate aggregate(int g) {
        return new Aggregate(groupKey[g], sums[g], counts[g], mins[g], maxs[g]);
    }

    private void accumulate(int g, long amount) {
        sums[g] += amount;
        counts[g]++;
        if (amount < mins[g]) {
            mins[g] = amount;
        }
        if (amount > maxs[g]) {
            maxs[g] = amount;
        }
    }

    private int group(long k) {
        if (k == EMPTY) {
            throw new IllegalArgumentException("key " + k + " is reserved");
        }
        int mask = keys.length - 1;
        int slot = mix(k) & mask;
        while (true) {
            long existing = keys[slot];
            if (existing == k) {
                return slotGroup[slot];
            }
            if (existing == EMPTY) {
                return insert(slot, k);
            }
            slot = (slot + 1) & mask;
        }
    }

    private int insert(int slot, long k) {
        if (groups == groupKey.length) {
            int capacity = groups * 2;
            groupKey = Arrays.copyOf(groupKey, capacity);
            sums = Arrays.copyOf(sums, capacity);
            counts = Arrays.copyOf(counts, capacity);
            mins = Arrays.copyOf(mins, capacity);
            maxs = Arrays.copyOf(maxs, capacity);
        }
        int g = groups++;
        groupKey[g] = k;
        mins[g] = Long.MAX_VALUE;
        maxs[g] = Long.MIN_VALUE;
        keys[slot] = k;
        slotGroup[slot] = g;
        if (groups * 2 > keys.length) {
            rehash();
        }
        return g;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldGroups = slotGroup;
        keys = new long[oldKeys.length * 2];
        slotGroup = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = mix(oldKeys[i]) & mask;
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                slotGroup[slot] = oldGroups[i];
            }
        }
    }

    private int find(long k) {
        int mask = keys.length - 1;
        int slot = mix(k) & mask;
        while (keys[slot] != EMPTY) {
            if (keys[slot] == k) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Spreads sequential ids over the table (Murmur3 finaliser). */
    private static int mix(long k) {
        long h = k * 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h;
    }

    /** The aggregates of one group; the average is exact to the cent's fraction. */
    public record Aggregate(long key, long sumCents, long count, long minCents, long maxCents) {
        public double averageCents() {
            return (double) sumCents / count;
        }
    }
}
