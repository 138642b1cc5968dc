package io.sabot.engine.checkpoint;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Writes checkpoints into a {@link CheckpointStorage} on one background thread, one at a time: the
 * asynchronous phase of a checkpoint. The task thread takes the snapshot (the synchronous phase),
 * hands it over with {@link #start}, goes on processing while the files are checksummed and forced
 * to disk, and collects the outcome with {@link #await}; only then may the checkpoint be
 * acknowledged (and its alerts committed), so a checkpoint still counts only once it is durable.
 *
 * <p>Used by one task thread; the background thread touches nothing but the storage and the
 * snapshot directory it was given.
 */
public final class BackgroundCheckpointWriter implements AutoCloseable {

    private final CheckpointStorage storage;
    private final ExecutorService thread;
    private Future<CompletedCheckpoint> write;
    private long writingId;

    public BackgroundCheckpointWriter(CheckpointStorage storage) {
        this.storage = storage;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "sabot-checkpoint-writer");
            t.setDaemon(true); // never keeps a JVM alive; close() waits for a write in flight
            return t;
        });
    }

    /**
     * Starts storing checkpoint {@code id} from {@code snapshotDirectory} (which the write consumes)
     * and {@code metadata}.
     *
     * @throws IllegalStateException when the previous write has not been collected with {@link #await}
     */
    public void start(long id, Path snapshotDirectory, byte[] metadata) {
        if (write != null) {
            throw new IllegalStateException("checkpoint " + writingId + " is still being written; await it before starting checkpoint " + id);
        }
        writingId = id;
        write = thread.submit(() -> {
            CompletedCheckpoint written = storage.write(id, snapshotDirectory, metadata);
            CheckpointStorage.deleteRecursively(snapshotDirectory); // what was not moved into the checkpoint
            return written;
        });
    }

    /** True between {@link #start} and the {@link #await} that collects the write. */
    public boolean inFlight() {
        return write != null;
    }

    /** The id of the checkpoint being written; meaningful while {@link #inFlight()}. */
    public long inFlightId() {
        return writingId;
    }

    /** True when a write is in flight and has ended, so that {@link #await} returns without waiting. */
    public boolean finished() {
        return write != null && write.isDone();
    }

    /**
     * Waits until the write in flight has ended and returns the stored checkpoint.
     *
     * @throws IOException the write's own failure (the checkpoint is not stored)
     * @throws IllegalStateException when no write is in flight
     */
    public CompletedCheckpoint await() throws IOException {
        if (write == null) {
            throw new IllegalStateException("no checkpoint write in flight");
        }
        CompletedCheckpoint written;
        try {
            written = write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The write stays in flight: close() still waits for it.
            throw new InterruptedIOException("interrupted while checkpoint " + writingId + " was being written");
        } catch (ExecutionException e) {
            write = null;
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) cause;
        }
        write = null;
        return written;
    }

    /**
     * Lets a write in flight end (its outcome is not collected: the checkpoint is neither
     * acknowledged nor aborted, as when the process dies after the write) and stops the thread.
     */
    @Override
    public void close() {
        thread.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        write = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
