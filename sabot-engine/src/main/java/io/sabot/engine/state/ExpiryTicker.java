package io.sabot.engine.state;

import java.util.concurrent.locks.LockSupport;

/**
 * A counter that one daemon thread advances every {@link #TICK_NANOS}, so a reader can tell that
 * time has moved on by loading a field instead of reading the clock. Reading the clock costs about
 * 100 ns on a kvm-clock virtual machine (a system call), several times a whole hash map lookup.
 *
 * <p>{@link #shared()} is the one ticking instance of the JVM, started on first use. Tests create a
 * {@link #manual()} instance and call {@link #advance()} themselves.
 */
final class ExpiryTicker {

    static final long TICK_NANOS = 1_000_000L;

    /** Written by one thread only (the ticker thread or a test), so the increment needs no CAS. */
    private volatile long ticks;

    private ExpiryTicker() {
    }

    static ExpiryTicker shared() {
        return Shared.INSTANCE;
    }

    static ExpiryTicker manual() {
        return new ExpiryTicker();
    }

    long ticks() {
        return ticks;
    }

    void advance() {
        ticks++;
    }

    /** Holder idiom: the thread starts only when a backend first needs ticks. */
    private static final class Shared {
        static final ExpiryTicker INSTANCE = start();

        private static ExpiryTicker start() {
            ExpiryTicker ticker = new ExpiryTicker();
            Thread thread = new Thread(() -> {
                while (true) {
                    LockSupport.parkNanos(TICK_NANOS);
                    ticker.advance();
                }
            }, "sabot-state-expiry-ticker");
            thread.setDaemon(true);
            thread.start();
            return ticker;
        }
    }
}
