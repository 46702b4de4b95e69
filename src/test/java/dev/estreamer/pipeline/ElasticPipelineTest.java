package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.config.ConfigLoader;
import dev.estreamer.config.EstreamerConfig;
import dev.estreamer.config.FileCheck;
import dev.estreamer.decode.Catalogue;
import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.decode.RecordType;
import dev.estreamer.format.EcsFormatter;
import dev.estreamer.record.Family;
import dev.estreamer.record.Record;
import dev.estreamer.sim.CaptureReplay;
import dev.estreamer.sim.EventSource;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.SessionInfo;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import dev.estreamer.sim.Subscription;
import dev.estreamer.sim.SyntheticGenerator;
import dev.estreamer.testing.ClientHarness;
import dev.estreamer.testing.ElasticServer;
import dev.estreamer.testing.Golden;
import dev.estreamer.testing.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * FMC simulator → the real client pipeline built by {@link Assembly} from a configuration file with an
 * {@code ecs} outputter on {@code elasticsearch://} → a real Elasticsearch 9.2: every record sent is one
 * document in its family's data stream, addresses are {@code ip} fields, names are resolved, nothing is
 * dead-lettered.
 */
@Timeout(180)
class ElasticPipelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Catalogue CATALOGUE = Catalogue.standard();

    @TempDir
    Path dir;

    @Test
    void everyFamilyFromTheGeneratorLandsInItsDataStream() throws Exception {
        int events = 3000;
        SyntheticGenerator generator = SyntheticGenerator.builder().seed(5).count(events).allFamilies(true)
                .deviceName("es-sensor-7").build();
        String ns = "synth" + System.nanoTime() % 100000;
        Run run = stream(generator, ns, s -> generator.recordCounts(subscription(s)).values().stream()
                .mapToLong(Long::longValue).sum());

        Map<String, Long> expected = new TreeMap<>();
        generator.recordCounts(subscription(run.session)).forEach((type, n) -> expected.merge(family(type), n, Long::sum));
        assertThat(expected.keySet()).as("the generator covers every family")
                .containsExactlyInAnyOrder("intrusion", "connection", "file", "malware", "correlation", "discovery",
                        "user", "metadata");
        long total = expected.values().stream().mapToLong(Long::longValue).sum();
        assertThat(run.written).as("records the pipeline wrote").isEqualTo(total);
        assertCounts(expected, ns);

        String conn = "logs-cisco_firepower.connection-" + ns;
        long connections = expected.get("connection");
        long v4 = count(conn, term("source.ip", "10.0.0.0/8"));
        long v6 = count(conn, term("source.ip", "2001:db8:10::/48"));
        assertThat(v4).as("IPv4 initiators (10/8)").isPositive();
        assertThat(v6).as("IPv6 initiators (2001:db8:10::/48)").isPositive();
        assertThat(v4 + v6).as("the two CIDR queries partition the connections").isEqualTo(connections);
        assertThat(count(conn, term("source.ip", "10.0.0.0/16"))).as("a narrower prefix finds fewer").isPositive()
                .isLessThan(v4);
        assertThat(count(conn, term("observer.name", "es-sensor-7"))).as("the sensor's name, from metadata")
                .isEqualTo(connections);
        String mapping = get("/" + conn + "/_mapping/field/source.ip,destination.ip");
        assertThat(JSON.readTree(mapping).findValues("type")).extracting(JsonNode::asText).containsOnly("ip");
        assertNoDeadLetters(ns);
    }

    @Test
    void theGoldenCaptureLandsOnceWithNamesAndIpFields() throws Exception {
        String ns = "gold" + System.nanoTime() % 100000;
        CaptureReplay capture = CaptureReplay.load(Golden.bundles(dir));
        Run run = stream(capture, ns, s -> Golden.payloads().size());

        RecordDecoder decoder = new RecordDecoder();
        Map<String, Long> expected = new TreeMap<>();
        long private192 = 0;
        for (byte[] raw : Golden.payloads()) {
            Record r = decoder.decode(raw);
            expected.merge(EcsFormatter.family(r.family()), 1L, Long::sum);
            if (r.fields().get("initiatorIpAddress") instanceof String s && s.startsWith("192.168.")) {
                private192++;
            }
        }
        assertThat(run.written).isEqualTo(Golden.payloads().size());
        assertCounts(expected, ns);
        String conn = "logs-cisco_firepower.connection-" + ns;
        assertThat(private192).isPositive();
        assertThat(count(conn, term("source.ip", "192.168.0.0/16"))).as("CIDR term query on source.ip")
                .isEqualTo(private192);
        assertThat(count(conn, "{\"query\":{\"exists\":{\"field\":\"observer.name\"}}}")).as("sensor names")
                .isEqualTo(expected.get("connection"));
        assertThat(count(conn, term("observer.ingress.zone", "inside"))).as("zone names, not ids").isPositive();
        assertNoDeadLetters(ns);
    }

    private record Run(SessionInfo session, long written) {
    }

    private Run stream(EventSource source, String namespace, ToLongFunction<SessionInfo> total) throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        SimulatorConfig simConfig = SimulatorConfig.builder(source)
                .tls(ServerTls.server(pki.serverKeystore(), TestPki.PASSWORD.toCharArray()))
                .peerCheck(PeerCheck.Mode.STRICT_IP).build();
        try (Simulator sim = new Simulator(simConfig).start()) {
            Files.writeString(dir.resolve("password"), TestPki.PASSWORD);
            Path conf = dir.resolve("estreamer.conf");
            Files.writeString(conf, """
                    {"dataDirectory": "data", "start": 0, "batchSize": 500,
                     "subscription": {"servers": [{"host": "127.0.0.1", "port": %d, "pkcs12Filepath": "%s",
                                                   "pkcs12PasswordFile": "password"}]},
                     "handler": {"outputters": [{"adapter": "ecs", "stream": {"uri": "elasticsearch://"},
                                                 "elasticsearch": {"hosts": ["%s"], "namespace": "%s", "workers": 2}}]}}
                    """.formatted(sim.port(), pki.clientPkcs12(), ElasticServer.url(), namespace));
            EstreamerConfig config = ConfigLoader.load(conf, FileCheck.REQUIRE_EXISTING);
            List<FmcPipeline> pipelines = Assembly.build(config, s -> TestPki.PASSWORD.toCharArray());
            assertThat(pipelines).hasSize(1);
            FmcPipeline p = pipelines.get(0);
            p.start();
            try {
                boolean done = ClientHarness.await(Duration.ofSeconds(90), () -> !sim.sessions().isEmpty() && sim.sessions().get(0).flags() != null
                        && p.stats().written.get() >= total.applyAsLong(sim.sessions().get(0)));
                assertThat(done).as("%d records written; see the log", p.stats().written.get()).isTrue();
                Thread.sleep(300); // nothing more may come
                return new Run(sim.sessions().get(0), p.stats().written.get());
            } finally {
                p.stop(Duration.ofSeconds(10));
                post("/logs-cisco_firepower.*-" + namespace + "/_refresh", null);
            }
        }
    }

    private static Subscription subscription(SessionInfo s) {
        return new Subscription(s.initialTimestamp(), s.flags(), s.versions(), 0);
    }

    private static String family(int recordType) {
        RecordType t = CATALOGUE.recordType(recordType).orElseThrow(() -> new AssertionError("record type " + recordType));
        return EcsFormatter.family(t.family() == null ? Family.UNKNOWN : t.family());
    }

    private void assertCounts(Map<String, Long> expected, String ns) throws Exception {
        assertThat(count("logs-cisco_firepower.*-" + ns, null)).as("no documents anywhere else")
                .isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            assertThat(count("logs-cisco_firepower." + e.getKey() + "-" + ns, null)).as("documents in %s", e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    private void assertNoDeadLetters(String ns) throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(n -> n.contains("dead-letter"));
        }
        assertThat(count("logs-cisco_firepower.*-" + ns, "{\"query\":{\"exists\":{\"field\":\"_ignored\"}}}"))
                .as("no field was dropped by a mapping conflict").isZero();
    }

    private static String term(String field, String value) {
        return "{\"query\":{\"term\":{\"" + field + "\":\"" + value + "\"}}}";
    }

    static long count(String index, String query) throws Exception {
        String body = post("/" + index + "/_count", query == null ? "{\"query\":{\"match_all\":{}}}" : query);
        return JSON.readTree(body).path("count").asLong(-1);
    }

    static String post(String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ElasticServer.url() + path))
                .header("Content-Type", "application/json");
        b = json == null ? b.POST(HttpRequest.BodyPublishers.noBody()) : b.POST(HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isLessThan(300);
        return r.body();
    }

    static String get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ElasticServer.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isLessThan(300);
        return r.body();
    }
}
