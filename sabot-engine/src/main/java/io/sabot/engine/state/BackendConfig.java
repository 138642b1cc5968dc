package io.sabot.engine.state;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Limits of a {@link MemoryStateBackend}: at most {@code maxEntriesPerNamespace} live entries per
 * namespace (evicted in CLOCK order, an approximation of least recently used) and an optional time
 * to live after the last write.
 *
 * @param ttl         zero means entries never expire
 * @param clock       nanosecond time source; tests inject a controllable one
 * @param expiryCheck how reads judge expiry; see {@link ExpiryCheck}
 */
public record BackendConfig(int maxEntriesPerNamespace, Duration ttl, LongSupplier clock, ExpiryCheck expiryCheck) {

    /** How a read (get, contains) learns the current time to judge whether an entry has expired. */
    public enum ExpiryCheck {
        /** Reads the clock on every read of an entry that has a TTL: exact, costs a clock read per get. */
        EXACT,
        /**
         * Re-reads the clock at most once per 1 ms tick of a shared ticker thread: an entry may still be
         * returned for about one tick (longer if the ticker thread is starved) after its TTL ran out.
         * Writes always read the clock, so an entry never expires early.
         */
        TICKED
    }

    public BackendConfig {
        if (maxEntriesPerNamespace <= 0) {
            throw new IllegalArgumentException("maxEntriesPerNamespace must be positive, was " + maxEntriesPerNamespace);
        }
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative, was " + ttl);
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(expiryCheck, "expiryCheck");
    }

    /** Reads judge expiry with {@link ExpiryCheck#TICKED}, the fast default. */
    public BackendConfig(int maxEntriesPerNamespace, Duration ttl, LongSupplier clock) {
        this(maxEntriesPerNamespace, ttl, clock, ExpiryCheck.TICKED);
    }

    /** No size limit that matters and no expiry. */
    public static BackendConfig unbounded() {
        return new BackendConfig(Integer.MAX_VALUE, Duration.ZERO, System::nanoTime);
    }

    public static BackendConfig lru(int maxEntriesPerNamespace) {
        return new BackendConfig(maxEntriesPerNamespace, Duration.ZERO, System::nanoTime);
    }

    public BackendConfig withTtl(Duration newTtl) {
        return new BackendConfig(maxEntriesPerNamespace, newTtl, clock, expiryCheck);
    }

    /**
     * A controllable clock usually goes with {@link ExpiryCheck#EXACT}: with TICKED, reads see a new
     * clock value only after the next real-time tick.
     */
    public BackendConfig withClock(LongSupplier newClock) {
        return new BackendConfig(maxEntriesPerNamespace, ttl, newClock, expiryCheck);
    }

    public BackendConfig withExpiryCheck(ExpiryCheck newExpiryCheck) {
        return new BackendConfig(maxEntriesPerNamespace, ttl, clock, newExpiryCheck);
    }

    /** The same limits with a different size bound (a stripe's share of the total). */
    BackendConfig withMaxEntriesPerNamespace(int newMax) {
        return new BackendConfig(newMax, ttl, clock, expiryCheck);
    }

    boolean expires() {
        return !ttl.isZero();
    }
}
