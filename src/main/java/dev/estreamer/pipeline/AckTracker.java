package dev.estreamer.pipeline;

/**
 * Tracks records in arrival order and yields the bookmark that is safe to commit.
 *
 * <p>Records are registered by the session's reader thread, in the order the FMC sent them, each
 * with its archive timestamp (0 for records without one, such as metadata). Acknowledgements may
 * come from any thread, in any order. The committable bookmark is the highest archive timestamp
 * of the contiguous acknowledged prefix, lowered to the smallest timestamp still pending if an
 * out-of-order record needs it: re-requesting from that second resends every record not yet
 * durable (and duplicates only from that second).
 */
public final class AckTracker {
    private long[] timestamps = new long[1024];
    private boolean[] acked = new boolean[1024];
    /** Sequence of the first record not yet known acknowledged. */
    private long head = 1;
    /** Sequence the next registered record gets. */
    private long next = 1;
    private long prefixTimestamp;
    private long acknowledged;

    /** Starts from a bookmark already committed (0 if none). */
    public AckTracker(long committed) {
        this.prefixTimestamp = committed;
    }

    /** Registers the next record; returns its sequence number. */
    public synchronized long register(long archiveTimestamp) {
        if (next - head == timestamps.length) {
            grow();
        }
        int slot = slot(next);
        timestamps[slot] = archiveTimestamp;
        acked[slot] = false;
        return next++;
    }

    /** Marks a record durable (or deliberately skipped). Unknown or repeated sequences are ignored. */
    public synchronized void acknowledge(long sequence) {
        if (sequence < head || sequence >= next) {
            return;
        }
        int slot = slot(sequence);
        if (acked[slot]) {
            return;
        }
        acked[slot] = true;
        acknowledged++;
        while (head < next && acked[slot(head)]) {
            long t = timestamps[slot(head)];
            if (t > prefixTimestamp) {
                prefixTimestamp = t;
            }
            head++;
        }
    }

    /** The archive timestamp it is safe to resume from; 0 when nothing with a timestamp is durable yet. */
    public synchronized long committable() {
        long result = prefixTimestamp;
        for (long s = head; s < next; s++) {
            long t = timestamps[slot(s)];
            if (!acked[slot(s)] && t > 0 && t < result) {
                result = t;
            }
        }
        return result;
    }

    /** Records registered but not acknowledged. */
    public synchronized long pending() {
        long p = 0;
        for (long s = head; s < next; s++) {
            if (!acked[slot(s)]) {
                p++;
            }
        }
        return p;
    }

    public synchronized long registered() {
        return next - 1;
    }

    public synchronized long acknowledged() {
        return acknowledged;
    }

    private int slot(long sequence) {
        return (int) (sequence % timestamps.length);
    }

    private void grow() {
        int size = timestamps.length * 2;
        long[] t = new long[size];
        boolean[] a = new boolean[size];
        for (long s = head; s < next; s++) {
            int from = (int) (s % timestamps.length);
            int to = (int) (s % size);
            t[to] = timestamps[from];
            a[to] = acked[from];
        }
        timestamps = t;
        acked = a;
    }

    @Override
    public synchronized String toString() {
        return "AckTracker[head=" + head + ", next=" + next + ", prefix=" + prefixTimestamp + ", size="
                + timestamps.length + "]";
    }
}
