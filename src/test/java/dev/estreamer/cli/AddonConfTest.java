package dev.estreamer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.enrich.Enricher;
import dev.estreamer.enrich.MetadataCache;
import dev.estreamer.format.Formatter;
import dev.estreamer.format.KvFormatter;
import dev.estreamer.format.SplunkJsonFormatter;
import dev.estreamer.record.Record;
import dev.estreamer.sim.SourceRecord;
import dev.estreamer.sim.SyntheticGenerator;
import dev.estreamer.testing.SplunkKv;
import dev.estreamer.testing.SplunkSearchTime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The add-on's configuration does what a Splunk admin expects of it: props.conf breaks lines, finds the time
 * and extracts with {@code KV_MODE = auto_escaped}; and every family the simulator generates, rendered as
 * key=value and as cisco:sfw:estreamer JSON, goes through the add-on's own aliases, EVALs, lookups, event types
 * and tags (see {@link SplunkSearchTime}) into the CIM data model it belongs to, with that model's fields.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AddonConfTest {
    private static final Path APP = Path.of("splunk-app");
    private static final String KV = "cisco:estreamer:data";
    private static final String JSON = "cisco:sfw:estreamer";
    private static final Set<String> ACTIONS = Set.of("allowed", "blocked", "teardown", "deferred", "success",
            "failure");
    private static final Set<String> SEVERITIES = Set.of("critical", "high", "medium", "low", "informational");
    private static final Set<String> TRANSPORTS = Set.of("tcp", "udp", "icmp", "sctp");

    static SplunkSearchTime splunk;
    /** Events by sourcetype, each as its extracted fields. */
    static Map<String, List<Map<String, String>>> events = new HashMap<>();
    static List<String> kvLines = new ArrayList<>();

    @BeforeAll
    static void render() throws Exception {
        splunk = new SplunkSearchTime(APP);
        SyntheticGenerator generator = SyntheticGenerator.builder().seed(11).count(400).eventsPerSecond(50)
                .allFamilies(true).build();
        RecordDecoder decoder = new RecordDecoder();
        Enricher enricher = new Enricher(MetadataCache.withDefaults());
        for (SourceRecord m : generator.metadata()) {
            enricher.enrich(decoder.decode(m.payload(true, 0)));
        }
        Formatter kv = new KvFormatter();
        Formatter json = new SplunkJsonFormatter();
        ObjectMapper mapper = new ObjectMapper();
        for (long n = 0; n < 400; n++) {
            Record r = enricher.enrich(decoder.decode(generator.event(n, SyntheticGenerator.Blocks.PLAIN)
                    .payload(true, 0)));
            String line = new String(kv.format(r), StandardCharsets.UTF_8);
            kvLines.add(line);
            events.computeIfAbsent(KV, k -> new ArrayList<>()).add(SplunkKv.extract(line));
            byte[] j = json.format(r);
            if (j != null) {
                Map<String, String> fields = new HashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = mapper.readTree(j).fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    assertThat(e.getValue().isValueNode()).as("flat JSON: %s", e.getKey()).isTrue();
                    fields.put(e.getKey(), e.getValue().asText());
                }
                events.computeIfAbsent(JSON, k -> new ArrayList<>()).add(fields);
            }
        }
    }

    @Test
    void propsBreakLinesFindTheTimeAndExtractWithAutoEscaped() throws Exception {
        Map<String, String> kv = splunk.props(KV);
        assertThat(kv).containsEntry("SHOULD_LINEMERGE", "false").containsEntry("LINE_BREAKER", "([\\r\\n]+)")
                .containsEntry("TRUNCATE", "0").containsEntry("KV_MODE", "auto_escaped")
                .containsEntry("TIME_PREFIX", "event_sec=").containsEntry("TIME_FORMAT", "%s");
        Map<String, String> json = splunk.props(JSON);
        assertThat(json).containsEntry("SHOULD_LINEMERGE", "false").containsEntry("KV_MODE", "json")
                .containsEntry("TRUNCATE", "0").containsEntry("TIME_FORMAT", "%s");
        // the time settings find the event time in what we write (files indexed by a monitor input)
        String line = kvLines.stream().filter(l -> l.startsWith("rec_type=400 ")).findFirst().orElseThrow();
        var time = Pattern.compile(Pattern.quote(kv.get("TIME_PREFIX")) + "(\\d{1,"
                + kv.get("MAX_TIMESTAMP_LOOKAHEAD") + "})").matcher(line);
        assertThat(time.find()).isTrue();
        assertThat(time.group(1)).isEqualTo(SplunkKv.extract(line).get("event_sec"));
        assertThat(line.indexOf(kv.get("TIME_PREFIX"))).as("event_sec is the first time on the line")
                .isEqualTo(line.indexOf(' ') + 1);
        String jsonLine = "{\"EventType\":\"IntrusionEvent\",\"EventSecond\":1700000000,\"EventMicrosecond\":5}";
        assertThat(Pattern.compile(json.get("TIME_PREFIX") + "1700000000").matcher(jsonLine).find()).isTrue();
        // every lookup file the transforms name exists, and every lookup has the columns props asks for
        for (var t : SplunkSearchTime.conf(APP.resolve("default/transforms.conf")).entrySet()) {
            if (!t.getKey().equals("default")) {
                assertThat(APP.resolve("lookups").resolve(t.getValue().get("filename"))).exists();
            }
        }
        // global export, so the CIM data models (in other apps) see the tags and fields
        assertThat(SplunkSearchTime.conf(APP.resolve("metadata/default.meta")).get(""))
                .containsEntry("export", "system").containsEntry("access", "read : [ * ], write : [ admin ]");
        JsonNode manifest = new ObjectMapper().readTree(APP.resolve("app.manifest").toFile());
        assertThat(manifest.at("/info/id/name").asText()).isEqualTo("TA-estreamer");
        assertThat(manifest.at("/info/commonInformationModels").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("Intrusion_Detection", "Network_Traffic", "Malware", "Authentication");
    }

    @Test
    void everyKeyValueLineStartsWithRecTypeAndEventSecAndHasOnlyWordKeys() {
        Pattern start = Pattern.compile("^rec_type=\\d+ event_sec=\\d+ \\S");
        Pattern pair = Pattern.compile("[A-Za-z][A-Za-z0-9_]*=[^\\s\"=\\\\]*");
        for (String line : kvLines) {
            assertThat(start.matcher(line).find()).as(line).isTrue();
            // with the quoted values taken out, the line is nothing but key=bare pairs separated by single spaces
            String unquoted = line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "");
            for (String token : unquoted.split(" ", -1)) {
                assertThat(pair.matcher(token).matches()).as("%s in %s", token, line).isTrue();
            }
        }
    }

    @Test
    void everyEventTypeHasTagsAndEveryTagStanzaAnEventType() {
        Set<String> types = new TreeSet<>(splunk.eventtypeStanzas().keySet());
        types.remove("default");
        Set<String> tagged = new TreeSet<>();
        splunk.tagStanzas().keySet().stream().filter(k -> k.startsWith("eventtype="))
                .forEach(k -> tagged.add(k.substring("eventtype=".length())));
        assertThat(tagged).isEqualTo(types);
    }

    /** A VPN login the captive portal refused is a failed authentication from the client's public address. */
    @Test
    void aRefusedVpnLoginIsAFailedAuthenticationFromTheClientsAddress() throws Exception {
        Map<String, Object> session = Map.of("index", 1, "vpnType", 3, "clientIp", "198.51.100.20");
        Map<String, Object> body = new HashMap<>(Map.of("deviceId", 1, "eventSecond", 1_700_000_000L,
                "username", "bob", "ipv4Address", "10.8.0.5", "authType", 4, "vpnSession", List.of(session)));
        Map<String, String> f = kvSearchFields(170, body);
        assertThat(f).containsEntry("action", "failure").containsEntry("src", "198.51.100.20")
                .containsEntry("user", "bob");
        assertThat(splunk.tags(splunk.eventtypes(KV, f))).contains("authentication");
        body.put("authType", 5);
        assertThat(kvSearchFields(170, body)).containsEntry("action", "success");
    }

    /** A record of {@code type} encoded, decoded, enriched, written as key=value and read back as Splunk would. */
    private static Map<String, String> kvSearchFields(int type, Map<String, Object> body) throws Exception {
        Record r = new Enricher(MetadataCache.withDefaults()).enrich(new RecordDecoder().decode(
                new dev.estreamer.decode.RecordEncoder().encode(type, body, true, 1_700_000_000L)));
        return splunk.fields(KV, SplunkKv.extract(new String(new KvFormatter().format(r), StandardCharsets.UTF_8)));
    }

    /** Each family lands in its CIM model, with the fields that model requires (CIM 4.x). */
    @Test
    void keyValueEventsAreCimTaggedWithTheirModelsFields() throws Exception {
        Map<String, Integer> byModel = new TreeMap<>();
        for (Map<String, String> extracted : events.get(KV)) {
            Map<String, String> f = splunk.fields(KV, extracted);
            Set<String> tags = splunk.tags(splunk.eventtypes(KV, f));
            String type = f.get("rec_type");
            String what = "rec_type " + type + " " + new TreeMap<>(f);
            assertThat(f).as(what).containsEntry("vendor_product", "Cisco Secure Firewall");
            switch (type) {
                case "400" -> {
                    assertThat(tags).as(what).contains("ids", "attack");
                    ids(f, what);
                    byModel.merge("Intrusion_Detection", 1, Integer::sum);
                }
                case "71" -> {
                    assertThat(tags).as(what).contains("network", "communicate");
                    network(f, what);
                    assertThat(Long.parseLong(f.get("bytes"))).isEqualTo(
                            Long.parseLong(f.get("src_bytes")) + Long.parseLong(f.get("dest_bytes")));
                    byModel.merge("Network_Traffic", 1, Integer::sum);
                }
                case "125", "502" -> {
                    assertThat(tags).as(what).contains("malware", "attack");
                    malware(f, what, type.equals("125"));
                    byModel.merge("Malware", 1, Integer::sum);
                }
                case "500" -> {
                    // a file event is malware only when the file is
                    assertThat(tags.contains("malware")).as(what).isEqualTo("Malware".equals(f.get("disposition")));
                    assertThat(f.get("action")).as(what).isIn(ACTIONS);
                }
                case "95", "170" -> {
                    assertThat(tags).as(what).contains("authentication");
                    assertThat(f).as(what).containsEntry("action", "4".equals(f.get("auth_type")) ? "failure" : "success");
                    if (type.equals("170")) {
                        assertThat(f).as(what).containsKeys("user", "src");
                    }
                    byModel.merge("Authentication", 1, Integer::sum);
                }
                default -> assertThat(tags).as(what).doesNotContain("ids", "malware", "network", "authentication");
            }
        }
        assertThat(byModel).containsOnlyKeys("Intrusion_Detection", "Network_Traffic", "Malware", "Authentication")
                .allSatisfy((model, count) -> assertThat(count).as(model).isPositive());
    }

    @Test
    void ciscoJsonEventsAreCimTaggedWithTheirModelsFields() throws Exception {
        Map<String, Integer> byType = new TreeMap<>();
        for (Map<String, String> extracted : events.get(JSON)) {
            Map<String, String> f = splunk.fields(JSON, extracted);
            Set<String> tags = splunk.tags(splunk.eventtypes(JSON, f));
            String what = new TreeMap<>(f).toString();
            String type = f.get("EventType");
            assertThat(f).as(what).containsEntry("vendor_product", "Cisco Secure Firewall");
            switch (type) {
                case "IntrusionEvent" -> {
                    assertThat(tags).as(what).contains("ids", "attack");
                    ids(f, what);
                }
                case "ConnectionEvent" -> {
                    assertThat(tags).as(what).contains("network", "communicate");
                    network(f, what);
                }
                case "MalwareEvent" -> {
                    assertThat(tags).as(what).contains("malware", "attack");
                    malware(f, what, true);
                }
                case "FileEvent" -> {
                    assertThat(tags.contains("malware")).as(what).isEqualTo("Malware".equals(f.get("SHA_Disposition")));
                    if (tags.contains("malware")) {
                        malware(f, what, false);
                    }
                }
                default -> throw new AssertionError("unexpected EventType " + type);
            }
            byType.merge(type, 1, Integer::sum);
        }
        assertThat(byType).containsKeys("IntrusionEvent", "ConnectionEvent", "MalwareEvent", "FileEvent");
    }

    private static void ids(Map<String, String> f, String what) {
        assertThat(f).as(what).containsKeys("src", "dest", "src_port", "dest_port", "dvc", "signature", "signature_id",
                "category", "user").containsEntry("ids_type", "network");
        assertThat(f.get("action")).as(what).isIn("allowed", "blocked");
        assertThat(f.get("severity")).as(what).isIn(SEVERITIES);
        assertThat(f.get("transport")).as(what).isIn(TRANSPORTS);
    }

    private static void network(Map<String, String> f, String what) {
        assertThat(f).as(what).containsKeys("src", "dest", "src_port", "dest_port", "dvc", "rule", "app", "bytes",
                "bytes_in", "bytes_out", "user");
        assertThat(f.get("action")).as(what).isIn("allowed", "blocked", "teardown");
        assertThat(f.get("transport")).as(what).isIn(TRANSPORTS);
    }

    private static void malware(Map<String, String> f, String what, boolean named) {
        assertThat(f).as(what).containsKeys("src", "dest", "file_hash", "file_name");
        assertThat(f.get("action")).as(what).isIn("allowed", "blocked", "deferred");
        if (named) {
            assertThat(f.get("signature")).as(what).isNotBlank();
        }
    }
}
