package dev.estreamer.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.record.Fields;
import dev.estreamer.wire.StreamingRequest;
import dev.estreamer.record.Record;
import dev.estreamer.record.Status;
import dev.estreamer.wire.EventStreamRequest;
import dev.estreamer.wire.EventVersion;
import dev.estreamer.wire.RequestFlags;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The generator is deterministic, resumable by archive second, and every event is identifiable. */
@Timeout(30)
class SyntheticGeneratorTest {
    static final RequestFlags ENCORE = RequestFlags.ENCORE_DEFAULT;
    final RecordDecoder decoder = new RecordDecoder();
    Simulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    String key(RawClient.Received r) {
        Record record = decoder.decode(r.payload());
        assertThat(record.status()).isEqualTo(Status.DECODED);
        return String.valueOf(record.fields().path("clientUrl.data")).replace("\u0000", "");
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() {
        SyntheticGenerator a = SyntheticGenerator.builder().seed(42).build();
        SyntheticGenerator b = SyntheticGenerator.builder().seed(42).build();
        SyntheticGenerator c = SyntheticGenerator.builder().seed(43).build();
        for (long n = 0; n < 50; n++) {
            assertThat(a.event(n, 160).body()).isEqualTo(b.event(n, 160).body());
        }
        assertThat(LongStream.range(0, 50).filter(n -> !java.util.Arrays.equals(a.event(n, 160).body(),
                c.event(n, 160).body())).count()).isGreaterThan(40);
        assertThat(a.metadata()).hasSameSizeAs(b.metadata());
    }

    @Test
    void metadataDecodesAndNamesTheDevice() {
        SyntheticGenerator g = SyntheticGenerator.builder().deviceName("sim-ftd-07").build();
        Set<Integer> types = new HashSet<>();
        for (SourceRecord m : g.metadata()) {
            Record r = decoder.decode(m.payload(true, 0));
            assertThat(r.status()).as("record %d", m.recordType()).isEqualTo(Status.DECODED);
            assertThat(r.hasArchiveTimestamp()).isFalse();
            types.add(m.recordType());
        }
        assertThat(types).contains(123, 115, 116, 145, 119, 120, 63, 55, 109, 98, 520, 121, 122);
        Record device = decoder.decode(g.metadata().get(0).payload(true, 0));
        assertThat(device.recordType()).isEqualTo(123);
        assertThat(String.valueOf(device.fields().get("name"))).isEqualTo("sim-ftd-07");
    }

    @Test
    void nEventsCarryNDistinctKeysOverTheWire() throws Exception {
        SyntheticGenerator g = SyntheticGenerator.builder().seed(7).count(300).allFamilies(false).build();
        simulator = new Simulator(SimulatorConfig.builder(g).build()).start();
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.request(EventStreamRequest.GENESIS, ENCORE);
            List<RawClient.Received> got = client.records(1000, Duration.ofMillis(800), true);
            List<RawClient.Received> events = got.stream().filter(r -> r.recordType() == 71).collect(Collectors.toList());
            assertThat(got).hasSize(g.metadata().size() + 300);
            assertThat(got.subList(0, g.metadata().size())).allMatch(r -> r.recordType() != 71 && r.headerLength() == 8);
            Set<String> keys = events.stream().map(this::key).collect(Collectors.toSet());
            assertThat(keys).hasSize(300)
                    .isEqualTo(LongStream.range(0, 300).mapToObj(SyntheticGenerator::eventKey).collect(Collectors.toSet()));
            assertThat(events.stream().map(RawClient.Received::archiveTimestamp)).isSorted();
            assertThat(events.get(0).archiveTimestamp()).isEqualTo(1_700_000_000L);
            assertThat(events.get(299).archiveTimestamp()).isEqualTo(1_700_000_000L + 299 / 5);
            Set<Object> protocols = events.stream().map(r -> decoder.decode(r.payload()).fields().get("protocol"))
                    .collect(Collectors.toSet());
            assertThat(protocols).hasSizeGreaterThanOrEqualTo(3);
            long v6 = events.stream().map(r -> String.valueOf(decoder.decode(r.payload()).fields().get("initiatorIpAddress")))
                    .filter(ip -> ip.contains(":")).count();
            assertThat(v6).isBetween(30L, 200L);
        }
    }

    @Test
    void resumingFromSecondTGetsExactlyTheEventsFromT() throws Exception {
        SyntheticGenerator g = SyntheticGenerator.builder().count(200).allFamilies(false).build();
        long t = g.archiveTimestamp(57); // second 11: events 55..59 share it
        simulator = new Simulator(SimulatorConfig.builder(g).build()).start();
        try (RawClient client = RawClient.connect(simulator.port())) {
            client.request(t, ENCORE.without(RequestFlags.METADATA));
            List<RawClient.Received> got = client.records(1000, Duration.ofMillis(800), true);
            assertThat(got).hasSize(200 - 55);
            assertThat(key(got.get(0))).isEqualTo(SyntheticGenerator.eventKey(55));
            assertThat(got).allMatch(r -> r.archiveTimestamp() >= t);
        }
    }

    @Test
    void requestedConnectionVersionSelectsTheBlock() throws Exception {
        assertThat(SyntheticGenerator.connectionBlock(OptionalInt.empty())).isEqualTo(160);
        assertThat(SyntheticGenerator.connectionBlock(OptionalInt.of(12))).isEqualTo(160);
        assertThat(SyntheticGenerator.connectionBlock(OptionalInt.of(14))).isEqualTo(160);
        assertThat(SyntheticGenerator.connectionBlock(OptionalInt.of(15))).isEqualTo(163);
        assertThat(SyntheticGenerator.connectionBlock(OptionalInt.of(16))).isEqualTo(170);
        assertThat(SyntheticGenerator.connectionBlock(OptionalInt.of(17))).isEqualTo(174);
        assertThat(SyntheticGenerator.connectionBlock(OptionalInt.of(21))).isEqualTo(174);
        SyntheticGenerator g = SyntheticGenerator.builder().count(5).allFamilies(false).build();
        simulator = new Simulator(SimulatorConfig.builder(g).build()).start();
        for (int[] pair : new int[][] {{14, 160}, {15, 163}, {16, 170}, {17, 174}}) {
            try (RawClient client = RawClient.connect(simulator.port())) {
                client.request(0, ENCORE.without(RequestFlags.METADATA),
                        List.of(new EventVersion(EventVersion.CONNECTION, pair[0])));
                List<RawClient.Received> got = client.records(5, Duration.ofMillis(800), true);
                assertThat(got).hasSize(5);
                for (RawClient.Received r : got) {
                    assertThat(ByteBuffer.wrap(r.body()).getInt(56)).as("v%d", pair[0]).isEqualTo(pair[1]);
                    Record decoded = decoder.decode(r.payload());
                    assertThat(decoded.status()).isEqualTo(Status.DECODED);
                    assertThat(key(r)).startsWith("https://sim.example/e/");
                }
            }
        }
        assertThat(simulator.sessions()).extracting(s -> s.versions().get(0).version()).containsExactly(14, 15, 16, 17);
    }

    @Test
    void nowStreamsLiveEventsAtTheConfiguredRate() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        SyntheticGenerator g = SyntheticGenerator.builder().startEpoch(now - 100).eventsPerSecond(2).rate(40).allFamilies(false).build();
        simulator = new Simulator(SimulatorConfig.builder(g).build()).start();
        try (RawClient client = RawClient.connect(simulator.port())) {
            long start = System.nanoTime();
            client.request(EventStreamRequest.NOW, ENCORE.without(RequestFlags.METADATA));
            List<RawClient.Received> got = client.records(20, Duration.ofSeconds(2), true);
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(got).hasSize(20).allMatch(r -> r.archiveTimestamp() >= now);
            assertThat(elapsedMillis).as("20 events at 40/s").isGreaterThanOrEqualTo(400);
            assertThat(SyntheticGenerator.eventIndex(key(got.get(0)))).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void aClientThatLosesItsConnectionAndResumesFromItsBookmarkMissesNothing() throws Exception {
        SyntheticGenerator g = SyntheticGenerator.builder().seed(3).count(400).allFamilies(false).build();
        simulator = new Simulator(SimulatorConfig.builder(g).recordsPerBundle(20)
                .faults(Faults.once(Fault.dropAfter(g.metadata().size() + 173))).build()).start();
        Set<Long> delivered = new HashSet<>();
        long bookmark = 0;
        for (int attempt = 0; attempt < 2; attempt++) {
            try (RawClient client = RawClient.connect(simulator.port())) {
                client.request(bookmark, ENCORE);
                for (RawClient.Received r : client.records(10_000, Duration.ofMillis(800), true)) {
                    if (r.recordType() == 71) {
                        delivered.add(SyntheticGenerator.eventIndex(key(r)));
                        bookmark = Math.max(bookmark, r.archiveTimestamp());
                    }
                }
            }
            if (attempt == 0) {
                assertThat(delivered).hasSize(173);
            }
        }
        assertThat(delivered).containsAll(LongStream.range(0, 400).boxed().collect(Collectors.toList())).hasSize(400);
    }

    @Test
    void everyFamilyDecodesInEveryBlockVersionWithItsIdentity() {
        SyntheticGenerator g = SyntheticGenerator.builder().seed(5).build();
        List<SyntheticGenerator.Blocks> versions = List.of(SyntheticGenerator.Blocks.PLAIN,
                new SyntheticGenerator.Blocks(163, 81, 79, 80), new SyntheticGenerator.Blocks(174, 85, 79, 80),
                new SyntheticGenerator.Blocks(170, 60, 56, 62));
        Set<Integer> types = new HashSet<>();
        Set<String> blocks = new HashSet<>();
        for (SyntheticGenerator.Blocks b : versions) {
            RecordDecoder d = new RecordDecoder();
            for (long n = 0; n < 200; n++) {
                SourceRecord source = g.event(n, b);
                Record r = d.decode(source.payload(true, 0));
                assertThat(r.status()).as("event %d: %s", n, r.fields()).isEqualTo(Status.DECODED);
                assertThat(r.recordType()).isEqualTo(g.recordType(n)).isEqualTo(source.recordType());
                assertThat(r.archiveTimestamp()).isEqualTo(g.archiveTimestamp(n));
                types.add(r.recordType());
                Fields f = r.fields();
                if (f.get("blockType") instanceof Long block) {
                    blocks.add(r.recordType() + ":" + block);
                }
                assertThat(identity(r)).as("identity of event %d (%d)", n, r.recordType()).isEqualTo(n);
            }
            assertThat(d.stats().extendedBlocks()).isEmpty();
            assertThat(d.stats().unexpectedBlocks()).isEmpty();
        }
        assertThat(types).containsExactlyInAnyOrder(71, 400, 2, 110, 9, 500, 502, 125, 112, 10, 11, 15, 94, 95, 170, 171);
        assertThat(blocks).contains("71:160", "71:163", "71:170", "71:174", "400:60", "400:81", "400:85", "500:56",
                "500:79", "502:56", "502:79", "125:62", "125:80", "112:156", "94:155", "95:167", "170:167", "171:167");
        assertThat(g.event(5, 160).body()).as("slot 5 carries a Security Intelligence hit")
                .isNotEqualTo(SyntheticGenerator.builder().seed(5).allFamilies(false).build().event(5, 160).body());
        assertThat(decoder.decode(g.event(5, 160).payload(true, 0)).fields().get("securityIntelligenceSourceDestination"))
                .isEqualTo(2L);
    }

    /** The index n a generated record carries, by its family's identity rule (class comment). */
    static long identity(Record r) {
        Fields f = r.fields();
        return switch (r.recordType()) {
            case 71 -> SyntheticGenerator.eventIndex(String.valueOf(f.path("clientUrl.data")));
            case 400, 112 -> (Long) f.get("eventId");
            case 2 -> (Long) f.get("eventId") + 1;
            case 110 -> (Long) f.get("eventId") + 2;
            case 9 -> (Long) f.get("eventId") + 3;
            case 500, 502, 125 -> SyntheticGenerator.eventIndex(String.valueOf(f.path("uri.data")));
            default -> (Long) f.get("eventMicrosecond");
        };
    }

    @Test
    void requestFlagsAndVersionsDecideWhatIsSentAndTheCountsSayIt() throws Exception {
        SyntheticGenerator g = SyntheticGenerator.builder().seed(9).count(400).build();
        simulator = new Simulator(SimulatorConfig.builder(g).build()).start();
        RequestFlags noExtras = ENCORE.without(RequestFlags.PACKETS).without(RequestFlags.EXTRA_DATA)
                .without(RequestFlags.IMPACT_ALERTS);
        List<EventVersion> older = List.of(new EventVersion(EventVersion.INTRUSION, 9), new EventVersion(EventVersion.FILE, 6),
                new EventVersion(EventVersion.MALWARE, 7), new EventVersion(EventVersion.CONNECTION, 15),
                new EventVersion(EventVersion.METADATA, 4));
        record Case(RequestFlags flags, List<EventVersion> versions) {
        }
        for (Case c : List.of(new Case(ENCORE, StreamingRequest.defaultEvents()), new Case(noExtras, StreamingRequest.defaultEvents()),
                new Case(ENCORE, older))) {
            Subscription s = new Subscription(0, c.flags(), c.versions(), 0);
            Map<Integer, Long> expected = g.recordCounts(s);
            try (RawClient client = RawClient.connect(simulator.port())) {
                client.request(0, c.flags(), c.versions());
                int total = expected.values().stream().mapToInt(Long::intValue).sum();
                List<RawClient.Received> got = client.records(total + 10, Duration.ofMillis(800), true);
                Map<Integer, Long> counts = new TreeMap<>();
                for (RawClient.Received r : got) {
                    counts.merge(r.recordType(), 1L, Long::sum);
                    Record decoded = decoder.decode(r.payload());
                    assertThat(decoded.status()).as("%s", decoded.fields()).isEqualTo(Status.DECODED);
                    if (r.recordType() == 400) {
                        assertThat(decoded.fields().get("blockType")).isEqualTo(c.versions() == older ? 60L : 85L);
                    }
                }
                assertThat(counts).as("flags %s", c.flags().names()).isEqualTo(expected);
            }
        }
        Map<Integer, Long> all = g.recordCounts(new Subscription(0, ENCORE, StreamingRequest.defaultEvents(), 0));
        assertThat(all).containsEntry(71, 100L).containsEntry(400, 20L).containsEntry(2, 20L).containsEntry(110, 20L)
                .containsEntry(9, 20L).containsEntry(170, 20L);
        Map<Integer, Long> none = g.recordCounts(new Subscription(0, noExtras, StreamingRequest.defaultEvents(), 0));
        assertThat(none).doesNotContainKeys(2, 110, 9).containsEntry(400, 20L);
        Map<Integer, Long> connectionsOnly = g.recordCounts(new Subscription(0, ENCORE.without(RequestFlags.METADATA),
                List.of(new EventVersion(EventVersion.CONNECTION, 17)), 0));
        assertThat(connectionsOnly).containsOnlyKeys(71).containsEntry(71, 100L);
    }
}
