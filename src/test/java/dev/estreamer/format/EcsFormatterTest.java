package dev.estreamer.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.estreamer.decode.RecordDecoder;
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
