package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.estreamer.config.ConfigException;
import dev.estreamer.config.ElasticOutput;
import dev.estreamer.sink.Payload;
import dev.estreamer.sink.elastic.ElasticDocument;
import dev.estreamer.sink.elastic.ElasticSink;
import dev.estreamer.sink.elastic.ElasticSinkConfig;
import dev.estreamer.testing.RecordingBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * An elasticsearch outputter's secrets come from the environment or a file, reach Elasticsearch in the
 * Authorization header, and never appear in a log line, even with every logger at TRACE.
 */
@Timeout(60)
class ElasticOutputsTest {
    private static final String API_KEY = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";
    private static final String PASSWORD = "s3cr3t-Pa55word-9f8e";
    private final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ElasticOutput output(String apiKey, String username, String password, boolean setup) {
        return new ElasticOutput(List.of("http://127.0.0.1:" + server.getPort()), null, "default", apiKey, username,
                password, null, null, 1600, 5 << 20, 1, false, Duration.ofSeconds(5), setup, "30d", null, Duration.ofSeconds(1));
    }

    @Test
    void anApiKeyFromTheEnvironmentIsSentAsApiKey() throws Exception {
        ElasticSinkConfig c = ElasticOutputs.config(output("env:ES_TEST_KEY", null, null, false), "handler.outputters[0]",
                dir, "es", Map.of("ES_TEST_KEY", API_KEY + "\n"));
        assertThat(c.toString()).doesNotContain(API_KEY);
        assertThat(c.deadLetterFile()).isEqualTo(dir.resolve("es-dead-letter.ndjson"));
        server.enqueue(ok());
        try (ElasticSink sink = c.build()) {
            publish(sink);
        }
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isEqualTo("ApiKey " + API_KEY);
    }

    @Test
    void aPasswordFromAFileIsSentAsBasicAuth() throws Exception {
        Path secret = Files.writeString(dir.resolve("es-password"), PASSWORD + "\n");
        ElasticSinkConfig c = ElasticOutputs.config(output(null, "shipper", "file:" + secret, false), "handler.outputters[0]",
                dir, "es", Map.of());
        assertThat(c.toString()).contains("basic shipper").doesNotContain(PASSWORD);
        server.enqueue(ok());
        try (ElasticSink sink = c.build()) {
            publish(sink);
        }
        String expected = Base64.getEncoder().encodeToString(("shipper:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isEqualTo("Basic " + expected);
    }

    @Test
    void aMissingSecretNamesTheKeyAndTheVariableNotAValue() {
        assertThatThrownBy(() -> ElasticOutputs.config(output("env:NOT_SET_HERE", null, null, false), "handler.outputters[2]",
                dir, "es", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("handler.outputters[2].elasticsearch.apiKey")
                .hasMessageContaining("NOT_SET_HERE");
        assertThatThrownBy(() -> ElasticOutputs.config(output(null, "u", "file:" + dir.resolve("nope"), false),
                "handler.outputters[0]", dir, "es", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("elasticsearch.password")
                .hasMessageContaining("nope");
    }

    /** Start-up (health check, set-up refused with 401), a refused bulk and a retried one, all at TRACE. */
    @Test
    void noSecretReachesTheLogEvenAtTrace() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("api-key"), API_KEY);
        Path passwordFile = Files.writeString(dir.resolve("password"), PASSWORD);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.TRACE);
        try {
            for (ElasticOutput o : List.of(output("file:" + keyFile, null, null, true),
                    output(null, "shipper", "file:" + passwordFile, true))) {
                server.enqueue(new MockResponse.Builder().code(401)
                        .body("{\"error\":{\"type\":\"security_exception\",\"reason\":\"unable to authenticate\"}}").build());
                server.enqueue(new MockResponse.Builder().code(401).body("{}").build());
                server.enqueue(new MockResponse.Builder().code(503).body("{}").build());
                try (ElasticSink sink = ElasticOutputs.sink(o, "handler.outputters[0]", dir, "es")) {
                    RecordingBatch batch = new RecordingBatch(docs());
                    sink.publish(batch);
                    assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.RETRIED);
                    RecordingBatch again = new RecordingBatch(docs());
                    sink.publish(again);
                    assertThat(again.outcome()).isEqualTo(RecordingBatch.Outcome.RETRIED);
                }
            }
        } finally {
            root.setLevel(before);
            root.detachAppender(captured);
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : captured.list) {
            lines.add(e.getLoggerName() + " " + e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())));
        }
        assertThat(lines).as("the run logged something to check").isNotEmpty();
        assertThat(String.join("\n", lines)).contains("refused the credentials")
                .doesNotContain(API_KEY).doesNotContain(PASSWORD)
                .doesNotContain(Base64.getEncoder().encodeToString(("shipper:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("ApiKey " + API_KEY);
    }

    @Test
    void setUpRunsAtStartUnlessDisabled() throws Exception {
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                seen.add(r.getMethod() + " " + r.getTarget());
                if (r.getTarget().startsWith("/_cluster/health")) {
                    return new MockResponse.Builder().code(200).body("{\"cluster_name\":\"t\",\"status\":\"green\"}").build();
                }
                return new MockResponse.Builder().code(r.getMethod().equals("GET") ? 404 : 200)
                        .body("{\"error\":{\"type\":\"resource_not_found_exception\"}}").build();
            }
        });
        try (ElasticSink sink = ElasticOutputs.sink(output(null, null, null, true), "handler.outputters[0]", dir, "es")) {
            assertThat(seen).contains("PUT /_index_template/logs-cisco_firepower", "PUT /_ilm/policy/cisco_firepower");
        }
        seen.clear();
        try (ElasticSink sink = ElasticOutputs.sink(output(null, null, null, false), "handler.outputters[0]", dir, "es")) {
            assertThat(seen).as("elasticsearch.setup false: only the health check").containsExactly("GET /_cluster/health");
        }
    }

    @Test
    void missingPrivilegesStopTheStartWithTheSentence() {
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (r.getTarget().startsWith("/_cluster/health")) {
                    return new MockResponse.Builder().code(200).body("{\"cluster_name\":\"t\",\"status\":\"yellow\"}").build();
                }
                return new MockResponse.Builder().code(403).body("{\"error\":{\"type\":\"security_exception\"}}").build();
            }
        });
        assertThatThrownBy(() -> ElasticOutputs.sink(output(null, null, null, true), "handler.outputters[0]", dir, "es"))
                .isInstanceOf(dev.estreamer.sink.SinkException.class).hasMessageContaining("lacks the privileges");
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"errors\":false,\"items\":[{\"create\":{\"status\":201}}]}").build();
    }

    private static List<Payload> docs() {
        return List.of(new Payload(1, new ElasticDocument("logs-cisco_firepower.connection-default", "id1",
                "{\"@timestamp\":\"2020-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8)).encode()));
    }

    private static void publish(ElasticSink sink) {
        RecordingBatch batch = new RecordingBatch(docs());
        sink.publish(batch);
        assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.ACKNOWLEDGED);
    }
}
