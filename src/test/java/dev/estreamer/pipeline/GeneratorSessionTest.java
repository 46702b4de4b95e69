package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.sim.Fault;
import dev.estreamer.sim.Faults;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import dev.estreamer.sim.SyntheticGenerator;
import dev.estreamer.testing.ClientHarness;
import dev.estreamer.testing.TestPki;
import dev.estreamer.wire.RequestFlags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client against the simulator's synthetic traffic: every generated event arrives, through a reconnect. */
@Timeout(60)
class GeneratorSessionTest {
    private static final int EVENTS = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyGeneratedEventArrivesOnceDecodedWithItsIdentity() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        SyntheticGenerator generator = SyntheticGenerator.builder().seed(7).count(EVENTS).allFamilies(false).build();
        SimulatorConfig config = SimulatorConfig.builder(generator)
                .tls(ServerTls.server(pki.serverKeystore(), TestPki.PASSWORD.toCharArray()))
                .peerCheck(PeerCheck.Mode.STRICT_IP).faults(Faults.once(Fault.dropAfter(1200))).build();
        try (Simulator sim = new Simulator(config).start();
                FmcPipeline p = ClientHarness.pipeline(ClientHarness.settings(sim.port(), RequestFlags.ENCORE_DEFAULT,
                        Duration.ofSeconds(30)), ClientHarness.tls(pki), dir.resolve("data"), dir.resolve("out"),
                        FmcPipeline.Start.BOOKMARK)) {
            p.start();
            Set<Long> keys = new HashSet<>();
            assertThat(ClientHarness.await(Duration.ofSeconds(40), () -> {
                keys.clear();
                for (String line : ClientHarness.lines(dir.resolve("out"))) {
                    JsonNode n = read(line);
                    if (n.get("recordType").asInt() == 71) {
                        keys.add(SyntheticGenerator.eventIndex(n.get("clientUrl").get("data").asText()));
                    }
                }
                return keys.size() == EVENTS;
            })).isTrue();
            assertThat(keys).allMatch(k -> k >= 0 && k < EVENTS);
            assertThat(p.stats().malformed.get()).isZero();
            assertThat(p.stats().unknownType.get()).isZero();
            assertThat(p.sessionStats().connects.get()).isGreaterThanOrEqualTo(2);
            // the default Streaming Request asks for connection v17, which the simulator answers with block 174
            JsonNode any = ClientHarness.lines(dir.resolve("out")).stream().map(GeneratorSessionTest::read)
                    .filter(n -> n.get("recordType").asInt() == 71).findFirst().orElseThrow();
            assertThat(any.get("blockType").asInt()).isEqualTo(174);
            assertThat(List.of("initiatorIpAddress", "responderIpAddress", "initiatorPort", "responderPort", "clientUrl"))
                    .allMatch(any::has);
        }
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
