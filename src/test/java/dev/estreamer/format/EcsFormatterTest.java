package dev.estreamer.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.decode.RecordEncoder;
import dev.estreamer.enrich.Enricher;
import dev.estreamer.enrich.MetadataCache;
import dev.estreamer.record.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ECS documents against golden files, one per family ({@code src/test/resources/dev/estreamer/format/ecs}).
 * Regenerate after an intended change with {@code -Destreamer.writeGolden=true} and review the diff.
 */
@Timeout(60)
class EcsFormatterTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Map<String, Record> SAMPLES = EcsSamples.all();
    private final EcsFormatter formatter = new EcsFormatter();

    static Stream<String> samples() {
        return SAMPLES.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void documentMatchesGoldenFile(String name) throws IOException {
        JsonNode actual = JSON.readTree(formatter.format(SAMPLES.get(name)));
        if (Boolean.getBoolean("estreamer.writeGolden")) {
            Path file = Path.of("src/test/resources/dev/estreamer/format/ecs", name + ".json");
            Files.writeString(file, JSON.writeValueAsString(actual) + "\n");
        }
        try (InputStream in = getClass().getResourceAsStream("/dev/estreamer/format/ecs/" + name + ".json")) {
            assertThat(in).as("golden file ecs/" + name + ".json").isNotNull();
            assertThat(actual).isEqualTo(JSON.readTree(in));
        }
    }

    @Test
    void initiatorIsSourceAndNamesReplaceIds() throws IOException {
        JsonNode doc = JSON.readTree(formatter.format(SAMPLES.get("connection")));
        assertThat(doc.at("/source/ip").asText()).isEqualTo("192.168.50.50");
        assertThat(doc.at("/destination/port").asInt()).isEqualTo(443);
        assertThat(doc.at("/source/bytes").asLong()).isEqualTo(1687);
        assertThat(doc.at("/network/bytes").asLong()).isEqualTo(1687 + 4492);
        assertThat(doc.at("/observer/ingress/zone").asText()).isEqualTo("inside");
        assertThat(doc.at("/rule/name").asText()).isEqualTo("allow-all");
        assertThat(doc.at("/network/transport").asText()).isEqualTo("tcp");
        assertThat(doc.at("/cisco/firepower/sslServerCertificateStatus").asText()).as("vendor fields carry names").isEqualTo("Not Checked");
        assertThat(doc.at("/cisco/firepower/sinkholeUuid").isMissingNode()).as("zero UUIDs mean 'not set'").isTrue();
        assertThat(doc.at("/@timestamp").asText()).isEqualTo("2020-12-02T15:35:02Z");
        assertThat(formatter.dataStream(SAMPLES.get("connection"))).isEqualTo("logs-cisco_firepower.connection-default");
    }

    @Test
    void vendorFieldsCarryNamesNotTheIdsTheyWereResolvedFrom() throws IOException {
        JsonNode conn = JSON.readTree(formatter.format(SAMPLES.get("connection")));
        JsonNode vendor = conn.at("/cisco/firepower");
        assertThat(vendor.has("ruleAction")).as("the action's id goes, its name stays").isFalse();
        assertThat(vendor.has("ingressZone")).as("zone UUID: the name is observer.ingress.zone").isFalse();
        assertThat(vendor.has("applicationId")).as("application id: the name is network.protocol").isFalse();
        assertThat(vendor.has("deviceId")).as("device id: the name is observer.name").isFalse();
        assertThat(vendor.at("/urlCategory").asText()).isEqualTo("Unknown");

        JsonNode web = JSON.readTree(formatter.format(SAMPLES.get("connection-web")));
        assertThat(web.at("/cisco/firepower/firewallRuleAction").asText())
                .as("a name read only to classify the event still reaches the vendor fields").isEqualTo("Block");
        assertThat(web.at("/event/type").toString()).contains("denied");
        assertThat(web.at("/source/nat/ip").asText()).isEqualTo("198.51.100.10");
        assertThat(web.at("/network/vlan/id").asText()).isEqualTo("42");
        assertThat(web.at("/dns/question/type").asText()).isEqualTo("A");
        assertThat(web.at("/tls/version").asText()).isEqualTo("TLSv1.2");
        assertThat(web.at("/tls/server/hash/sha1").asText()).isEqualTo("9E393D93138888D288266C2D915214D1D1CCEB2A");
        assertThat(web.at("/http/response/status_code").asInt()).isEqualTo(200);

        JsonNode malware = JSON.readTree(formatter.format(SAMPLES.get("malware")));
        assertThat(malware.at("/event/kind").asText()).as("disposition Malware makes it an alert").isEqualTo("alert");
        assertThat(malware.at("/cisco/firepower/disposition").asText()).isEqualTo("Malware");
        assertThat(malware.at("/threat/software/name").asText()).isEqualTo("W32.Generic:Gen.22fz.1201");
        assertThat(malware.at("/threat/tactic").isMissingNode())
                .as("binary eStreamer records carry no MITRE ATT&CK data (docs/elastic.md)").isTrue();
    }

    @Test
    void everyFamilyHasItsDataStream() {
        assertThat(new EcsFormatter("prod_eu").dataStream(SAMPLES.get("intrusion")))
                .isEqualTo("logs-cisco_firepower.intrusion-prod_eu");
        assertThat(formatter.dataStream(SAMPLES.get("file-malware"))).isEqualTo("logs-cisco_firepower.file-default");
        assertThat(formatter.dataStream(SAMPLES.get("malware"))).isEqualTo("logs-cisco_firepower.malware-default");
        assertThat(formatter.dataStream(SAMPLES.get("metadata"))).isEqualTo("logs-cisco_firepower.metadata-default");
        assertThat(formatter.dataStream(SAMPLES.get("discovery"))).isEqualTo("logs-cisco_firepower.discovery-default");
    }

    @Test
    void discoveryEventsDescribeTheHost() throws IOException {
        JsonNode host = JSON.readTree(formatter.format(SAMPLES.get("discovery-new-host")));
        assertThat(host.at("/host/name").asText()).as("the NetBIOS name of the profile").isEqualTo("FILESRV01");
        assertThat(host.at("/host/type").asText()).isEqualTo("router");
        assertThat(host.at("/network/vlan/id").asText()).isEqualTo("42");
        assertThat(host.at("/cisco/firepower/hostProfile/hops").asInt()).as("the rest of the profile stays").isEqualTo(1);

        JsonNode os = JSON.readTree(formatter.format(SAMPLES.get("discovery-new-os")));
        assertThat(os.at("/host/os/name").asText()).as("named from the fingerprint metadata").isEqualTo("Windows");
        assertThat(os.at("/host/os/version").asText()).isEqualTo("10");
        assertThat(os.at("/host/os/full").asText()).isEqualTo("Microsoft Windows 10");
        assertThat(os.at("/event/action").asText()).isEqualTo("new-os-fingerprint");
        assertThat(os.at("/cisco/firepower/osVendor").asText()).as("no ECS home: stays a vendor field").isEqualTo("Microsoft");

        RecordEncoder enc = new RecordEncoder();
        Enricher enricher = new Enricher(MetadataCache.withDefaults());
        RecordDecoder decoder = new RecordDecoder();
        java.util.function.Function<byte[], JsonNode> ecs = payload -> {
            try {
                return JSON.readTree(formatter.format(enricher.enrich(decoder.decode(payload))));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        assertThat(ecs.apply(enc.encode(42, EcsSamples.discoveryHeader(1001, 19, "10.1.2.9", Map.of("value", "LAPTOP-7")),
                true, 1_606_923_810)).at("/host/name").asText()).isEqualTo("LAPTOP-7");
        assertThat(ecs.apply(enc.encode(34, EcsSamples.discoveryHeader(1001, 18, "10.1.2.9", Map.of("id", 300)),
                true, 1_606_923_810)).at("/network/vlan/id").asText()).isEqualTo("300");
        assertThat(ecs.apply(enc.encode(31, EcsSamples.discoveryHeader(1001, 16, "10.1.2.9", Map.of("hostType", 2)),
                true, 1_606_923_810)).at("/host/type").asText()).isEqualTo("bridge");
        JsonNode userSet = ecs.apply(enc.encode(74, EcsSamples.discoveryHeader(1002, 1, "10.1.2.9",
                Map.of("vendor", "Canonical", "product", "Ubuntu Linux", "version", "22.04")), true, 1_606_923_810));
        assertThat(userSet.at("/host/os/name").asText()).isEqualTo("Ubuntu Linux");
        assertThat(userSet.at("/host/os/full").asText()).isEqualTo("Canonical Ubuntu Linux 22.04");
        assertThat(userSet.at("/cisco/firepower/vendor").asText()).isEqualTo("Canonical");
        JsonNode unnamed = ecs.apply(enc.encode(101, EcsSamples.discoveryHeader(1000, 8, "10.1.2.9",
                Map.of("osfingerprint", Map.of("uuid", "11111111-2222-3333-4444-555555555555"))), true, 1_606_923_810));
        assertThat(unnamed.at("/host/os").isMissingNode()).as("a fingerprint without metadata names nothing").isTrue();
        assertThat(unnamed.at("/cisco/firepower/osfingerprint/uuid").asText())
                .isEqualTo("11111111-2222-3333-4444-555555555555");
    }

    @Test
    void loginsAndVpnSessionsAreSessionStartsAndEndsWithAnOutcome() throws IOException {
        JsonNode login = JSON.readTree(formatter.format(SAMPLES.get("user")));
        assertThat(login.at("/event/type").toString()).isEqualTo("[\"start\"]");
        assertThat(login.at("/event/outcome").asText()).isEqualTo("success");

        RecordEncoder enc = new RecordEncoder();
        Enricher enricher = new Enricher(MetadataCache.withDefaults());
        RecordDecoder decoder = new RecordDecoder();
        Map<String, Object> session = Map.of("index", 1, "vpnType", 3, "connectionDuration", 90,
                "clientIp", "198.51.100.20");
        Map<String, Object> logoff = EcsSamples.discoveryHeader(1004, 4, "10.1.2.3", Map.of("username", "alice",
                "ipv4Address", "10.8.0.5", "authType", 5, "vpnSession", java.util.List.of(session)));
        JsonNode end = JSON.readTree(formatter.format(enricher.enrich(decoder.decode(enc.encode(171, logoff, true,
                1_606_923_810)))));
        assertThat(end.at("/event/type").toString()).isEqualTo("[\"end\"]");
        assertThat(end.at("/event/action").asText()).isEqualTo("vpn-logged-out");
        assertThat(end.at("/event/outcome").asText()).isEqualTo("success");
        assertThat(end.at("/event/duration").asLong()).as("90 s in nanoseconds").isEqualTo(90_000_000_000L);
        assertThat(end.at("/cisco/firepower/vpnType").asText()).isEqualTo("AnyConnect SSL");

        Map<String, Object> refused = new java.util.HashMap<>(logoff);
        refused.put("authType", 4);
        refused.remove("vpnSession");
        JsonNode portal = JSON.readTree(formatter.format(enricher.enrich(decoder.decode(enc.encode(170, refused, true,
                1_606_923_810)))));
        assertThat(portal.at("/event/type").toString()).isEqualTo("[\"start\"]");
        assertThat(portal.at("/event/outcome").asText()).as("a captive portal's refusal").isEqualTo("failure");
        assertThat(portal.at("/event/duration").isMissingNode()).isTrue();
    }

    @Test
    void badNamespaceIsRefusedWithTheRule() {
        assertThatThrownBy(() -> new EcsFormatter("Prod-EU")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no '-'").hasMessageContaining("Prod-EU");
    }

    @Test
    void hostileNameStaysDataInOneLine() throws IOException {
        String hostile = "x\"}\n{\"source\":{\"ip\":\"6.6.6.6\"},\"a\":\"";
        byte[] text = hostile.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(16 + text.length);
        b.putInt(123).putInt(8 + text.length).putInt(7).putInt(text.length).put(text);
        byte[] out = formatter.format(new RecordDecoder().decode(b.array()));
        String line = new String(out, StandardCharsets.UTF_8);
        assertThat(line).doesNotContain("\n");
        JsonNode doc = JSON.readTree(line);
        assertThat(doc.at("/source/ip").isMissingNode()).isTrue();
        assertThat(doc.at("/cisco/firepower/name").asText()).isEqualTo(hostile);
    }

    @Test
    void communityIdMatchesTheSpecificationExample() {
        assertThat(CommunityId.of("128.232.110.120", 34855, "66.35.250.204", 80, 6))
                .isEqualTo("1:LQU9qZlK+B5F3KDmev6m5PMibrg=");
        assertThat(CommunityId.of("66.35.250.204", 80, "128.232.110.120", 34855, 6))
                .as("both directions of a flow share the id").isEqualTo("1:LQU9qZlK+B5F3KDmev6m5PMibrg=");
        assertThat(CommunityId.of("evil.example", 1, "10.0.0.1", 2, 6)).as("never a DNS lookup").isNull();
    }
}
