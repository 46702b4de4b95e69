package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.filter.RecordFilter;
import dev.estreamer.format.EcsFormatter;
import dev.estreamer.record.Record;
import dev.estreamer.sim.CaptureReplay;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import dev.estreamer.sink.elastic.ElasticSink;
import dev.estreamer.sink.elastic.ElasticSinkConfig;
import dev.estreamer.testing.ClientHarness;
import dev.estreamer.testing.Golden;
import dev.estreamer.testing.TestPki;
import dev.estreamer.wire.RequestFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden capture from the simulator through the real pipeline into a MockWebServer playing a troubled
 * Elasticsearch: a 500 on the first request, a timeout on the next batch, then one document answered 429 twice
 * and one refused for good (mapping error) in the same bulk request. While the 429 stands the bookmark stays at
 * or below that document's archive second; in the end every record is indexed exactly once except the refused
 * one, which is in the dead-letter file with its reason and was sent exactly once.
 */
@Timeout(90)
class ElasticBookmarkFaultTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LAST_SECOND = 1606927953L; // the capture's last archive timestamp

    @TempDir
    Path dir;

    /** A stateful troubled cluster; ids it has indexed answer 409 when they come again. */
    private static final class Cluster extends Dispatcher {
        final AtomicInteger requests = new AtomicInteger();
        final Set<String> indexed = ConcurrentHashMap.newKeySet();
        final Map<String, Integer> sends = new ConcurrentHashMap<>();
        final AtomicInteger refusals = new AtomicInteger();
        volatile String blocked;
        volatile String dead;

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            int n = requests.incrementAndGet();
            List<String> ids = new ArrayList<>();
            String[] lines = request.getBody().utf8().split("\n");
            for (int i = 0; i < lines.length; i += 2) {
                try {
                    ids.add(JSON.readTree(lines[i]).at("/create/_id").asText());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
            ids.forEach(id -> sends.merge(id, 1, Integer::sum));
            if (n == 1) {
                return new MockResponse.Builder().code(500).body("{\"error\":\"node restarting\"}").build();
            }
            if (n == 3) {
                return new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).code(200).body("{}").build();
            }
            if (blocked == null && n >= 5 && ids.size() >= 2 && ids.stream().noneMatch(indexed::contains)) {
                blocked = ids.get(0);
                dead = ids.get(ids.size() - 1);
            }
            StringBuilder b = new StringBuilder("{\"errors\":true,\"items\":[");
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                String item;
                if (id.equals(blocked) && refusals.get() < 2) {
                    refusals.incrementAndGet();
                    item = "{\"status\":429,\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"queue full\"}}";
                } else if (id.equals(dead)) {
                    item = "{\"status\":400,\"error\":{\"type\":\"document_parsing_exception\",\"reason\":\"failed to parse field [source.ip]\"}}";
                } else if (indexed.add(id)) {
                    item = "{\"status\":201}";
                } else {
                    item = "{\"status\":409,\"error\":{\"type\":\"version_conflict_engine_exception\",\"reason\":\"exists\"}}";
                }
                b.append(i == 0 ? "" : ",").append("{\"create\":").append(item).append('}');
            }
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body(b.append("]}").toString()).build();
        }
    }

    @Test
    void theBookmarkWaitsForEveryDocumentAndNothingIsLostOrDoubled() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"), b -> b.ellipticCurve(true));
        SimulatorConfig simConfig = SimulatorConfig.builder(CaptureReplay.load(Golden.bundles(dir)))
                .tls(ServerTls.server(pki.serverKeystore(), TestPki.PASSWORD.toCharArray()))
                .peerCheck(PeerCheck.Mode.STRICT_IP).recordsPerBundle(7).ackWindow(3).build();
        Cluster cluster = new Cluster();
        try (Simulator sim = new Simulator(simConfig).start(); MockWebServer es = new MockWebServer()) {
            es.setDispatcher(cluster);
            es.start();
            String identity = "127.0.0.1:" + sim.port();
            ElasticRouting routing = new ElasticRouting(new EcsFormatter(), identity);
            Map<String, Long> archiveSecond = new HashMap<>();
            RecordDecoder decoder = new RecordDecoder();
            for (byte[] raw : Golden.payloads()) {
                Record r = decoder.decode(raw);
                archiveSecond.put(routing.id(r.raw()), r.archiveTimestamp());
            }
            Path deadLetters = dir.resolve("dead.ndjson");
            ElasticSink sink = ElasticSinkConfig.defaults(List.of("http://127.0.0.1:" + es.getPort()), deadLetters)
                    .withBulk(10, 1 << 20, 1, false, Duration.ofMillis(500)).build();
            Path data = dir.resolve("data");
            FmcPipeline p = new FmcPipeline("es-faults", ClientHarness.settings(sim.port(), RequestFlags.ENCORE_DEFAULT,
                    Duration.ofSeconds(30)), ClientHarness.tls(pki), new RecordDecoder(), RecordFilter.all(),
                    List.of(new Output("es", routing, sink)), new BookmarkStore(BookmarkStore.fileFor(data, "127.0.0.1",
                    sim.port())), FmcPipeline.Start.GENESIS, 10, 200, FmcPipeline.DEFAULT_QUEUE_BYTES,
                    Duration.ofMillis(50), Enrichment.inMemory(), Duration.ZERO);
            ch.qos.logback.classic.Logger deliveryLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Delivery.class);
            ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> retries =
                    new ch.qos.logback.core.read.ListAppender<>();
            retries.start();
            deliveryLog.addAppender(retries);
            try {
                p.start();
                assertThat(ClientHarness.await(Duration.ofSeconds(40), () -> cluster.refusals.get() >= 1))
                        .as("a document was answered 429 (%d requests)", cluster.requests.get()).isTrue();
                long blockedSecond = archiveSecond.get(cluster.blocked);
                assertThat(blockedSecond).as("the blocked document is not in the capture's last second").isLessThan(LAST_SECOND);
                long during = p.tracker().committable();
                assertThat(during).as("committable while the 429 stands").isLessThanOrEqualTo(blockedSecond);
                assertThat(ClientHarness.await(Duration.ofSeconds(20), () -> cluster.refusals.get() >= 2)).isTrue();
                assertThat(p.tracker().committable()).as("still waiting for the 429 document").isLessThanOrEqualTo(blockedSecond);
                assertThat(p.commitBookmark()).isLessThanOrEqualTo(blockedSecond);
                assertThat(new BookmarkStore(BookmarkStore.fileFor(data, "127.0.0.1", sim.port())).read().orElse(0L))
                        .as("the bookmark file").isLessThanOrEqualTo(blockedSecond);

                assertThat(ClientHarness.await(Duration.ofSeconds(40), () -> p.stats().written.get() == Golden.payloads().size()))
                        .as("%d written", p.stats().written.get()).isTrue();
            } finally {
                p.stop(Duration.ofSeconds(5));
                deliveryLog.detachAppender(retries);
            }
            List<String> pauses = retries.list.stream().map(e -> e.getFormattedMessage())
                    .filter(m -> m.contains("es_rejected_execution_exception")).map(m -> m.replaceAll(".*retrying in ", ""))
                    .toList();
            assertThat(pauses).as("the 429 document's retries back off exponentially").containsExactly("1 s", "2 s");
            assertThat(p.bookmark()).as("all acknowledged or dead-lettered: the bookmark reaches the end").isEqualTo(LAST_SECOND);

            Set<String> all = new HashSet<>(archiveSecond.keySet());
            assertThat(cluster.indexed).as("indexed once each, all but the refused one")
                    .containsExactlyInAnyOrderElementsOf(all.stream().filter(id -> !id.equals(cluster.dead)).toList());
            assertThat(cluster.sends.get(cluster.dead)).as("a mapping error is never retried").isEqualTo(1);
            assertThat(cluster.sends.get(cluster.blocked)).as("429 retried until accepted").isEqualTo(3);
            List<String> dead = Files.readAllLines(deadLetters);
            assertThat(dead).hasSize(1);
            JsonNode letter = JSON.readTree(dead.get(0));
            assertThat(letter.path("_id").asText()).isEqualTo(cluster.dead);
            assertThat(letter.path("status").asInt()).isEqualTo(400);
            assertThat(letter.at("/error/reason").asText()).contains("source.ip");
            assertThat(letter.path("document").asText()).contains("\"ecs\"");
            assertThat(sink.counters().retried.get()).as("500, timeout and 429 were retried").isPositive();
            assertThat(p.stats().retries.get()).isGreaterThanOrEqualTo(4);
        }
    }
}
