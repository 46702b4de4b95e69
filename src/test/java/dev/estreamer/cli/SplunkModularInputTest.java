package dev.estreamer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import dev.estreamer.sim.SyntheticGenerator;
import dev.estreamer.testing.ClientHarness;
import dev.estreamer.testing.SplunkKv;
import dev.estreamer.testing.TestPki;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Drives the modular input exactly as splunkd does: the unpacked add-on's {@code bin/estreamer.sh} with the input
 * definition XML on stdin, the XML event stream on stdout, secure storage over HTTP (MockWebServer standing in
 * for splunkd's REST port), and the FMC simulator over mutual TLS. Killed with SIGKILL mid-stream and started
 * again with the same checkpoint_dir, it loses no event.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class SplunkModularInputTest {
    private static final int EVENTS = 3000;

    @TempDir
    Path dir;

    static MockWebServer storage(String password) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!"Splunk good-key".equals(request.getHeader("Authorization"))) {
                    return new MockResponse().setResponseCode(401).setBody("{\"messages\":[]}");
                }
                String path = request.getPath();
                if (path.startsWith("/servicesNS/nobody/TA-estreamer/storage/passwords/TA-estreamer%3Afmc1%3A")
                        || path.startsWith("/servicesNS/nobody/TA-estreamer/storage/passwords/TA-estreamer%3Afmc%20two%3A")) {
                    return new MockResponse().setResponseCode(200).setBody(
                            "{\"entry\":[{\"name\":\"TA-estreamer:fmc1:\",\"content\":{\"clear_password\":\""
                            + password + "\"}}]}");
                }
                return new MockResponse().setResponseCode(404).setBody("{\"messages\":[]}");
            }
        });
        server.start();
        return server;
    }

    static String definition(String serverUri, String sessionKey, Path checkpoints, String stanzas) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <input>
                  <server_host>splunk-test</server_host>
                  <server_uri>%s</server_uri>
                  <session_key>%s</session_key>
                  <checkpoint_dir>%s</checkpoint_dir>
                  <configuration>%s</configuration>
                </input>
                """.formatted(serverUri, sessionKey, checkpoints, stanzas);
    }

    static String stanza(String name, int port, Path pkcs12, String extra) {
        return """
                <stanza name="estreamer://%s">
                  <param name="fmc_host">127.0.0.1</param>
                  <param name="fmc_port">%d</param>
                  <param name="pkcs12_file">%s</param>
                  <param name="index">firepower</param>
                  <param name="host">fmc-test</param>
                  %s
                </stanza>
                """.formatted(name, port, pkcs12, extra);
    }

    /** The add-on's bin/estreamer.sh in run mode (no arguments), as splunkd starts it. */
    private static Process launch(UnpackedAddon addon, String stdin, Path stdout, Path stderr) throws IOException {
        return addon.start(List.of(), stdin, stdout, stderr);
    }

    /** The events written so far: a possibly unterminated stream is closed before parsing. */
    static List<Element> events(Path stdout) throws Exception {
        String text = Files.readString(stdout, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return List.of();
        }
        int lastDone = text.lastIndexOf("</event>");
        String complete = (lastDone < 0 ? "<stream>" : text.substring(0, lastDone + "</event>".length())) + "</stream>";
        if (text.endsWith("</stream>\n")) {
            complete = text;
        }
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(complete.getBytes(StandardCharsets.UTF_8)));
        NodeList list = doc.getElementsByTagName("event");
        List<Element> out = new java.util.ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static String child(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        return l.getLength() == 0 ? null : l.item(0).getTextContent();
    }

    @Test
    void streamsEveryEventWithItsTimeAndSurvivesSigkill() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        SyntheticGenerator generator = SyntheticGenerator.builder().seed(3).count(EVENTS).eventsPerSecond(20).rate(400)
                .allFamilies(false).build();
        SimulatorConfig config = SimulatorConfig.builder(generator)
                .tls(ServerTls.server(pki.serverKeystore(), TestPki.PASSWORD.toCharArray()))
                .peerCheck(PeerCheck.Mode.STRICT_IP).build();
        Path checkpoints = dir.resolve("modinputs");
        Files.createDirectories(checkpoints);
        UnpackedAddon addon = UnpackedAddon.create(dir.resolve("apps"));
        try (MockWebServer splunkd = storage(TestPki.PASSWORD); Simulator sim = new Simulator(config).start()) {
            String uri = splunkd.url("/").toString();
            String input = definition(uri, "good-key", checkpoints,
                    stanza("fmc1", sim.port(), pki.clientPkcs12(), "<param name=\"start\">0</param>"));
            Map<Long, Integer> seen = new HashMap<>();
            // first run: killed with SIGKILL part way
            Path out1 = dir.resolve("stdout-1.xml");
            Process first = launch(addon, input, out1, dir.resolve("stderr-1.log"));
            assertThat(ClientHarness.await(Duration.ofSeconds(60), () -> count(out1) >= 800 || !first.isAlive()))
                    .as("first run wrote events; stderr: %s", dir.resolve("stderr-1.log")).isTrue();
            assertThat(first.isAlive()).as("still running when killed; see %s", read(dir.resolve("stderr-1.log")))
                    .isTrue();
            first.destroyForcibly();
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
            collect(events(out1), generator, seen);
            assertThat(seen.size()).isLessThan(EVENTS);
            // second run, same checkpoint_dir: resumes from the bookmark and completes
            Path out2 = dir.resolve("stdout-2.xml");
            Process second = launch(addon, input, out2, dir.resolve("stderr-2.log"));
            boolean complete = ClientHarness.await(Duration.ofSeconds(60), () -> {
                Map<Long, Integer> all = new HashMap<>(seen);
                try {
                    collect(events(out2), generator, all);
                } catch (Exception e) {
                    return false;
                }
                return all.size() == EVENTS;
            });
            second.destroy(); // SIGTERM, as splunkd stops an input
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(complete).as("every event delivered; stderr %s", read(dir.resolve("stderr-2.log"))).isTrue();
            String stdout2 = Files.readString(out2);
            assertThat(stdout2).startsWith("<stream>").endsWith("</stream>\n");
            collect(events(out2), generator, seen);
            assertThat(seen).hasSize(EVENTS);
            String stderr = read(dir.resolve("stderr-1.log")) + read(dir.resolve("stderr-2.log"));
            assertThat(stderr.lines().filter(l -> !l.isBlank()))
                    .allMatch(l -> l.matches("^(DEBUG|INFO|WARN|ERROR|FATAL) .*"),
                            "every log line starts with its level");
            assertThat(stderr).doesNotContain(TestPki.PASSWORD);
            assertThat(Files.list(checkpoints.resolve("fmc1")).map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.endsWith("_bookmark.dat")).anyMatch(n -> n.endsWith("_metadata.jsonl"));
        }
    }

    /**
     * splunkd runs every estreamer stanza in one process (use_single_instance): two FMCs, one as key=value and one
     * as cisco:sfw:estreamer JSON, from an input definition in UTF-16 with a byte-order mark. Every event carries
     * its stanza, its sourcetype and the FMC's event time (intrusion events with their microseconds), and each
     * stanza keeps its own checkpoint set.
     */
    @Test
    void severalStanzasInOneProcessEachWithItsFormatTimeAndCheckpoints() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        SyntheticGenerator mixed = SyntheticGenerator.builder().seed(5).count(400).eventsPerSecond(20).rate(4000)
                .allFamilies(true).build();
        SyntheticGenerator connections = SyntheticGenerator.builder().seed(6).count(200).eventsPerSecond(20)
                .rate(4000).allFamilies(false).build();
        var tls = ServerTls.server(pki.serverKeystore(), TestPki.PASSWORD.toCharArray());
        Path checkpoints = dir.resolve("modinputs");
        UnpackedAddon addon = UnpackedAddon.create(dir.resolve("apps"));
        try (MockWebServer splunkd = storage(TestPki.PASSWORD);
                Simulator kvFmc = new Simulator(SimulatorConfig.builder(mixed).tls(tls).build()).start();
                Simulator jsonFmc = new Simulator(SimulatorConfig.builder(connections).tls(tls).build()).start()) {
            String xml = definition(splunkd.url("/").toString(), "good-key", checkpoints,
                    stanza("fmc1", kvFmc.port(), pki.clientPkcs12(), "<param name=\"start\">0</param>")
                    + stanza("fmc two", jsonFmc.port(), pki.clientPkcs12(),
                            "<param name=\"start\">0</param><param name=\"format\">json</param>"))
                    .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
            byte[] utf16le = xml.getBytes(StandardCharsets.UTF_16LE);
            byte[] stdin = new byte[utf16le.length + 2];
            stdin[0] = (byte) 0xFF;
            stdin[1] = (byte) 0xFE;
            System.arraycopy(utf16le, 0, stdin, 2, utf16le.length);
            Path out = dir.resolve("several.xml");
            Path err = dir.resolve("several.log");
            Process p = addon.start(List.of(), Map.of(), stdin, out, err);
            java.util.Set<Long> jsonSeen = new java.util.HashSet<>();
            java.util.Set<String> kvTypes = new java.util.TreeSet<>();
            boolean done = ClientHarness.await(Duration.ofSeconds(60), () -> {
                try {
                    for (Element e : events(out)) {
                        if (e.getAttribute("stanza").equals("estreamer://fmc two")) {
                            jsonSeen.add(SyntheticGenerator.eventIndex(
                                    new ObjectMapper().readTree(child(e, "data")).get("URL").asText()));
                        } else {
                            kvTypes.add(SplunkKv.extract(child(e, "data")).get("rec_type"));
                        }
                    }
                } catch (Exception ex) {
                    return false;
                }
                return jsonSeen.size() == 200 && kvTypes.containsAll(List.of("71", "400", "125", "500", "95", "170"));
            });
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(done).as("both stanzas delivered; json %s, kv types %s; stderr %s", jsonSeen.size(), kvTypes,
                    read(err)).isTrue();
            assertThat(Files.readString(out)).startsWith("<stream>").endsWith("</stream>\n");
            int kv = 0;
            int json = 0;
            int intrusionsWithMicros = 0;
            for (Element e : events(out)) {
                assertThat(e.getAttribute("unbroken")).isEqualTo("1");
                assertThat(child(e, "index")).isEqualTo("firepower");
                if (e.getAttribute("stanza").equals("estreamer://fmc1")) {
                    kv++;
                    assertThat(child(e, "sourcetype")).isEqualTo("cisco:estreamer:data");
                    Map<String, String> f = SplunkKv.extract(child(e, "data"));
                    if (f.get("rec_type").equals("125")) {
                        continue; // its own time, not eNcore's event_sec: SplunkEventTimeTest
                    }
                    String usec = f.get("event_usec");
                    String millis = usec == null || usec.equals("0") ? "000"
                            : String.format("%03d", Long.parseLong(usec) / 1000);
                    assertThat(child(e, "time")).as("time of %s", f).isEqualTo(f.get("event_sec") + "." + millis);
                    if (f.get("rec_type").equals("400") && !millis.equals("000")) {
                        intrusionsWithMicros++;
                    }
                } else {
                    json++;
                    assertThat(e.getAttribute("stanza")).isEqualTo("estreamer://fmc two");
                    assertThat(child(e, "sourcetype")).isEqualTo("cisco:sfw:estreamer");
                    JsonNode j = new ObjectMapper().readTree(child(e, "data"));
                    assertThat(j.get("EventType").asText()).isEqualTo("ConnectionEvent");
                    long n = SyntheticGenerator.eventIndex(j.get("URL").asText());
                    assertThat(child(e, "time")).isEqualTo(connections.archiveTimestamp(n) + ".000")
                            .isEqualTo(j.get("EventSecond").asText() + ".000");
                }
            }
            assertThat(kv).isGreaterThan(100);
            assertThat(json).isGreaterThanOrEqualTo(200);
            assertThat(intrusionsWithMicros).isPositive();
            assertThat(kvFmc.connections()).isEqualTo(1);
            assertThat(jsonFmc.connections()).isEqualTo(1);
            assertThat(read(err)).contains("running 2 input(s)");
            for (String name : List.of("fmc1", "fmc_20two")) {
                assertThat(Files.list(checkpoints.resolve(name)).map(f -> f.getFileName().toString()))
                        .as("checkpoints of %s", name).anyMatch(f -> f.endsWith("_bookmark.dat"));
            }
        }
    }

    private static int count(Path stdout) {
        try {
            return Files.exists(stdout) ? Files.readString(stdout).split("<done/>", -1).length - 1 : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable)";
        }
    }

    /** Checks every connection event's envelope, fields and time, and counts it by its generator index. */
    static void collect(List<Element> events, SyntheticGenerator generator, Map<Long, Integer> seen) {
        for (Element e : events) {
            assertThat(e.getAttribute("stanza")).isEqualTo("estreamer://fmc1");
            assertThat(e.getAttribute("unbroken")).isEqualTo("1");
            assertThat(child(e, "sourcetype")).isEqualTo("cisco:estreamer:data");
            assertThat(child(e, "index")).isEqualTo("firepower");
            assertThat(child(e, "host")).isEqualTo("fmc-test");
            assertThat(e.getElementsByTagName("done").getLength()).isEqualTo(1);
            Map<String, String> kv = SplunkKv.extract(child(e, "data"));
            if (!"71".equals(kv.get("rec_type"))) {
                continue;
            }
            long n = SyntheticGenerator.eventIndex(kv.get("url"));
            assertThat(n).as("event key in %s", kv).isBetween(0L, (long) EVENTS - 1);
            assertThat(child(e, "time")).isEqualTo(generator.archiveTimestamp(n) + ".000");
            assertThat(kv.get("event_sec")).isEqualTo(Long.toString(generator.archiveTimestamp(n)));
            assertThat(kv).containsKeys("src_ip", "dest_ip", "src_port", "dest_port", "sensor", "rec_type_simple");
            seen.merge(n, 1, Integer::sum);
        }
    }
}
