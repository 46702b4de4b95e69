package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.sim.CaptureReplay;
import dev.estreamer.sim.Fault;
import dev.estreamer.sim.Faults;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import dev.estreamer.testing.ClientHarness;
import dev.estreamer.testing.Golden;
import dev.estreamer.testing.TestPki;
import dev.estreamer.wire.RequestFlags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client pipeline over real mutual TLS on loopback against the simulator replaying the real
 * FMC 6.x capture, cleanly and under each injected fault.
 */
@Timeout(60)
class SimulatorSessionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestPki pki;
    private static CaptureReplay capture;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() {
        pki = TestPki.create(shared.resolve("pki"));
        capture = CaptureReplay.load(Golden.bundles(shared));
    }

    private Simulator simulator(Faults faults) {
        SimulatorConfig config = SimulatorConfig.builder(capture)
                .tls(ServerTls.server(pki.serverKeystore(), TestPki.PASSWORD.toCharArray()))
                .peerCheck(PeerCheck.Mode.STRICT_IP).recordsPerBundle(7).ackWindow(3)
                .keepAlive(Duration.ofMillis(300)).faults(faults).build();
        return new Simulator(config).start();
    }

    private FmcPipeline client(Simulator sim, Duration idle) {
        return ClientHarness.pipeline(ClientHarness.settings(sim.port(), RequestFlags.ENCORE_DEFAULT, idle),
                ClientHarness.tls(pki), dir.resolve("data"), dir.resolve("out"), FmcPipeline.Start.BOOKMARK);
    }

    private List<JsonNode> output() {
        return ClientHarness.lines(dir.resolve("out")).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not one JSON object per line: " + l, e);
            }
        }).toList();
    }

    /** Identity of a connection event in the capture (the capture has no duplicates of it). */
    private static String key(JsonNode n) {
        return n.get("archiveTimestamp").asLong() + "/" + n.get("instanceId").asLong() + "/"
                + n.get("connectionCounter").asLong() + "/" + n.get("firstPacketTimestamp").asLong();
    }

    private Set<String> eventKeys() {
        return output().stream().filter(n -> n.get("recordType").asInt() == 71).map(SimulatorSessionTest::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void replaysTheGoldenCaptureIntoJsonFilesAndCommitsTheLastArchiveSecond() {
        try (Simulator sim = simulator(Faults.none()); FmcPipeline p = client(sim, Duration.ofSeconds(30))) {
            p.start();
            assertThat(ClientHarness.await(Duration.ofSeconds(20), () -> p.stats().written.get() == 69)).isTrue();
            p.stop(Duration.ofSeconds(5));
            List<JsonNode> lines = output();
            assertThat(lines).hasSize(69);
            assertThat(lines.stream().filter(n -> n.get("recordType").asInt() == 71)).hasSize(38);
            assertThat(eventKeys()).hasSize(38);
            assertThat(p.stats().malformed.get()).isZero();
            assertThat(p.bookmark()).isEqualTo(1606927953L);
            assertThat(new BookmarkStore(BookmarkStore.fileFor(dir.resolve("data"), "127.0.0.1", sim.port())).read())
                    .hasValue(1606927953L);
            assertThat(p.sessionStats().connects.get()).isEqualTo(1);
        }
    }

    @Test
    void withoutTheExtendedBitTheFmcStreamsPlainEventDataAndNothingIsLost() {
        try (Simulator sim = simulator(Faults.none());
                FmcPipeline p = ClientHarness.pipeline(ClientHarness.settings(sim.port(),
                        RequestFlags.ENCORE_DEFAULT.without(RequestFlags.EXTENDED), Duration.ofSeconds(30)),
                        ClientHarness.tls(pki), dir.resolve("data"), dir.resolve("out"), FmcPipeline.Start.BOOKMARK)) {
            p.start();
            assertThat(ClientHarness.await(Duration.ofSeconds(20), () -> p.stats().written.get() == 69)).isTrue();
            assertThat(p.sessionStats().bundles.get()).isZero();
            assertThat(eventKeys()).hasSize(38);
        }
    }

    @Test
    void aDroppedConnectionIsResumedFromTheBookmarkWithNothingLost() {
        try (Simulator sim = simulator(Faults.once(Fault.dropAfter(40)));
                FmcPipeline p = client(sim, Duration.ofSeconds(30))) {
            p.start();
            assertThat(ClientHarness.await(Duration.ofSeconds(20), () -> eventKeys().size() == 38)).isTrue();
            assertThat(p.sessionStats().connects.get()).isGreaterThanOrEqualTo(2);
            assertThat(p.sessionStats().disconnects.get()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void anFmcErrorMessageLeadsToAReconnect() {
        try (Simulator sim = simulator(Faults.once(Fault.errorAfter(30, 19, "No space")));
                FmcPipeline p = client(sim, Duration.ofSeconds(30))) {
            p.start();
            assertThat(ClientHarness.await(Duration.ofSeconds(20), () -> eventKeys().size() == 38)).isTrue();
            assertThat(p.sessionStats().serverErrors.get()).isEqualTo(1);
            assertThat(p.sessionStats().connects.get()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aStalledFmcIsDetectedByTheIdleTimeoutAndReconnected() {
        try (Simulator sim = simulator(Faults.once(Fault.stallAfter(30, Duration.ofSeconds(30))));
                FmcPipeline p = client(sim, Duration.ofSeconds(1))) {
            p.start();
            assertThat(ClientHarness.await(Duration.ofSeconds(20), () -> eventKeys().size() == 38)).isTrue();
            assertThat(p.sessionStats().connects.get()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void corruptRecordsAreCountedAndSkippedWithoutLosingTheRest() {
        for (Fault.Corruption c : List.of(Fault.Corruption.IMPOSSIBLE_RECORD_LENGTH, Fault.Corruption.GARBAGE)) {
            try (Simulator sim = simulator(Faults.once(Fault.corruptAfter(30, c)));
                    FmcPipeline p = client(sim, Duration.ofSeconds(30))) {
                p.start();
                assertThat(ClientHarness.await(Duration.ofSeconds(20), () -> eventKeys().size() == 38)).as(c.name()).isTrue();
                p.stop(Duration.ofSeconds(5));
                assertThat(p.stats().malformed.get() + p.stats().unknownType.get()).as(c.name()).isGreaterThanOrEqualTo(1);
            }
            clean();
        }
    }

    @Test
    void protocolViolationsDropTheConnectionAndTheClientRecovers() {
        for (Fault f : List.of(Fault.corruptAfter(30, Fault.Corruption.TRUNCATED_ITEM),
                new Fault(Fault.Kind.BAD_VERSION, 30, 0, null, null, null),
                new Fault(Fault.Kind.OVERLONG_LENGTH, 30, 0, null, null, null))) {
            try (Simulator sim = simulator(Faults.once(f)); FmcPipeline p = client(sim, Duration.ofSeconds(30))) {
                p.start();
                assertThat(ClientHarness.await(Duration.ofSeconds(20), () -> eventKeys().size() == 38))
                        .as(f.kind().name()).isTrue();
                if (f.kind() == Fault.Kind.CORRUPT) {
                    // The simulator carries on after a truncated item, so the client must be the one to notice.
                    assertThat(p.sessionStats().protocolErrors.get()).isGreaterThanOrEqualTo(1);
                }
                // After a bad header the simulator closes at once; the client may see the close before the header.
                assertThat(p.sessionStats().disconnects.get()).as(f.kind().name()).isGreaterThanOrEqualTo(1);
                assertThat(p.sessionStats().connects.get()).as(f.kind().name()).isGreaterThanOrEqualTo(2);
            }
            clean();
        }
    }

    private void clean() {
        for (String sub : List.of("out", "data")) {
            Path d = dir.resolve(sub);
            if (java.nio.file.Files.isDirectory(d)) {
                try (var files = java.nio.file.Files.list(d)) {
                    for (Path f : files.toList()) {
                        java.nio.file.Files.delete(f);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }
}
