package dev.estreamer.sim;

/** Where a simulated FMC's records come from: a replayed capture or a generator. */
public interface EventSource {
    /** A fresh cursor over what a client with {@code subscription} should receive, metadata first. */
    Cursor open(Subscription subscription);

    /** One client's position in the source; used by a single session thread. */
    interface Cursor {
        /** Whether another record will come (false = the source is exhausted for this client). */
        boolean hasNext();

        /** Nanoseconds to wait before the next record may be sent; 0 or less = now (unpaced sources). */
        default long nanosUntilNext() {
            return 0L;
        }

        SourceRecord next();
    }
}
