package dev.estreamer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.SessionInfo;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import dev.estreamer.sim.Subscription;
import dev.estreamer.sim.SyntheticGenerator;
import dev.estreamer.testing.ClientHarness;
import dev.estreamer.testing.ElasticServer;
import dev.estreamer.testing.TestPki;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code estreamer run} in a child JVM ships into a real Elasticsearch and is killed with SIGKILL twice
 * mid-stream; after the last restart the index holds exactly one document per distinct record the simulator
 * sent: nothing lost (the bookmark only covers acknowledged documents) and nothing twice (the replayed
 * records carry the same deterministic {@code _id} and come back as 409s, counted as duplicates).
 */
@Timeout(180)
class ElasticKillNineTest {
    private static final int EVENTS = 5000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern DUPLICATES = Pattern.compile("duplicates: (\\d+) in all");

    @TempDir
    Path dir;

    @Test
    void killedTwiceMidStreamEndsWithOneDocumentPerRecord() throws Exception {
        String es = ElasticServer.url();
        String ns = "crash" + System.nanoTime() % 100000;
        TestPki pki = TestPki.create(dir.resolve("pki"));
        SyntheticGenerator generator = SyntheticGenerator.builder().seed(17).count(EVENTS).rate(1000)
                .allFamilies(false).deviceName("crash-ftd").build();
        SimulatorConfig simConfig = SimulatorConfig.builder(generator)
                .tls(ServerTls.server(pki.serverKeystore(), TestPki.PASSWORD.toCharArray()))
                .peerCheck(PeerCheck.Mode.STRICT_IP).recordsPerBundle(20).ackWindow(2).build();
        try (Simulator sim = new Simulator(simConfig).start()) {
            Path conf = writeConfig(sim.port(), pki, es, ns);
            int[] killAt = {1000, 2500};
            for (int i = 0; i < killAt.length; i++) {
                int threshold = killAt[i];
                Process client = startClient(conf, i);
                assertThat(ClientHarness.await(Duration.ofSeconds(60), () -> documents(es, ns) >= threshold || !client.isAlive()))
                        .as("client indexed %d documents", threshold).isTrue();
                assertThat(client.isAlive()).as("client still running when killed; see %s", dir.resolve("estreamer.log"))
                        .isTrue();
                client.destroyForcibly();
                assertThat(client.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(client.exitValue()).as("killed by SIGKILL").isEqualTo(137);
                assertThat(documents(es, ns)).as("killed mid-way").isLessThan(EVENTS);
            }
            SessionInfo first = sim.sessions().get(0);
            long distinct = generator.recordCounts(new Subscription(first.initialTimestamp(), first.flags(),
                    first.versions(), 0)).values().stream().mapToLong(Long::longValue).sum();
            assertThat(distinct).as("events plus the metadata, once").isGreaterThan(EVENTS);

            Process last = startClient(conf, killAt.length);
            boolean complete = ClientHarness.await(Duration.ofSeconds(90), () -> documents(es, ns) >= distinct);
            Thread.sleep(1500); // a copy would show up now
            long finalCount = documents(es, ns);
            last.destroy();
            assertThat(last.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(complete).as("every record indexed; see %s", dir.resolve("estreamer.log")).isTrue();
            assertThat(finalCount).as("one document per distinct record: no loss, no duplicates").isEqualTo(distinct);
            assertThat(sim.connections()).as("three sessions").isGreaterThanOrEqualTo(3);

            String log = Files.readString(dir.resolve("estreamer.log"));
            Matcher m = DUPLICATES.matcher(log);
            long duplicates = 0;
            while (m.find()) {
                duplicates = Math.max(duplicates, Long.parseLong(m.group(1)));
            }
            assertThat(duplicates).as("records replayed after the last kill came back as 409s, counted").isPositive();
            assertThat(log).doesNotContain("dead-letter").doesNotContain("refused");
        }
    }

    private Path writeConfig(int port, TestPki pki, String es, String ns) throws IOException {
        Path conf = dir.resolve("estreamer.conf");
        Files.writeString(conf, """
                {
                  "start": 2,
                  "batchSize": 100,
                  "dataDirectory": "data",
                  "monitor": {"period": 1, "handled": true, "bookmark": true},
                  "logging": {"filepath": "estreamer.log", "level": "INFO", "stdOut": false, "stdErr": false},
                  "subscription": {"servers": [{"host": "127.0.0.1", "port": %d, "pkcs12Filepath": "%s"}]},
                  "handler": {"outputters": [{"adapter": "ecs", "stream": {"uri": "elasticsearch://"},
                      "elasticsearch": {"hosts": ["%s"], "namespace": "%s", "bulkMaxSize": 200}}]}
                }
                """.formatted(port, pki.clientPkcs12(), es, ns));
        return conf;
    }

    private Process startClient(Path conf, int run) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--config", conf.toString());
        pb.environment().put("ESTREAMER_PKCS12_PASSWORD", TestPki.PASSWORD); // a secret never goes on a command line
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("client-console-" + run + ".log").toFile());
        return pb.start();
    }

    /** Documents in every data stream of the namespace, after a refresh. */
    private static long documents(String es, String ns) {
        try {
            String index = "/logs-cisco_firepower.*-" + ns;
            HTTP.send(HttpRequest.newBuilder(URI.create(es + index + "/_refresh")).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(es + index + "/_count")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()).path("count").asLong() : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
