package dev.estreamer.sink.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.sink.SinkException;
import dev.estreamer.testing.RecordingBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Set-up (TemplateInstaller) against a MockWebServer playing the clusters the real-server test cannot be: one
 * with ILM, one that refuses the user's privileges, one that is down when the shipper starts.
 */
@Timeout(60)
class ElasticSetupTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> seen = Collections.synchronizedList(new ArrayList<>());
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
    }

    private ElasticSink sink() {
        return ElasticSinkConfig.defaults(List.of("http://127.0.0.1:" + server.getPort()), dir.resolve("dead.ndjson"))
                .withBulk(100, 1 << 20, 1, false, Duration.ofSeconds(5)).build();
    }

    /** Answers with {@code reply(request)}; remembers every request. */
    private void serve(Function<RecordedRequest, MockResponse> reply) throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                seen.add(request);
                return reply.apply(request);
            }
        });
        server.start();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** A cluster with ILM (the policy does not exist yet) that accepts every PUT and bulk item. */
    private static MockResponse ilmCluster(RecordedRequest r) {
        String target = r.getTarget();
        if (r.getMethod().equals("GET") && target.startsWith("/_ilm/policy/")) {
            return json(404, "{\"error\":{\"type\":\"resource_not_found_exception\",\"reason\":\"Lifecycle policy not found\"},\"status\":404}");
        }
        if (target.startsWith("/_bulk")) {
            return ElasticSinkFaultTest.items(201);
        }
        return json(200, "{\"acknowledged\":true}");
    }

    private JsonNode body(String method, String path) throws Exception {
        for (RecordedRequest r : seen) {
            if (r.getMethod().equals(method) && r.getTarget().equals(path)) {
                return JSON.readTree(r.getBody().utf8());
            }
        }
        throw new AssertionError("no " + method + " " + path + " in " + targets());
    }

    private List<String> targets() {
        synchronized (seen) {
            return seen.stream().map(r -> r.getMethod() + " " + r.getTarget().replaceAll("\\?.*", "")).toList();
        }
    }

    @Test
    void withIlmThePolicyRollsOverBySizeAndAgeAndDeletesAfterTheRetention() throws Exception {
        serve(ElasticSetupTest::ilmCluster);
        try (ElasticSink sink = sink()) {
            TemplateInstaller.Result result = TemplateInstaller.of(sink).install("45d");
            assertThat(result.ilm()).isTrue();
        }
        assertThat(targets()).containsExactly("GET /_ilm/policy/cisco_firepower", "PUT /_ilm/policy/cisco_firepower",
                "PUT /_component_template/cisco_firepower@settings", "PUT /_component_template/cisco_firepower@mappings",
                "PUT /_index_template/logs-cisco_firepower");
        JsonNode policy = body("PUT", "/_ilm/policy/cisco_firepower").path("policy").path("phases");
        assertThat(policy.at("/hot/actions/rollover/max_age").asText()).isNotEmpty();
        assertThat(policy.at("/hot/actions/rollover/max_primary_shard_size").asText()).isNotEmpty();
        assertThat(policy.at("/delete/min_age").asText()).isEqualTo("45d");
        assertThat(policy.at("/delete/actions").has("delete")).isTrue();
        assertThat(body("PUT", "/_component_template/cisco_firepower@settings").at("/template/settings/index/lifecycle/name")
                .asText()).isEqualTo("cisco_firepower");
        JsonNode index = body("PUT", "/_index_template/logs-cisco_firepower");
        assertThat(index.path("priority").asInt()).as("above the built-in logs template (100)").isGreaterThan(100);
        assertThat(index.at("/index_patterns/0").asText()).isEqualTo("logs-cisco_firepower.*-*");
        assertThat(index.has("data_stream")).isTrue();
        assertThat(index.at("/template/lifecycle").isMissingNode()).as("ILM manages retention here").isTrue();
        JsonNode m = body("PUT", "/_component_template/cisco_firepower@mappings").at("/template/mappings/properties");
        assertThat(m.at("/source/properties/ip/type").asText()).isEqualTo("ip");
        assertThat(m.at("/related/properties/ip/type").asText()).isEqualTo("ip");
        assertThat(m.at("/event/properties/action/type").asText()).isEqualTo("keyword");
        assertThat(m.at("/source/properties/bytes/type").asText()).isEqualTo("long");
        assertThat(m.at("/event/properties/start/type").asText()).isEqualTo("date");
        assertThat(m.at("/message/type").asText()).isEqualTo("match_only_text");
        assertThat(m.at("/cisco/properties/firepower/type").asText()).isEqualTo("flattened");
    }

    @Test
    void setUpTwiceSendsTheSameIdempotentPuts() throws Exception {
        serve(ElasticSetupTest::ilmCluster);
        try (ElasticSink sink = sink()) {
            TemplateInstaller.of(sink).install("30d");
            int first = seen.size();
            TemplateInstaller.of(sink).install("30d");
            assertThat(seen).hasSize(2 * first);
            for (int i = 0; i < first; i++) {
                assertThat(seen.get(first + i).getMethod()).isIn("GET", "PUT");
                assertThat(String.valueOf(seen.get(first + i).getBody())).isEqualTo(String.valueOf(seen.get(i).getBody()));
            }
        }
    }

    @Test
    void withoutIlmRetentionGoesToTheDataStreamLifecycleAndMissingTypesFallBack() throws Exception {
        serve(r -> {
            if (r.getTarget().startsWith("/_ilm")) {
                return json(400, "{\"error\":\"no handler found for uri [/_ilm/policy/cisco_firepower] and method [GET]\"}");
            }
            if (r.getTarget().startsWith("/_component_template/cisco_firepower@mappings")
                    && r.getBody().utf8().contains("match_only_text")) {
                return json(400, "{\"error\":{\"type\":\"mapper_parsing_exception\",\"reason\":\"No handler for type "
                        + "[match_only_text] declared on field [message]\"},\"status\":400}");
            }
            return json(200, "{\"acknowledged\":true}");
        });
        TemplateInstaller.Result result;
        try (ElasticSink sink = sink()) {
            result = TemplateInstaller.of(sink).install("7d");
        }
        assertThat(result.ilm()).isFalse();
        assertThat(String.join("\n", result.notes())).contains("data stream lifecycle").contains("'match_only_text'")
                .contains("'text'");
        assertThat(targets()).doesNotContain("PUT /_ilm/policy/cisco_firepower");
        assertThat(body("PUT", "/_index_template/logs-cisco_firepower").at("/template/lifecycle/data_retention").asText())
                .isEqualTo("7d");
    }

    @Test
    void aUserWithoutThePrivilegesGetsASentenceNamingThem() throws Exception {
        serve(r -> r.getMethod().equals("PUT")
                ? json(403, "{\"error\":{\"type\":\"security_exception\",\"reason\":\"action [indices:admin/index_template/put] is unauthorized for user [shipper]\"},\"status\":403}")
                : json(404, "{\"error\":{\"type\":\"resource_not_found_exception\"}}"));
        try (ElasticSink sink = sink()) {
            assertThatThrownBy(() -> TemplateInstaller.of(sink).install("30d")).isInstanceOf(SinkException.class)
                    .hasMessageContaining("lacks the privileges").hasMessageContaining("manage_index_templates")
                    .hasMessageContaining("HTTP 403").hasMessageContaining("elasticsearch.setup");
        }
    }

    @Test
    void refusedCredentialsAreNamedAsSuch() throws Exception {
        serve(r -> json(401, "{\"error\":{\"type\":\"security_exception\",\"reason\":\"unable to authenticate\"}}"));
        try (ElasticSink sink = sink()) {
            assertThatThrownBy(() -> TemplateInstaller.of(sink).install("30d")).isInstanceOf(SinkException.class)
                    .hasMessageContaining("refused the credentials").hasMessageContaining("elasticsearch.apiKey");
        }
    }

    /** Down at start: the first batch waits (retried) until set-up went through, and set-up comes before any bulk. */
    @Test
    void aSetUpOwedSinceStartRunsBeforeTheFirstDocument() throws Exception {
        server.start();
        int port = server.getPort();
        server.close();
        try (ElasticSink sink = ElasticSinkConfig.defaults(List.of("http://127.0.0.1:" + port), dir.resolve("dead.ndjson"))
                .withBulk(100, 1 << 20, 1, false, Duration.ofSeconds(5)).build()) {
            sink.setUpBeforeFirstDocument("30d");
            RecordingBatch down = new RecordingBatch(ElasticSinkFaultTest.docs(1));
            sink.publish(down);
            assertThat(down.outcome()).isEqualTo(RecordingBatch.Outcome.RETRIED);
            assertThat(down.cause().getMessage()).contains("set-up must succeed before documents are sent");
            try (MockWebServer back = new MockWebServer()) {
                back.setDispatcher(new Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        seen.add(request);
                        return ilmCluster(request);
                    }
                });
                back.start(port);
                RecordingBatch up = new RecordingBatch(ElasticSinkFaultTest.docs(1));
                sink.publish(up);
                assertThat(up.outcome()).isEqualTo(RecordingBatch.Outcome.ACKNOWLEDGED);
                RecordingBatch next = new RecordingBatch(ElasticSinkFaultTest.docs(1));
                sink.publish(next);
                assertThat(next.outcome()).isEqualTo(RecordingBatch.Outcome.ACKNOWLEDGED);
            }
        }
        List<String> t = targets();
        assertThat(t.get(t.size() - 3)).as("set-up before the first bulk").isEqualTo("PUT /_index_template/logs-cisco_firepower");
        assertThat(t.subList(t.size() - 2, t.size())).containsExactly("POST /_bulk", "POST /_bulk");
        assertThat(t.stream().filter(s -> s.startsWith("PUT /_index_template"))).as("set-up once").hasSize(1);
    }
}
