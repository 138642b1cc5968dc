package io.sabot.engine.state;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Limits of a {@link MemoryStateBackend}: at most {@code maxEntriesPerNamespace} live entries per
 * namespace (least recently used evicted first) and an optional time to live after the last write.
 *
 * @param ttl   zero means entries never expire
 * @param clock nanosecond time source; tests inject a controllable one
 */
public record BackendConfig(int maxEntriesPerNamespace, Duration ttl, LongSupplier clock) {

    public BackendConfig {
        if (maxEntriesPerNamespace <= 0) {
            throw new IllegalArgumentException("maxEntriesPerNamespace must be positive, was " + maxEntriesPerNamespace);
        }
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative, was " + ttl);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** No size limit that matters and no expiry. */
    public static BackendConfig unbounded() {
        return new BackendConfig(Integer.MAX_VALUE, Duration.ZERO, System::nanoTime);
    }

    public static BackendConfig lru(int maxEntriesPerNamespace) {
        return new BackendConfig(maxEntriesPerNamespace, Duration.ZERO, System::nanoTime);
    }

    public BackendConfig withTtl(Duration newTtl) {
        return new BackendConfig(maxEntriesPerNamespace, newTtl, clock);
    }

    public BackendConfig withClock(LongSupplier newClock) {
        return new BackendConfig(maxEntriesPerNamespace, ttl, newClock);
    }

    boolean expires() {
        return !ttl.isZero();
    }
}
