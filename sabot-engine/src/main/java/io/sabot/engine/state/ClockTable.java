package io.sabot.engine.state;

import java.util.Arrays;

/**
 * A hash table of at most {@code maxEntries} entries that evicts by CLOCK (second chance), the heap
 * structure behind one namespace of a {@link MemoryStateBackend}.
 *
 * <p>Each entry is at once the hash chain node and the value holder (value, expiry time, CLOCK mark),
 * so a lookup touches the bucket array, the entry and its key: no separate node to value hop as with a
 * {@code HashMap<K, Slot>}. The entries also sit on a ring swept by a hand; {@link #insert} into a
 * full table clears the marks the hand passes and evicts the first unmarked entry.
 *
 * <p>Chains are plain lists (no treeification like {@code HashMap}), so keys whose hash codes collide
 * massively make lookups linear; the engine's keys (account ids, strings) hash well.
 *
 * <p>Not thread-safe. Not final: a namespace of the memory backend extends it.
 */
class ClockTable<K, V> {

    private static final int MAX_TABLE_LENGTH = 1 << 30;

    /** A key's value, expiry time and CLOCK mark; updated in place on overwrite. */
    static final class Entry<K, V> {
        final K key;
        final int hash;
        V value;
        long expiresAt;
        boolean referenced;
        int position;
        Entry<K, V> next;

        Entry(K key, int hash, V value, long expiresAt) {
            this.key = key;
            this.hash = hash;
            this.value = value;
            this.expiresAt = expiresAt;
        }
    }

    private final int maxEntries;
    private Entry<K, V>[] table = newArray(16);
    /** Entries at positions 0..size-1: insertion order, apart from the gaps filled by removals. */
    private Entry<K, V>[] ring = newArray(16);
    private int size;
    private int hand;

    ClockTable(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    int size() {
        return size;
    }

    /** The entry of {@code key}, or null. Does not mark it: callers mark what they actually use. */
    Entry<K, V> find(Object key) {
        int hash = spread(key.hashCode());
        Entry<K, V> e = table[hash & (table.length - 1)];
        while (e != null) {
            if (e.hash == hash && (e.key == key || key.equals(e.key))) {
                return e;
            }
            e = e.next;
        }
        return null;
    }

    /** Only a store when the mark changes, so repeated hits do not dirty the entry's cache line. */
    static void markReferenced(Entry<?, ?> entry) {
        if (!entry.referenced) {
            entry.referenced = true;
        }
    }

    /**
     * Adds a key that is not in the table; returns the entry evicted to make room, or null. The new
     * entry takes the victim's place on the ring and the hand moves past it, so the newcomer is
     * examined last, like the most recently used entry of an LRU list.
     */
    Entry<K, V> insert(K key, V value, long expiresAt) {
        Entry<K, V> entry = new Entry<>(key, spread(key.hashCode()), value, expiresAt);
        Entry<K, V> victim = null;
        if (size == maxEntries) {
            victim = advanceHandToVictim();
            unlink(victim);
            entry.position = hand;
            ring[hand] = entry;
            hand = hand + 1 == size ? 0 : hand + 1;
        } else {
            if (size == ring.length) {
                ring = Arrays.copyOf(ring, ring.length * 2);
            }
            entry.position = size;
            ring[size++] = entry;
            if (size > table.length - (table.length >>> 2) && table.length < MAX_TABLE_LENGTH) {
                resize();
            }
        }
        int index = entry.hash & (table.length - 1);
        entry.next = table[index];
        table[index] = entry;
        return victim;
    }

    /** Removes an entry of this table; the ring's last entry fills its place. */
    void remove(Entry<K, V> entry) {
        unlink(entry);
        int last = --size;
        Entry<K, V> moved = ring[last];
        ring[entry.position] = moved;
        moved.position = entry.position;
        ring[last] = null;
        if (hand >= size) {
            hand = 0;
        }
    }

    void clear() {
        table = newArray(16);
        ring = newArray(16);
        size = 0;
        hand = 0;
    }

    /** The entry at ring position {@code i} (0..size-1), for sweeps that may remove as they go. */
    Entry<K, V> at(int i) {
        return ring[i];
    }

    /** The ring position of the next eviction candidate (0 when empty). */
    int hand() {
        return hand;
    }

    /** A copy of the entries in ring order from the hand: the next eviction candidate first. */
    Entry<K, V>[] fromHand() {
        Entry<K, V>[] copy = newArray(size);
        for (int n = 0; n < size; n++) {
            int i = hand + n;
            copy[n] = ring[i < size ? i : i - size];
        }
        return copy;
    }

    /** Clears marks until the hand stands on an unmarked entry: at most one full turn. */
    private Entry<K, V> advanceHandToVictim() {
        while (ring[hand].referenced) {
            ring[hand].referenced = false;
            hand = hand + 1 == size ? 0 : hand + 1;
        }
        return ring[hand];
    }

    /** Takes the entry out of its hash chain (not off the ring). */
    private void unlink(Entry<K, V> entry) {
        int index = entry.hash & (table.length - 1);
        Entry<K, V> e = table[index];
        if (e == entry) {
            table[index] = entry.next;
        } else {
            while (e.next != entry) {
                e = e.next;
            }
            e.next = entry.next;
        }
        entry.next = null;
    }

    private void resize() {
        Entry<K, V>[] bigger = newArray(table.length * 2);
        int mask = bigger.length - 1;
        for (Entry<K, V> head : table) {
            Entry<K, V> e = head;
            while (e != null) {
                Entry<K, V> next = e.next;
                int index = e.hash & mask;
                e.next = bigger[index];
                bigger[index] = e;
                e = next;
            }
        }
        table = bigger;
    }

    /** The same spreading as {@code HashMap}: high bits take part in the bucket index. */
    private static int spread(int hashCode) {
        return hashCode ^ (hashCode >>> 16);
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Entry<K, V>[] newArray(int length) {
        return (Entry<K, V>[]) new Entry<?, ?>[length];
    }
}
