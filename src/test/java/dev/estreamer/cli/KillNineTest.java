package dev.estreamer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.decode.RecordEncoder;
import dev.estreamer.pipeline.BookmarkStore;
import dev.estreamer.sim.CaptureReplay;
import dev.estreamer.sim.EventSource;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import dev.estreamer.sim.SourceRecord;
import dev.estreamer.testing.ClientHarness;
import dev.estreamer.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real client ({@code estreamer run}) in a child JVM against the simulator, kills it with
 * SIGKILL several times mid-stream, restarts it each time, and proves that every event the simulator
 * sent is in the output at least once, and that only events at or after the bookmark of a restart
 * were written again.
 */
@Timeout(180)
class KillNineTest {
    private static final int EVENTS = 4000;
    private static final long BASE = 1_700_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static long timestampOf(int n) {
        return BASE + n / 20;
    }

    private static List<SourceRecord> events() {
        RecordEncoder encoder = new RecordEncoder();
        List<SourceRecord> records = new ArrayList<>();
        byte[] device = encoder.encode(123, Map.of("id", 1, "name", "crash-ftd"), false, 0);
        records.add(SourceRecord.metadata(123, Arrays.copyOfRange(device, 8, device.length)));
        for (int n = 0; n < EVENTS; n++) {
            long ts = timestampOf(n);
            Map<String, Object> body = new HashMap<>();
            body.put("blockType", 160);
            body.put("eventType", 1003);
            body.put("eventSubtype", 1);
            body.put("deviceId", 1);
            body.put("initiatorIpAddress", "10.0." + (n / 256 % 256) + "." + (n % 256));
            body.put("responderIpAddress", "192.0.2.10");
            body.put("initiatorPort", 1024 + n % 60000);
            body.put("responderPort", 443);
            body.put("protocol", 6);
            body.put("connectionCounter", n % 65536);
            body.put("firstPacketTimestamp", ts);
            body.put("lastPacketTimestamp", ts);
            body.put("clientUrl", "https://crash.test/e/" + n);
            byte[] payload = encoder.encode(71, body, true, ts);
            records.add(SourceRecord.event(71, ts, Arrays.copyOfRange(payload, 16, payload.length)));
        }
        return records;
    }

    /**
     * Sends at most {@code perSecond} records a second per connection. Unpaced, the whole capture can reach
     * the output between two polls of the kill threshold, and the kills would no longer land mid-stream
     * (a run that wrote everything before its kill leaves nothing for the next run to commit).
     */
    static EventSource paced(EventSource source, int perSecond) {
        long gap = TimeUnit.SECONDS.toNanos(1) / perSecond;
        return subscription -> {
            EventSource.Cursor cursor = source.open(subscription);
            return new EventSource.Cursor() {
                private long nextAt = System.nanoTime();

                @Override
                public boolean hasNext() {
                    return cursor.hasNext();
                }

                @Override
                public long nanosUntilNext() {
                    return nextAt - System.nanoTime();
                }

                @Override
                public SourceRecord next() {
                    nextAt = Math.max(nextAt, System.nanoTime() - gap) + gap;
                    return cursor.next();
                }
            };
        };
    }

    private Path writeConfig(int port, TestPki pki) throws IOException {
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, TestPki.PASSWORD + "\n");
        Path conf = dir.resolve("estreamer.conf");
        Files.writeString(conf, """
                {
                  "start": 2,
                  "batchSize": 25,
                  "dataDirectory": "data",
                  "monitor": {"period": 1, "handled": true, "bookmark": true},
                  "logging": {"filepath": "estreamer.log", "level": "INFO", "stdOut": false, "stdErr": false},
                  "subscription": {"servers": [{"host": "127.0.0.1", "port": %d,
                      "pkcs12Filepath": "%s", "pkcs12PasswordFile": "password"}]},
                  "handler": {"outputters": [{"adapter": "json", "enabled": true,
                      "stream": {"uri": "relfile:///out/events.{0}.json", "options": {"maxLogs": 500}}}]}
                }
                """.formatted(port, pki.clientPkcs12()));
        return conf;
    }

    private Process startClient(Path conf) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--config", conf.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("client-console.log").toFile());
        return pb.start();
    }

    private Map<Integer, Integer> occurrences() {
        Map<Integer, Integer> seen = new HashMap<>();
        for (String line : ClientHarness.lines(dir.resolve("out"))) {
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("a torn or invalid line in the output: " + line, e);
            }
            if (n.get("recordType").asInt() == 71) {
                String url = n.get("clientUrl").get("data").asText();
                seen.merge(Integer.parseInt(url.substring(url.lastIndexOf('/') + 1)), 1, Integer::sum);
            }
        }
        return seen;
    }

    @Test
    void killedWithSigkillThreeTimesLosesNothing() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        SimulatorConfig config = SimulatorConfig.builder(paced(CaptureReplay.of(events(), false), 2000))
                .tls(ServerTls.server(pki.serverKeystore(), TestPki.PASSWORD.toCharArray()))
                .peerCheck(PeerCheck.Mode.STRICT_IP).recordsPerBundle(10).ackWindow(2).build();
        try (Simulator sim = new Simulator(config).start()) {
            Path conf = writeConfig(sim.port(), pki);
            BookmarkStore bookmark = new BookmarkStore(BookmarkStore.fileFor(dir.resolve("data"), "127.0.0.1", sim.port()));
            List<Long> resumedFrom = new ArrayList<>();
            int[] killAtLines = {500, 1500, 2600};
            for (int threshold : killAtLines) {
                Process client = startClient(conf);
                assertThat(ClientHarness.await(Duration.ofSeconds(60),
                        () -> ClientHarness.lines(dir.resolve("out")).size() >= threshold || !client.isAlive()))
                        .as("client reached %d lines", threshold).isTrue();
                assertThat(client.isAlive()).as("client still running when killed").isTrue();
                client.destroyForcibly();
                assertThat(client.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(client.exitValue()).as("killed by SIGKILL").isEqualTo(137);
                resumedFrom.add(bookmark.read().orElse(0L));
            }
            Process last = startClient(conf);
            boolean complete = ClientHarness.await(Duration.ofSeconds(90), () -> occurrences().size() == EVENTS);
            last.destroy();
            last.waitFor(20, TimeUnit.SECONDS);
            assertThat(complete).as("every event delivered; see %s", dir.resolve("estreamer.log")).isTrue();
            assertThat(last.exitValue()).as("graceful stop on SIGTERM").isIn(0, 143);

            assertThat(resumedFrom).isSorted();
            assertThat(resumedFrom.get(0)).as("the first run committed a bookmark before it was killed").isPositive();
            assertThat(resumedFrom.get(resumedFrom.size() - 1)).isLessThan(timestampOf(EVENTS - 1));
            Map<Integer, Integer> seen = occurrences();
            for (int n = 0; n < EVENTS; n++) {
                long ts = timestampOf(n);
                int allowed = 1 + (int) resumedFrom.stream().filter(t -> ts >= t).count();
                assertThat(seen.get(n)).as("event %d (archive second %d)", n, ts).isNotNull().isBetween(1, allowed);
            }
            assertThat(bookmark.read()).hasValue(timestampOf(EVENTS - 1));
        }
    }
}
