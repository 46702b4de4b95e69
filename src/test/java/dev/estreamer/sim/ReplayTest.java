package dev.estreamer.sim;

import dev.estreamer.testing.Golden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.wire.EventStreamRequest;
import dev.estreamer.wire.EventVersion;
import dev.estreamer.wire.Frame;
import dev.estreamer.wire.FrameReader;
import dev.estreamer.wire.MessageBundle;
import dev.estreamer.wire.RequestFlags;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Replaying the real FMC capture honours what the client asked for, byte for byte. */
@Timeout(30)
class ReplayTest {
    static final RequestFlags ENCORE = RequestFlags.ENCORE_DEFAULT; // 0x48900061
    static final Duration QUIET = Duration.ofMillis(800);
    static List<byte[]> captured;
    static CaptureReplay replay;
    Simulator simulator;

    @BeforeAll
    static void loadCapture() throws Exception {
        captured = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(Golden.capture()))) {
            FrameReader reader = new FrameReader(in, 1 << 20);
            Frame f;
            while ((f = reader.read()) != null) {
                captured.addAll(MessageBundle.decode(f.payload()).items());
            }
        }
        replay = CaptureReplay.load(Golden.capture());
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    Simulator start(SimulatorConfig.Builder builder) {
        simulator = new Simulator(builder.build()).start();
        return simulator;
    }

    @Test
    void theCaptureHolds69RecordsInOrder() {
        assertThat(replay.records()).hasSize(69);
        assertThat(replay.records().stream().filter(SourceRecord::metadata)).hasSize(31);
        assertThat(replay.records().stream().filter(r -> !r.metadata()).map(SourceRecord::recordType)).hasSize(38)
                .containsOnly(71);
    }

    @Test
    void encoreDefaultRequestGetsTheCaptureBackByteForByte() throws Exception {
        start(SimulatorConfig.builder(replay));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.request(EventStreamRequest.GENESIS, ENCORE);
            List<RawClient.Received> got = client.records(69, QUIET, true);
            assertThat(got).hasSize(69);
            for (int i = 0; i < 69; i++) {
                assertThat(got.get(i).payload()).as("record %d", i).isEqualTo(captured.get(i));
            }
            assertThat(got.stream().filter(r -> r.headerLength() == 8)).hasSize(31);
            assertThat(got.stream().filter(r -> r.headerLength() == 16)).hasSize(38).allMatch(r -> r.recordType() == 71);
            assertThat(client.bundleSequences).containsExactly(1L, 2L);
            assertThat(client.connectionIds).hasSize(2);
            assertThat(client.connectionIds.get(0)).isEqualTo(client.connectionIds.get(1));
            assertThat(client.records(1, Duration.ofMillis(300), true)).isEmpty();
        }
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (simulator.recordsSent() < 69 && System.nanoTime() < deadline) {
            Thread.sleep(10); // counters move just after the bytes leave
        }
        SessionInfo info = simulator.sessions().get(0);
        assertThat(info.flags().value()).isEqualTo(0x48900061);
        assertThat(info.recordsSent()).isEqualTo(69);
        assertThat(info.bundlesSent()).isEqualTo(2);
        assertThat(info.versions()).contains(new EventVersion(EventVersion.CONNECTION, 17));
        assertThat(simulator.recordsSent()).isEqualTo(69);
    }

    @Test
    void initialTimestampResendsMetadataAndEventsFromThatSecond() throws Exception {
        List<Long> events = replay.records().stream().filter(r -> !r.metadata())
                .map(SourceRecord::archiveTimestamp).collect(Collectors.toList());
        long t = events.get(20);
        long expectedEvents = events.stream().filter(ts -> ts >= t).count();
        assertThat(expectedEvents).isBetween(2L, 37L);
        start(SimulatorConfig.builder(replay));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.request(t, ENCORE);
            List<RawClient.Received> got = client.records(100, QUIET, true);
            assertThat(got.stream().filter(r -> r.recordType() != 71)).hasSize(31);
            assertThat(got.stream().filter(r -> r.recordType() == 71)).hasSize((int) expectedEvents)
                    .allMatch(r -> r.archiveTimestamp() >= t);
        }
    }

    @Test
    void nowMeansNothingOldButMetadata() throws Exception {
        start(SimulatorConfig.builder(replay));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.request(EventStreamRequest.NOW, ENCORE);
            List<RawClient.Received> got = client.records(100, QUIET, true);
            assertThat(got).hasSize(31).noneMatch(r -> r.recordType() == 71);
        }
    }

    @Test
    void withoutArchiveTimestampsEveryRecordHasTheShortHeader() throws Exception {
        start(SimulatorConfig.builder(replay));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.request(0, ENCORE.without(RequestFlags.ARCHIVE_TIMESTAMPS));
            List<RawClient.Received> got = client.records(100, QUIET, true);
            assertThat(got).hasSize(69).allMatch(r -> r.headerLength() == 8);
            for (int i = 0; i < 69; i++) {
                assertThat(got.get(i).body()).isEqualTo(replay.records().get(i).body());
            }
        }
    }

    @Test
    void withoutMetadataFlagNoMetadataArrives() throws Exception {
        start(SimulatorConfig.builder(replay));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.request(0, ENCORE.without(RequestFlags.METADATA));
            List<RawClient.Received> got = client.records(100, QUIET, true);
            assertThat(got).hasSize(38).allMatch(r -> r.recordType() == 71 && r.headerLength() == 16);
        }
    }

    @Test
    void plainRequestGetsEventDataMessages() throws Exception {
        start(SimulatorConfig.builder(replay));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.request(0, ENCORE.without(RequestFlags.EXTENDED));
            List<RawClient.Received> got = client.records(100, QUIET, true);
            assertThat(got).hasSize(69);
            assertThat(client.bundleSequences).isEmpty();
            assertThat(got.get(68).payload()).isEqualTo(captured.get(68));
        }
    }

    @Test
    void extendedRequestWithoutConnectionFamilyGetsNoConnections() throws Exception {
        start(SimulatorConfig.builder(replay));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.request(0, ENCORE, List.of(new EventVersion(EventVersion.METADATA, 4)));
            assertThat(client.records(100, QUIET, true)).hasSize(31);
        }
    }

    @Test
    void guideFramingNetmapBitsAndSmallBundles() throws Exception {
        start(SimulatorConfig.builder(replay).itemFraming(ItemFraming.GUIDE).netmapId(5).recordsPerBundle(10));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.request(0, ENCORE);
            List<RawClient.Received> got = client.records(100, QUIET, true);
            assertThat(got).hasSize(69).allMatch(r -> r.netmapId() == 5);
            assertThat(client.bundleSequences).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        }
    }

    @Test
    void loopingReplayKeepsProducingNewEvents() throws Exception {
        start(SimulatorConfig.builder(CaptureReplay.load(Golden.capture(), true)));
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.request(0, ENCORE);
            List<RawClient.Received> got = client.records(31 + 38 * 3, QUIET, true);
            assertThat(got).hasSizeGreaterThanOrEqualTo(31 + 38 * 3); // whole bundles arrive
            got = got.subList(0, 31 + 38 * 3);
            List<RawClient.Received> events = got.stream().filter(r -> r.recordType() == 71).collect(Collectors.toList());
            assertThat(events.stream().map(RawClient.Received::archiveTimestamp)).isSorted();
            // connection identity includes the first-packet second, which each pass shifts too
            assertThat(events.stream().map(r -> java.util.Arrays.toString(r.body()))).doesNotHaveDuplicates();
            long first = events.get(0).archiveTimestamp();
            assertThat(events.get(38).archiveTimestamp()).isGreaterThan(events.get(37).archiveTimestamp());
            assertThat(first).isEqualTo(1606923302L);
        }
    }

    @Test
    void loopingReplayJumpsToTheRequestedSecond() throws Exception {
        start(SimulatorConfig.builder(CaptureReplay.load(Golden.capture(), true)));
        long t = 1_700_000_000L;
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.request(t, ENCORE.without(RequestFlags.METADATA));
            List<RawClient.Received> got = client.records(50, QUIET, true);
            assertThat(got).hasSizeGreaterThanOrEqualTo(50).allMatch(r -> r.archiveTimestamp() >= t && r.archiveTimestamp() < t + 2 * 4652);
        }
    }

    @Test
    void severalClientsAtOnceGetTheirOwnConnectionIds() throws Exception {
        start(SimulatorConfig.builder(replay));
        try (RawClient a = RawClient.connect(simulator.port()); RawClient b = RawClient.connect(simulator.port())) {
            a.request(0, ENCORE);
            b.request(0, ENCORE);
            assertThat(a.records(69, QUIET, true)).hasSize(69);
            assertThat(b.records(69, QUIET, true)).hasSize(69);
            assertThat(a.connectionIds.get(0)).isNotEqualTo(b.connectionIds.get(0));
        }
        assertThat(simulator.connections()).isEqualTo(2);
        // the counters move just after the bytes leave; the client can be a hair faster
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((simulator.recordsSent() < 138
                || simulator.recordsPerConnection().values().stream().mapToLong(Long::longValue).sum() < 138)
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(simulator.recordsPerConnection().values()).containsExactly(69L, 69L);
    }
}
