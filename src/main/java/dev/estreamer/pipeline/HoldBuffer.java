package dev.estreamer.pipeline;

import dev.estreamer.record.Record;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * {@code enrich.lateMetadata=hold}: events whose ids the metadata cache cannot name yet wait here, in the
 * processor thread, for the metadata that names them, at most {@code holdTime} and {@code holdMax} records.
 *
 * <p>Order is kept the simplest way: once one event is held, every later record (whatever it is) queues behind
 * it, and records leave only from the head. The head leaves when its names are complete (it is decorated again
 * each time the cache changed), when it has waited {@code holdTime}, or when more than {@code holdMax} records
 * are held; the records behind it then leave as far as the next one still waiting. Metadata records are stored
 * in the cache when they <em>arrive</em> (by {@link Enrichment#apply}) even when they queue here, so the
 * metadata an event waits for can always reach it. A held record is not acknowledged, so the bookmark never
 * passes it.
 */
final class HoldBuffer {
    /** Where released records go, in order. */
    @FunctionalInterface
    interface Release {
        void accept(long sequence, Record record) throws InterruptedException;
    }

    private static final class Held {
        final long sequence;
        final long since;
        Record record;
        boolean waiting;
        long version;

        Held(long sequence, Record record, boolean waiting, long since, long version) {
            this.sequence = sequence;
            this.record = record;
            this.waiting = waiting;
            this.since = since;
            this.version = version;
        }
    }

    private final Enrichment enrichment;
    private final long holdNanos;
    private final int holdMax;
    private final LongSupplier nanoClock;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private long timedOut;

    HoldBuffer(Enrichment enrichment, Duration holdTime, int holdMax, LongSupplier nanoClock) {
        this.enrichment = enrichment;
        this.holdNanos = holdTime.toNanos();
        this.holdMax = holdMax;
        this.nanoClock = nanoClock;
    }

    /**
     * Takes a record just enriched ({@code awaiting} = it has an id the cache does not know yet) and releases what
     * can leave, in order.
     */
    void offer(long sequence, Record record, boolean awaiting, Release out) throws InterruptedException {
        if (held.isEmpty() && !awaiting) {
            out.accept(sequence, record);
            return;
        }
        held.addLast(new Held(sequence, record, awaiting, nanoClock.getAsLong(), enrichment.version()));
        release(out);
    }

    /** Releases the head records that may leave now (names complete, waited long enough, or over the count). */
    void release(Release out) throws InterruptedException {
        long now = nanoClock.getAsLong();
        while (!held.isEmpty()) {
            Held head = held.peekFirst();
            if (head.waiting && head.version != enrichment.version()) {
                head.record = enrichment.decorate(head.record);
                head.waiting = enrichment.awaitsMetadata();
                head.version = enrichment.version();
            }
            boolean expired = now - head.since >= holdNanos;
            if (head.waiting && !expired && held.size() <= holdMax) {
                return;
            }
            if (head.waiting) {
                timedOut++;
            }
            held.removeFirst();
            out.accept(head.sequence, head.record);
        }
    }

    /** Releases everything (shutdown), in order, with the names known now. */
    void flush(Release out) throws InterruptedException {
        while (!held.isEmpty()) {
            Held head = held.removeFirst();
            if (head.waiting && head.version != enrichment.version()) {
                head.record = enrichment.decorate(head.record);
            }
            out.accept(head.sequence, head.record);
        }
    }

    /** Nanoseconds until the head's wait ends (0 = now), or -1 when nothing is held. */
    long nanosUntilDue() {
        Held head = held.peekFirst();
        if (head == null) {
            return -1;
        }
        return Math.max(0, head.since + holdNanos - nanoClock.getAsLong());
    }

    int size() {
        return held.size();
    }

    /** Records released with an id still unnamed because their wait or the count bound ran out. */
    long timedOut() {
        return timedOut;
    }
}
