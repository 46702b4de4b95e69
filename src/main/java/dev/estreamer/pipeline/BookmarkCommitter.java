package dev.estreamer.pipeline;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one FMC's bookmark: what its {@link AckTracker} says is committable, into its {@link BookmarkStore}, only
 * when it moved. Three occasions: right after the writer acknowledged a batch (at most every {@link #EAGER_COMMIT}),
 * every {@code interval} on its own thread (for a stream that went quiet), and once more at the stop.
 */
final class BookmarkCommitter {
    private static final Logger log = LoggerFactory.getLogger(BookmarkCommitter.class);

    /**
     * Shortest gap between two commits made after batches, so a busy replay does not fsync per batch: after a
     * kill -9 the resend starts within a fraction of a second of what was written (the boundary second), not a
     * whole flush interval back.
     */
    static final Duration EAGER_COMMIT = Duration.ofMillis(100);

    private final String name;
    private final AckTracker tracker;
    private final BookmarkStore store;
    private final Duration interval;
    private final Thread thread;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile long lastWritten;
    /** Only the writer thread reads and writes it (through {@link #afterBatch}). */
    private long lastEagerCommit = System.nanoTime() - EAGER_COMMIT.toNanos();

    /** @param stored the bookmark the store held at start (not rewritten until the committable one differs) */
    BookmarkCommitter(String name, AckTracker tracker, BookmarkStore store, long stored, Duration interval) {
        this.name = name;
        this.tracker = tracker;
        this.store = store;
        this.interval = interval;
        this.lastWritten = stored;
        this.thread = new Thread(this::flushPeriodically, "bookmark-" + name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Called by the writer after it acknowledged a batch. The window opens only once there is a bookmark to
     * commit: a batch with nothing committable yet (only metadata, timestamp 0) must not hold back the next one.
     * An attempt that found the bookmark unchanged does open it ({@code committable()} scans what is pending: not
     * once per batch).
     */
    void afterBatch() {
        long now = System.nanoTime();
        if (now - lastEagerCommit >= EAGER_COMMIT.toNanos() && commit() > 0) {
            lastEagerCommit = now;
        }
    }

    /**
     * Writes the committable bookmark when it moved; safe to call from any thread.
     *
     * @return the committable bookmark (0 while nothing with a timestamp is durable yet)
     */
    synchronized long commit() {
        long committable = tracker.committable();
        if (committable > 0 && committable != lastWritten) {
            try {
                store.write(committable);
                lastWritten = committable;
                log.debug("Bookmark {} committed for {} ({} pending)", committable, name, tracker.pending());
            } catch (IOException e) {
                log.error("Cannot write bookmark {}: {}; will retry", store.file(), e.toString());
            }
        }
        return committable;
    }

    /** Ends the periodic commits (waiting up to 5 s for one in progress) and commits a last time. */
    void stop() {
        stopSignal.countDown();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commit();
    }

    /** The bookmark last written (or found in the store at start). */
    long lastWritten() {
        return lastWritten;
    }

    private void flushPeriodically() {
        try {
            // Woken by the latch, not by interrupt: an interrupt would close the bookmark file's channel mid-write.
            while (!stopSignal.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                commit();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
