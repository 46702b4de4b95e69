package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.decode.RecordEncoder;
import dev.estreamer.filter.RecordFilter;
import dev.estreamer.format.JsonFormatter;
import dev.estreamer.sim.EventSource;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import dev.estreamer.sim.SourceRecord;
import dev.estreamer.sim.Subscription;
import dev.estreamer.sink.file.FileSinkConfig;
import dev.estreamer.testing.ClientHarness;
import dev.estreamer.testing.TestPki;
import dev.estreamer.wire.RequestFlags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bookmark is committed right after the first batch that makes it move, even when an earlier
 * batch (metadata only, nothing committable) was written a moment before. A commit attempt that
 * wrote nothing used to open the 100 ms eager window anyway, so a process killed soon after its
 * first events had no bookmark at all (KillNineTest failed so once on CI).
 */
@Timeout(60)
class EagerBookmarkTest {
    private static final long EVENT_SECOND = 1_700_000_123L;

    @TempDir
    Path dir;

    /** A device record at once, then one connection event 20 ms later: two batches inside one eager window. */
    private static EventSource metadataThenOneEvent() {
        RecordEncoder encoder = new RecordEncoder();
        byte[] device = encoder.encode(123, Map.of("id", 1, "name", "eager-ftd"), false, 0);
        byte[] event = encoder.encode(71, Map.of("blockType", 160, "deviceId", 1, "initiatorIpAddress", "10.0.0.1",
                "responderIpAddress", "192.0.2.1", "protocol", 6, "firstPacketTimestamp", EVENT_SECOND,
                "lastPacketTimestamp", EVENT_SECOND), true, EVENT_SECOND);
        List<SourceRecord> records = List.of(SourceRecord.metadata(123, Arrays.copyOfRange(device, 8, device.length)),
                SourceRecord.event(71, EVENT_SECOND, Arrays.copyOfRange(event, 16, event.length)));
        return (Subscription subscription) -> new EventSource.Cursor() {
            private int next;
            private long eventDue;

            @Override
            public boolean hasNext() {
                return next < records.size();
            }

            @Override
            public long nanosUntilNext() {
                return next == 1 ? eventDue - System.nanoTime() : 0L;
            }

            @Override
            public SourceRecord next() {
                if (next == 0) {
                    eventDue = System.nanoTime() + Duration.ofMillis(20).toNanos();
                }
                return records.get(next++);
            }
        };
    }

    @Test
    void theFirstEventBatchIsCommittedWithoutWaitingForThePeriodicFlush() {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        SimulatorConfig config = SimulatorConfig.builder(metadataThenOneEvent())
                .tls(ServerTls.server(pki.serverKeystore(), TestPki.PASSWORD.toCharArray()))
                .peerCheck(PeerCheck.Mode.STRICT_IP).recordsPerBundle(1).build();
        try (Simulator sim = new Simulator(config).start()) {
            BookmarkStore store = new BookmarkStore(BookmarkStore.fileFor(dir.resolve("data"), "127.0.0.1", sim.port()));
            Output json = new Output("json", new JsonFormatter(),
                    FileSinkConfig.defaults(dir.resolve("out")).withFileName("events.{0}.json").validate().build());
            // The periodic flush is an hour away: only the eager commit after a written batch can write the bookmark.
            try (FmcPipeline p = new FmcPipeline("eager", ClientHarness.settings(sim.port(), RequestFlags.ENCORE_DEFAULT,
                    Duration.ofSeconds(30)), ClientHarness.tls(pki), new RecordDecoder(), RecordFilter.all(), List.of(json),
                    store, FmcPipeline.Start.BOOKMARK, 10, 100, Duration.ofHours(1))) {
                p.start();
                assertThat(ClientHarness.await(Duration.ofSeconds(20), () -> p.stats().written.get() == 2))
                        .as("both records written").isTrue();
                assertThat(ClientHarness.await(Duration.ofSeconds(5), () -> store.read().orElse(0L) == EVENT_SECOND))
                        .as("bookmark committed while running, without a stop or the hourly flush").isTrue();
            }
        }
    }
}
