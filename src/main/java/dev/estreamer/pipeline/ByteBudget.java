package dev.estreamer.pipeline;

/**
 * A bound in bytes on what one stage has handed to the next and the next has not finished with: the producer
 * {@link #acquire acquires} a record's size before handing it over and waits while the budget is spent; the
 * consumer {@link #release releases} it once written. A record larger than the whole budget still passes when
 * nothing else is outstanding, so no size of record can stall the pipeline.
 *
 * <p>Queues counted in records bound memory only as far as records have a size: an enriched JSON line is
 * 4 KB where a key=value line is 1 KB, so the formatted queue is bounded by both.
 */
final class ByteBudget {
    private final long limit;
    private long outstanding;

    ByteBudget(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("budget must be at least one byte");
        }
        this.limit = limit;
    }

    /** Waits until {@code bytes} fit (or nothing is outstanding), then takes them. */
    synchronized void acquire(long bytes) throws InterruptedException {
        while (outstanding > 0 && outstanding + bytes > limit) {
            wait();
        }
        outstanding += bytes;
    }

    /** Gives back what a finished hand-over took. */
    synchronized void release(long bytes) {
        outstanding -= bytes;
        notifyAll();
    }

    synchronized long outstanding() {
        return outstanding;
    }

    long limit() {
        return limit;
    }
}
