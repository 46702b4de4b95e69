package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.filter.RecordFilter;
import dev.estreamer.format.EcsFormatter;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import dev.estreamer.sim.SyntheticGenerator;
import dev.estreamer.sink.elastic.ElasticSink;
import dev.estreamer.sink.elastic.ElasticSinkConfig;
import dev.estreamer.testing.ClientHarness;
import dev.estreamer.testing.TestPki;
import dev.estreamer.wire.RequestFlags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
 * An Elasticsearch that stops answering: the pipeline's bounded queues fill, the session stops reading, and the
 * simulator (the FMC) stops sending, far short of what it has; nothing piles up in the client. When bulk
 * requests are answered again, streaming resumes.
 */
@Timeout(90)
class ElasticBackpressureTest {
    private static final int EVENTS = 300_000;
    @TempDir
    Path dir;

    @Test
    void aStalledClusterStopsTheFmcInsteadOfFillingMemory() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"), b -> b.ellipticCurve(true));
        SyntheticGenerator generator = SyntheticGenerator.builder().seed(3).count(EVENTS).allFamilies(false)
                .deviceName("bp-sensor").build();
        SimulatorConfig simConfig = SimulatorConfig.builder(generator)
                .tls(ServerTls.server(pki.serverKeystore(), TestPki.PASSWORD.toCharArray()))
                .peerCheck(PeerCheck.Mode.STRICT_IP).build();
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        try (Simulator sim = new Simulator(simConfig).start(); MockWebServer es = new MockWebServer()) {
            es.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                    requests.incrementAndGet();
                    answer.await(60, TimeUnit.SECONDS);
                    int docs = r.getBody().utf8().split("\n").length / 2;
                    StringBuilder b = new StringBuilder("{\"errors\":false,\"items\":[");
                    for (int i = 0; i < docs; i++) {
                        b.append(i == 0 ? "" : ",").append("{\"create\":{\"status\":201}}");
                    }
                    return new MockResponse.Builder().code(200).body(b.append("]}").toString()).build();
                }
            });
            es.start();
            ElasticSink sink = ElasticSinkConfig.defaults(List.of("http://127.0.0.1:" + es.getPort()), dir.resolve("dead"))
                    .withBulk(500, 5 << 20, 1, false, Duration.ofSeconds(60)).build();
            int capacity = 1000;
            FmcPipeline p = new FmcPipeline("bp", ClientHarness.settings(sim.port(), RequestFlags.ENCORE_DEFAULT,
                    Duration.ofSeconds(60)), ClientHarness.tls(pki), new RecordDecoder(), RecordFilter.all(),
                    List.of(new Output("es", new ElasticRouting(new EcsFormatter(), "127.0.0.1:" + sim.port()), sink)),
                    new BookmarkStore(BookmarkStore.fileFor(dir.resolve("data"), "127.0.0.1", sim.port())),
                    FmcPipeline.Start.GENESIS, 500, capacity, 1 << 20, Duration.ofMillis(100), Enrichment.inMemory(),
                    Duration.ZERO);
            try {
                p.start();
                assertThat(ClientHarness.await(Duration.ofSeconds(20), () -> requests.get() >= 1)).isTrue();
                // let the queues, the socket buffers and the simulator's window fill up
                long sent;
                long received;
                long settle = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                do {
                    sent = sim.recordsSent();
                    received = p.stats().received.get();
                    Thread.sleep(1000);
                } while ((sim.recordsSent() != sent || p.stats().received.get() != received) && System.nanoTime() < settle);
                assertThat(sim.recordsSent()).as("the FMC stopped sending while Elasticsearch did not answer").isEqualTo(sent);
                assertThat(p.stats().received.get()).as("the session stopped reading").isEqualTo(received);
                assertThat(sent).as("far short of what the FMC has to send").isLessThan(EVENTS / 2);
                assertThat(p.stats().written.get()).as("nothing acknowledged without an answer").isZero();
                assertThat(p.queued()).as("records held by the client: the bounded queues").isLessThanOrEqualTo(2 * capacity);
                assertThat(requests.get()).as("one bulk request in flight (workers 1)").isEqualTo(1);

                answer.countDown();
                long before = sim.recordsSent();
                assertThat(ClientHarness.await(Duration.ofSeconds(30), () -> sim.recordsSent() > before + 5000
                        && p.stats().written.get() > 5000)).as("streaming resumes once answered").isTrue();
            } finally {
                answer.countDown();
                p.stop(Duration.ofSeconds(5));
            }
        }
    }
}
