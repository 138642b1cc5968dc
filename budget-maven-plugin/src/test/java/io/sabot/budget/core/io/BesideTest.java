package io.sabot.budget.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BesideTest {

    @Test
    void runsTheWorkOnAnotherThreadAndReturnsItsValue() throws Exception {
        Thread caller = Thread.currentThread();
        Beside<Thread> beside = Beside.start("probe", Thread::currentThread);
        Thread worker = beside.join(IOException.class);
        assertThat(worker).isNotSameAs(caller);
        assertThat(worker.getName()).isEqualTo("budget probe");
        assertThat(worker.isDaemon()).isTrue();
    }

    @Test
    void rethrowsTheWorksOwnCheckedException() {
        Beside<String> beside = Beside.start("failing", () -> {
            throw new IOException("disk full");
        });
        assertThatThrownBy(() -> beside.join(IOException.class)).isExactlyInstanceOf(IOException.class).hasMessage("disk full");
    }

    @Test
    void rethrowsUncheckedExceptionsAndErrorsAsTheyAre() {
        Beside<String> unchecked = Beside.start("unchecked", () -> {
            throw new IllegalArgumentException("bad");
        });
        assertThatThrownBy(() -> unchecked.join(IOException.class)).isExactlyInstanceOf(IllegalArgumentException.class);
        Beside<String> error = Beside.start("error", () -> {
            throw new AssertionError("broken");
        });
        assertThatThrownBy(() -> error.join(IOException.class)).isExactlyInstanceOf(AssertionError.class);
    }

    @Test
    void wrapsACheckedExceptionOfAnotherType() {
        Beside<String> beside = Beside.start("other", () -> {
            throw new java.util.concurrent.TimeoutException("late");
        });
        assertThatThrownBy(() -> beside.join(IOException.class)).isExactlyInstanceOf(IllegalStateException.class)
                .hasCauseExactlyInstanceOf(java.util.concurrent.TimeoutException.class);
    }

    @Test
    void anInterruptedCallerStillWaitsForTheWorkAndKeepsItsInterrupt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        Beside<String> beside = Beside.start("slow", () -> {
            release.await(10, TimeUnit.SECONDS);
            finished.set(true);
            return "done";
        });
        Thread.currentThread().interrupt();
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        releaser.start();
        try {
            beside.await();
            assertThat(finished).isTrue();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
            releaser.join();
        }
        assertThat(beside.join(IOException.class)).isEqualTo("done");
    }
}
