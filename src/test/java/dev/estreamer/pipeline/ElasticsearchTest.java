package dev.estreamer.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.format.EcsFormatter;
import dev.estreamer.record.Record;
import dev.estreamer.record.Status;
import dev.estreamer.sink.Payload;
import dev.estreamer.sink.elastic.ElasticSink;
import dev.estreamer.sink.elastic.ElasticSinkConfig;
import dev.estreamer.sink.elastic.TemplateInstaller;
import dev.estreamer.testing.ElasticServer;
import dev.estreamer.testing.Golden;
import dev.estreamer.testing.RecordingBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden capture, as ECS documents, into a real Elasticsearch 9.2 set up by TemplateInstaller. */
@Timeout(240)
class ElasticsearchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    Path dir;

    @Test
    void goldenCaptureIsIndexedOnceWithTypedMappings() throws Exception {
        String es = ElasticServer.url();
        String namespace = "golden" + System.nanoTime() % 100000;
        ElasticSink sink = ElasticSinkConfig.defaults(List.of(es), dir.resolve("dead.ndjson"))
                .withBulk(25, 1 << 20, 2, true, java.time.Duration.ofSeconds(30)).build();
        try (sink) {
            TemplateInstaller.Result setup = TemplateInstaller.of(sink).install("7d");
            assertThat(setup.ilm()).as("the integ-test distribution has no ILM").isFalse();
            assertThat(String.join("\n", setup.notes())).contains("data stream lifecycle").contains("match_only_text");
            assertThat(TemplateInstaller.of(sink).install("7d").notes()).as("idempotent").isEqualTo(setup.notes());

            ElasticRouting routing = new ElasticRouting(new EcsFormatter(namespace), "fmc.example:8302");
            Enrichment enrichment = Enrichment.inMemory();
            RecordDecoder decoder = new RecordDecoder();
            List<Payload> payloads = new ArrayList<>();
            Map<String, Integer> expected = new TreeMap<>();
            int private192 = 0;
            for (byte[] raw : Golden.payloads()) {
                Record r = enrichment.apply(decoder.decode(raw));
                assertThat(r.status()).isEqualTo(Status.DECODED);
                payloads.add(new Payload(payloads.size(), routing.format(r)));
                expected.merge(EcsFormatter.family(r.family()), 1, Integer::sum);
                Object ip = r.fields().get("initiatorIpAddress");
                if (ip instanceof String s && s.startsWith("192.168.")) {
                    private192++;
                }
            }
            RecordingBatch first = new RecordingBatch(payloads);
            sink.publish(first);
            assertThat(first.outcome()).isEqualTo(RecordingBatch.Outcome.ACKNOWLEDGED);
            assertThat(sink.counters().deadLettered.get()).as("no mapping errors").isZero();
            assertThat(Files.exists(dir.resolve("dead.ndjson"))).isFalse();

            RecordingBatch replay = new RecordingBatch(payloads);
            sink.publish(replay);
            assertThat(replay.outcome()).isEqualTo(RecordingBatch.Outcome.ACKNOWLEDGED);
            assertThat(sink.counters().duplicates.get()).as("a replay creates 409s, not copies").isEqualTo(payloads.size());

            post(es, "/logs-cisco_firepower.*-" + namespace + "/_refresh", null);
            for (Map.Entry<String, Integer> e : expected.entrySet()) {
                assertThat(count(es, "logs-cisco_firepower." + e.getKey() + "-" + namespace, null))
                        .as(e.getKey()).isEqualTo(e.getValue().longValue());
            }
            assertThat(expected).containsEntry("connection", 38).containsEntry("metadata", 31);
            String stream = "logs-cisco_firepower.connection-" + namespace;
            assertThat(private192).isPositive();
            assertThat(count(es, stream, "{\"query\":{\"term\":{\"source.ip\":\"192.168.0.0/16\"}}}"))
                    .as("source.ip is an ip field: a CIDR term query works").isEqualTo(private192);
            assertThat(count(es, stream, "{\"query\":{\"term\":{\"observer.ingress.zone\":\"inside\"}}}"))
                    .as("zone names, not ids").isPositive();

            JsonNode mapping = JSON.readTree(get(es, "/" + stream + "/_mapping/field/source.ip,destination.port,event.start,cisco.firepower"));
            String m = mapping.toString();
            assertThat(m).contains("\"type\":\"ip\"").contains("\"type\":\"long\"").contains("\"type\":\"date\"")
                    .contains("\"type\":\"flattened\"");
        }
    }

    private static long count(String es, String index, String query) throws Exception {
        String body = post(es, "/" + index + "/_count", query == null ? "{\"query\":{\"match_all\":{}}}" : query);
        return JSON.readTree(body).path("count").asLong(-1);
    }

    private static String post(String es, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(es + path)).header("Content-Type", "application/json");
        b = json == null ? b.POST(HttpRequest.BodyPublishers.noBody()) : b.POST(HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isLessThan(300);
        return r.body();
    }

    private static String get(String es, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(es + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isLessThan(300);
        return r.body();
    }
}
