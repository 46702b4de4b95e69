package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import dev.estreamer.sim.Subscription;
import dev.estreamer.sim.SyntheticGenerator;
import dev.estreamer.testing.ClientHarness;
import dev.estreamer.testing.TestPki;
import dev.estreamer.wire.RequestFlags;
import dev.estreamer.wire.StreamingRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the simulator's traffic of every family over mutual TLS: each record type arrives as
 * often as the simulator sent it, decoded (nothing malformed or unknown) and named by the enrichment.
 */
@Timeout(90)
class FamiliesSessionTest {
    private static final int EVENTS = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyFamilyArrivesAsOftenAsSentDecodedAndNamed() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        SyntheticGenerator generator = SyntheticGenerator.builder().seed(11).count(EVENTS).build();
        RequestFlags flags = RequestFlags.ENCORE_DEFAULT;
        // what ClientHarness asks for: eNcore's flags from the start, with the default Streaming Request
        Map<Integer, Long> sent = generator.recordCounts(new Subscription(0, flags, StreamingRequest.defaultEvents(), 0));
        long total = sent.values().stream().mapToLong(Long::longValue).sum();
        assertThat(sent.keySet()).contains(71, 400, 2, 110, 9, 500, 502, 125, 112, 10, 11, 15, 94, 95, 170, 171,
                66, 67, 4, 118, 111, 510, 69, 70, 280, 123);
        SimulatorConfig config = SimulatorConfig.builder(generator)
                .tls(ServerTls.server(pki.serverKeystore(), TestPki.PASSWORD.toCharArray()))
                .peerCheck(PeerCheck.Mode.STRICT_IP).build();
        try (Simulator sim = new Simulator(config).start();
                FmcPipeline p = ClientHarness.pipeline(ClientHarness.settings(sim.port(), flags, Duration.ofSeconds(30)),
                        ClientHarness.tls(pki), dir.resolve("data"), dir.resolve("out"), FmcPipeline.Start.BOOKMARK)) {
            p.start();
            List<JsonNode> lines = new ArrayList<>();
            boolean complete = ClientHarness.await(Duration.ofSeconds(60), () -> {
                lines.clear();
                ClientHarness.lines(dir.resolve("out")).forEach(l -> lines.add(read(l)));
                return lines.size() >= total;
            });
            assertThat(complete).as("%d of %d records written", lines.size(), total).isTrue();

            Map<Integer, Long> received = new TreeMap<>();
            Map<Integer, JsonNode> firstOfType = new HashMap<>();
            for (JsonNode n : lines) {
                int type = n.get("recordType").asInt();
                received.merge(type, 1L, Long::sum);
                firstOfType.putIfAbsent(type, n);
            }
            assertThat(received).isEqualTo(sent);
            assertThat(p.stats().malformed.get()).isZero();
            assertThat(p.stats().unknownType.get()).isZero();

            // the blocks of the default Streaming Request's versions
            assertThat(firstOfType.get(400).get("blockType").asInt()).isEqualTo(85);
            assertThat(firstOfType.get(500).get("blockType").asInt()).isEqualTo(79);
            assertThat(firstOfType.get(125).get("blockType").asInt()).isEqualTo(80);
            assertThat(firstOfType.get(71).get("blockType").asInt()).isEqualTo(174);

            // every intrusion event once, named from its metadata
            Set<Long> intrusionIds = new HashSet<>();
            for (JsonNode n : lines) {
                if (n.get("recordType").asInt() == 400) {
                    intrusionIds.add(n.get("eventId").asLong());
                    JsonNode c = n.get("@computed");
                    assertThat(c.path("message").asText()).startsWith("SIM-");
                    assertThat(c.path("sensor").asText()).isEqualTo("sim-ftd-01");
                    assertThat(c.path("classificationName").asText()).isNotEmpty();
                    assertThat(c.path("priority").asText()).isIn("high", "medium", "low");
                    assertThat(c.path("idsPolicy").asText()).isEqualTo("Balanced Security and Connectivity");
                }
            }
            assertThat(intrusionIds).hasSize(sent.get(400).intValue()).allMatch(id -> id % 20 == 1);

            JsonNode file = firstOfType.get(500).get("@computed");
            assertThat(file.path("fileType").asText()).isIn("PDF", "MSEXE", "ZIP", "MSOLE2");
            assertThat(file.path("sensor").asText()).isEqualTo("sim-ftd-01");
            JsonNode correlation = firstOfType.get(112).get("@computed");
            assertThat(correlation.path("correlationPolicy").asText()).isEqualTo("sim-correlation-policy");
            assertThat(correlation.path("correlationRule").asText()).isEqualTo("High impact intrusion");
            assertThat(correlation.path("message").asText()).startsWith("SIM-");

            // connection events with a Security Intelligence hit are a family of their own, with the list named
            List<JsonNode> si = lines.stream().filter(n -> n.get("recordType").asInt() == 71
                    && "SECURITY_INTELLIGENCE".equals(n.get("@computed").path("recordTypeFamily").asText())).toList();
            assertThat(si).hasSize(EVENTS / 20);
            assertThat(si).allMatch(n -> Set.of("Malware", "Phishing", "CnC")
                    .contains(n.get("@computed").path("securityIntelligenceList1").asText()));
            assertThat(si).allMatch(n -> SyntheticGenerator.eventIndex(n.get("clientUrl").get("data").asText()) % 20 == 5);
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
