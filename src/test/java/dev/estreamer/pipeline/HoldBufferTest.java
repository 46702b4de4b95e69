package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.record.Record;
import dev.estreamer.sim.SourceRecord;
import dev.estreamer.sim.SyntheticGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code enrich.lateMetadata=hold}: events that arrive before the metadata naming their ids wait for it, within
 * the time and count bounds, in order, and the bookmark never passes a held record. The records are the
 * simulator's (its metadata names device 1, zones, interfaces, rules, policy, applications); the clock is ours.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HoldBufferTest {
    private static final long START = 1_700_000_000L;
    private final SyntheticGenerator generator = SyntheticGenerator.builder().seed(3).startEpoch(START)
            .allFamilies(false).build();
    private final RecordDecoder decoder = new RecordDecoder();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final Enrichment enrichment = Enrichment.inMemory().holdLateEvents(Duration.ofMillis(2000), 100);
    private final HoldBuffer hold = enrichment.holdBuffer(clock::get);
    private final AckTracker tracker = new AckTracker(0);
    private final List<Long> released = new ArrayList<>();
    private final List<Record> out = new ArrayList<>();

    private void arrive(byte[] payload) throws InterruptedException {
        Record decoded = decoder.decode(payload);
        long sequence = tracker.register(decoded.archiveTimestamp());
        Record enriched = enrichment.apply(decoded);
        hold.offer(sequence, enriched, enrichment.awaitsMetadata(), this::written);
    }

    /** What the pipeline's writer does once the sink made a record durable. */
    private void written(long sequence, Record record) {
        released.add(sequence);
        out.add(record);
        tracker.acknowledge(sequence);
    }

    private byte[] event(long n) {
        return generator.event(n, 160).payload(true, 0);
    }

    private void metadata() throws InterruptedException {
        for (SourceRecord m : generator.metadata()) {
            arrive(m.payload(true, 0));
        }
    }

    @Test
    void anEventBeforeItsMetadataIsHeldAndComesOutNamedWhenTheMetadataFollows() throws InterruptedException {
        arrive(event(0));
        assertThat(out).isEmpty();
        assertThat(hold.size()).isEqualTo(1);
        assertThat(tracker.committable()).as("nothing acknowledged while the event is held").isZero();
        clock.addAndGet(Duration.ofMillis(500).toNanos());
        metadata();
        assertThat(hold.size()).isZero();
        Record first = out.get(0);
        assertThat(first.recordType()).isEqualTo(71);
        assertThat(first.computed().get("sensor")).isEqualTo("sim-ftd-01");
        assertThat(first.computed().get("ingressSecurityZone")).isNotNull();
        assertThat(first.computed().get("firewallRule")).isNotNull();
        assertThat(released).as("arrival order").isSorted().hasSize(1 + generator.metadata().size());
        assertThat(hold.timedOut()).isZero();
        assertThat(tracker.committable()).isEqualTo(START);
    }

    @Test
    void withoutHoldTheSameEventIsWrittenAtOnceWithItsIds() {
        Enrichment emit = Enrichment.inMemory();
        assertThat(emit.holdBuffer(clock::get)).isNull();
        Record r = emit.apply(decoder.decode(event(0)));
        assertThat(emit.awaitsMetadata()).isTrue();
        assertThat(r.computed().get("sensor")).isNull();
        assertThat(r.fields().get("deviceId")).isEqualTo(1L);
    }

    @Test
    void anEventHeldBeyondHoldMillisComesOutWithTheId() throws InterruptedException {
        arrive(event(0));
        clock.addAndGet(Duration.ofMillis(1999).toNanos());
        hold.release(this::written);
        assertThat(out).isEmpty();
        assertThat(hold.nanosUntilDue()).isEqualTo(Duration.ofMillis(1).toNanos());
        clock.addAndGet(Duration.ofMillis(1).toNanos());
        hold.release(this::written);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).computed().get("sensor")).isNull();
        assertThat(out.get(0).fields().get("deviceId")).isEqualTo(1L);
        assertThat(hold.timedOut()).isEqualTo(1);
        assertThat(hold.nanosUntilDue()).isEqualTo(-1);
        // metadata arriving later names the next events, and is not held itself
        metadata();
        assertThat(hold.size()).isZero();
        arrive(event(1));
        assertThat(out.get(out.size() - 1).computed().get("sensor")).isEqualTo("sim-ftd-01");
    }

    @Test
    void recordsBehindAHeldEventQueueInOrderAndTheBookmarkNeverPassesTheHeldOne() throws InterruptedException {
        arrive(event(0)); // archive second START, waits
        for (long n = 1; n < 60; n++) {
            clock.addAndGet(Duration.ofMillis(10).toNanos());
            arrive(event(n)); // later seconds, also waiting, queued behind
        }
        assertThat(out).isEmpty();
        assertThat(tracker.committable()).as("bookmark stays before the held record").isZero();
        metadata();
        assertThat(out).hasSize(60 + generator.metadata().size());
        assertThat(released).isSorted();
        assertThat(out.subList(0, 60)).allSatisfy(r -> assertThat(r.computed().get("sensor")).isEqualTo("sim-ftd-01"));
        assertThat(tracker.committable()).isEqualTo(generator.archiveTimestamp(59));
    }

    @Test
    void holdMaxBoundsWhatIsHeld() throws InterruptedException {
        Enrichment small = Enrichment.inMemory().holdLateEvents(Duration.ofHours(1), 3);
        HoldBuffer bounded = small.holdBuffer(clock::get);
        List<Long> order = new ArrayList<>();
        for (long n = 0; n < 10; n++) {
            Record r = small.apply(decoder.decode(event(n)));
            bounded.offer(n, r, small.awaitsMetadata(), (s, rec) -> order.add(s));
            assertThat(bounded.size()).isLessThanOrEqualTo(3);
        }
        assertThat(order).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(bounded.timedOut()).isEqualTo(7);
        bounded.flush((s, rec) -> order.add(s));
        assertThat(order).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void eventsWhoseIdsAreKnownOrZeroAreNotHeld() throws InterruptedException {
        metadata();
        int before = out.size();
        arrive(event(5));
        assertThat(out).hasSize(before + 1);
        assertThat(hold.size()).isZero();
    }
}
