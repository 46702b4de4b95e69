package dev.estreamer.sink.elastic;

import dev.estreamer.sink.Payload;
import dev.estreamer.testing.RecordingBatch;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** ElasticSink against MockWebServer faults: every batch ends in the outcome libbeat would choose. */
@Timeout(60)
class ElasticSinkFaultTest {
    private final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;
    private ElasticSink sink;

    @BeforeEach
    void start() throws Exception {
        server.start();
        sink = ElasticSinkConfig.defaults(List.of("http://127.0.0.1:" + server.getPort()), dir.resolve("dead.ndjson"))
                .withBulk(2, 1 << 20, 1, false, Duration.ofSeconds(1)).build();
    }

    @AfterEach
    void stop() {
        sink.close();
        server.close();
    }

    static List<Payload> docs(int n) {
        List<Payload> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Payload(i, new ElasticDocument("logs-cisco_firepower.connection-default", "id" + i,
                    ("{\"@timestamp\":\"2020-01-01T00:00:00Z\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)).encode()));
        }
        return out;
    }

    static MockResponse items(int... statuses) {
        StringBuilder b = new StringBuilder("{\"errors\":true,\"items\":[");
        for (int i = 0; i < statuses.length; i++) {
            int s = statuses[i];
            b.append(i == 0 ? "" : ",").append("{\"create\":{\"status\":").append(s);
            if (s >= 300) {
                String type = s == 400 ? "document_parsing_exception" : s == 409 ? "version_conflict_engine_exception"
                        : "es_rejected_execution_exception";
                b.append(",\"error\":{\"type\":\"").append(type).append("\",\"reason\":\"status ").append(s).append("\"}");
            }
            b.append("}}");
        }
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(b.append("]}").toString()).build();
    }

    @Test
    void createActionsWithIdsAndAllAcknowledged() throws Exception {
        server.enqueue(items(201, 201));
        server.enqueue(items(201));
        RecordingBatch batch = new RecordingBatch(docs(3));
        sink.publish(batch);
        assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.ACKNOWLEDGED);
        RecordedRequest first = server.takeRequest();
        assertThat(first.getTarget()).startsWith("/_bulk");
        assertThat(first.getBody().utf8()).isEqualTo(
                "{\"create\":{\"_index\":\"logs-cisco_firepower.connection-default\",\"_id\":\"id0\"}}\n"
                        + "{\"@timestamp\":\"2020-01-01T00:00:00Z\",\"n\":0}\n"
                        + "{\"create\":{\"_index\":\"logs-cisco_firepower.connection-default\",\"_id\":\"id1\"}}\n"
                        + "{\"@timestamp\":\"2020-01-01T00:00:00Z\",\"n\":1}\n");
        assertThat(server.getRequestCount()).as("bulkMaxSize 2 splits 3 documents in two requests").isEqualTo(2);
    }

    @Test
    void tooManyRequestsOnSomeItemsRetriesOnlyThose() {
        server.enqueue(items(201, 429));
        RecordingBatch batch = new RecordingBatch(docs(2));
        sink.publish(batch);
        assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.RETRIED);
        assertThat(batch.subset()).containsExactly(docs(2).get(1));
    }

    @Test
    void conflictIsAnAcknowledgedDuplicate() {
        server.enqueue(items(409, 201));
        RecordingBatch batch = new RecordingBatch(docs(2));
        sink.publish(batch);
        assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.ACKNOWLEDGED);
        assertThat(sink.counters().duplicates.get()).isEqualTo(1);
    }

    @Test
    void serverErrorRetriesTheWholeRequest() {
        server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"boom\"}").build());
        RecordingBatch batch = new RecordingBatch(docs(2));
        sink.publish(batch);
        assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.RETRIED);
        assertThat(batch.subset()).hasSize(2);
        assertThat(batch.cause()).hasMessageContaining("500");
    }

    @Test
    void timeoutRetriesTheWholeRequest() {
        server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).code(200).body("{}").build());
        RecordingBatch batch = new RecordingBatch(docs(1));
        sink.publish(batch);
        assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.RETRIED);
        assertThat(batch.subset()).hasSize(1);
    }

    @Test
    void mappingErrorGoesToTheDeadLetterFileWithItsReasonAndIsNotRetried() throws Exception {
        server.enqueue(items(201, 400));
        RecordingBatch batch = new RecordingBatch(docs(2));
        sink.publish(batch);
        assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.REJECTED);
        assertThat(batch.subset()).containsExactly(docs(2).get(1));
        String dead = Files.readString(dir.resolve("dead.ndjson"));
        assertThat(dead.lines()).hasSize(1);
        assertThat(dead).contains("\"_id\":\"id1\"").contains("\"status\":400")
                .contains("document_parsing_exception").contains("\\\"n\\\":1");
    }

    @Test
    void unwritableDeadLetterFileMeansRetryNeverAck() throws Exception {
        Files.createDirectories(dir.resolve("blocked"));
        try (ElasticSink s = ElasticSinkConfig.defaults(List.of("http://127.0.0.1:" + server.getPort()), dir.resolve("blocked"))
                .build()) {
            server.enqueue(items(400));
            RecordingBatch batch = new RecordingBatch(docs(1));
            s.publish(batch);
            assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.RETRIED);
        }
    }

    @Test
    void outageLosesNothing() throws Exception {
        int port = server.getPort();
        server.close();
        List<Payload> todo = docs(2);
        RecordingBatch down = new RecordingBatch(todo);
        sink.publish(down);
        assertThat(down.outcome()).as("connection refused").isEqualTo(RecordingBatch.Outcome.RETRIED);
        assertThat(down.subset()).isEqualTo(todo);
        try (MockWebServer back = new MockWebServer()) {
            back.start(port);
            back.enqueue(items(201, 201));
            RecordingBatch up = new RecordingBatch(down.subset());
            sink.publish(up);
            assertThat(up.outcome()).isEqualTo(RecordingBatch.Outcome.ACKNOWLEDGED);
            assertThat(back.takeRequest().getBody().utf8()).contains("\"_id\":\"id0\"").contains("\"_id\":\"id1\"");
        }
    }

    /** A minute without Elasticsearch: every attempt is a retry of the same items, and they all land afterwards. */
    @Test
    @Timeout(150)
    void aMinuteLongOutageLosesNothing() throws Exception {
        int port = server.getPort();
        server.close();
        List<Payload> todo = docs(2);
        long until = System.nanoTime() + java.time.Duration.ofSeconds(Long.getLong("outage", 60)).toNanos();
        int attempts = 0;
        while (System.nanoTime() < until) {
            RecordingBatch down = new RecordingBatch(todo);
            sink.publish(down);
            assertThat(down.outcome()).as("attempt %d during the outage", attempts).isEqualTo(RecordingBatch.Outcome.RETRIED);
            assertThat(down.subset()).isEqualTo(todo);
            attempts++;
            Thread.sleep(2000);
        }
        assertThat(attempts).isGreaterThanOrEqualTo((int) (Long.getLong("outage", 60) / 3));
        try (MockWebServer back = new MockWebServer()) {
            back.start(port);
            back.enqueue(items(201, 201));
            RecordingBatch up = new RecordingBatch(todo);
            sink.publish(up);
            assertThat(up.outcome()).isEqualTo(RecordingBatch.Outcome.ACKNOWLEDGED);
            assertThat(back.takeRequest().getBody().utf8()).contains("\"_id\":\"id0\"").contains("\"_id\":\"id1\"");
        }
    }

    @Test
    void aDeadHostAmongSeveralIsSkipped() throws Exception {
        int deadPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            deadPort = s.getLocalPort(); // closed again: connections to it are refused
        }
        try (ElasticSink two = ElasticSinkConfig.defaults(List.of("http://127.0.0.1:" + deadPort,
                "http://127.0.0.1:" + server.getPort()), dir.resolve("dead.ndjson")).build()) {
            for (int i = 0; i < 4; i++) {
                server.enqueue(items(201, 201));
                RecordingBatch batch = new RecordingBatch(docs(2));
                two.publish(batch);
                assertThat(batch.outcome()).as("batch %d", i).isEqualTo(RecordingBatch.Outcome.ACKNOWLEDGED);
            }
        }
        assertThat(server.getRequestCount()).as("every request ended on the live host").isEqualTo(4);
    }

    @Test
    void requestsAreSpreadOverSeveralHosts() throws Exception {
        try (MockWebServer other = new MockWebServer()) {
            other.start();
            try (ElasticSink two = ElasticSinkConfig.defaults(List.of("http://127.0.0.1:" + server.getPort(),
                    "http://127.0.0.1:" + other.getPort()), dir.resolve("dead.ndjson")).build()) {
                for (int i = 0; i < 4; i++) {
                    server.enqueue(items(201));
                    other.enqueue(items(201));
                    RecordingBatch batch = new RecordingBatch(docs(1));
                    two.publish(batch);
                    assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.ACKNOWLEDGED);
                }
            }
            assertThat(server.getRequestCount()).as("round robin").isEqualTo(2);
            assertThat(other.getRequestCount()).as("round robin").isEqualTo(2);
        }
    }

    @Test
    void gzipIsOptional() throws Exception {
        server.enqueue(items(201));
        try (ElasticSink gz = ElasticSinkConfig.defaults(List.of("http://127.0.0.1:" + server.getPort()), dir.resolve("d"))
                .withBulk(10, 1 << 20, 1, true, Duration.ofSeconds(5)).build()) {
            RecordingBatch batch = new RecordingBatch(docs(1));
            gz.publish(batch);
            assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.ACKNOWLEDGED);
        }
        RecordedRequest compressed = server.takeRequest();
        assertThat(compressed.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(compressed.getBody().toByteArray()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("\"_id\":\"id0\"");
        }
        server.enqueue(items(201));
        RecordingBatch plain = new RecordingBatch(docs(1));
        sink.publish(plain);
        assertThat(server.takeRequest().getHeaders().get("Content-Encoding")).as("off by default").isNull();
    }

    /** workers 3: a batch split into three bulk requests has all three in flight at once. */
    @Test
    void workersSendBulkRequestsConcurrently() throws Exception {
        java.util.concurrent.CountDownLatch allThere = new java.util.concurrent.CountDownLatch(3);
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                allThere.countDown();
                allThere.await(5, TimeUnit.SECONDS); // answers only once all three requests arrived
                inFlight.decrementAndGet();
                return items(201, 201);
            }
        });
        try (ElasticSink three = ElasticSinkConfig.defaults(List.of("http://127.0.0.1:" + server.getPort()), dir.resolve("d"))
                .withBulk(2, 1 << 20, 3, false, Duration.ofSeconds(10)).build()) {
            RecordingBatch batch = new RecordingBatch(docs(6));
            three.publish(batch);
            assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.ACKNOWLEDGED);
        }
        assertThat(most.get()).as("bulk requests in flight at once").isEqualTo(3);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void itemsNotLiningUpRetryEverything() {
        server.enqueue(items(201));
        RecordingBatch batch = new RecordingBatch(docs(2));
        sink.publish(batch);
        assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.RETRIED);
        assertThat(batch.subset()).hasSize(2);
    }

    @Test
    void notADocumentIsRejected() {
        RecordingBatch batch = RecordingBatch.ofLines("just text");
        sink.publish(batch);
        assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.REJECTED);
        assertThat(server.getRequestCount()).isZero();
    }
}
