package dev.estreamer.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.record.Record;
import dev.estreamer.record.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Golden CEF lines, one per family: {@code cef-families.cef} holds {@code label<TAB>line}, checked by hand against
 * docs/cef.md. Regenerate with {@code -Destreamer.writeGolden=true} and review the diff.
 */
@Timeout(30)
class CefFamiliesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/dev/estreamer/format/cef-families.cef");

    @Test
    void everyFamilyMatchesItsGoldenLine() throws IOException {
        Map<String, Record> records = CefFamilies.records();
        CefFormatter cef = new CefFormatter();
        List<String> lines = new ArrayList<>();
        records.forEach((label, record) -> {
            assertThat(record.status()).as(label).isEqualTo(Status.DECODED);
            String line = cef.render(record);
            assertThat(line).as(label).isNotNull();
            CefParser.parse(line);
            lines.add(label + "\t" + line);
        });
        if (Boolean.getBoolean("estreamer.writeGolden")) {
            Files.write(GOLDEN, lines, StandardCharsets.UTF_8);
        }
        assertThat(lines).containsExactlyElementsOf(Files.readAllLines(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void compatibilitySwitchChangesOnlyEncoresFieldChoices() {
        Map<String, Record> records = CefFamilies.records();
        CefFormatter standard = new CefFormatter();
        CefFormatter compat = new CefFormatter(CefOptions.DEFAULTS.withEncoreCompatible(true));
        records.forEach((label, record) -> {
            Map<String, String> s = CefParser.parse(standard.render(record)).extension();
            Map<String, String> c = CefParser.parse(compat.render(record)).extension();
            switch (label) {
                case "connection-ipv6", "connection-security-intelligence" -> {
                    assertThat(c.get("bytesOut")).isEqualTo(s.get("bytesIn"));
                    assertThat(c.get("bytesIn")).isEqualTo(s.get("bytesOut"));
                    assertThat(c.get("proto")).isEqualTo(label.equals("connection-ipv6") ? "6" : "17");
                    assertThat(withoutKeys(c, "bytesIn", "bytesOut", "proto"))
                            .isEqualTo(withoutKeys(s, "bytesIn", "bytesOut", "proto"));
                }
                case "malware" -> {
                    assertThat(s).containsEntry("cs4Label", "retroDisposition");
                    assertThat(c).containsEntry("cs4Label", "speroDisposition").containsEntry("cs4", s.get("cs4"));
                    assertThat(withoutKeys(c, "cs4Label")).isEqualTo(withoutKeys(s, "cs4Label"));
                }
                default -> assertThat(c).as(label).isEqualTo(s);
            }
        });
    }

    @Test
    void ipv6GoesToSourceAndDestinationOnlyWhenAllowed() {
        Record record = CefFamilies.records().get("connection-ipv6");
        Map<String, String> standard = CefParser.parse(new CefFormatter().render(record)).extension();
        Map<String, String> wide = CefParser.parse(new CefFormatter(CefOptions.DEFAULTS.withIpv6InSourceDestination(true))
                .render(record)).extension();
        assertThat(standard).doesNotContainKeys("src", "dst").containsEntry("c6a2", "2001:db8::10");
        assertThat(wide).containsEntry("src", "2001:db8::10").containsEntry("dst", "2001:db8:ff::1")
                .containsEntry("c6a2", "2001:db8::10").containsEntry("c6a3Label", "destinationIpv6Address");
    }

    @Test
    void metadataAndUndecodableRecordsHaveNoCef() {
        CefFormatter cef = new CefFormatter();
        List<byte[]> payloads = CefGoldenTest.payloads();
        dev.estreamer.decode.RecordDecoder decoder = new dev.estreamer.decode.RecordDecoder();
        long nulls = payloads.stream().map(decoder::decode).filter(r -> cef.format(r) == null).count();
        assertThat(nulls).isEqualTo(31); // the capture's metadata records
        assertThat(cef.format(decoder.decode(new byte[] {0, 0, 0, 71, 0, 0, 0, 40, 1, 2}))).isNull();
    }

    private static Map<String, String> withoutKeys(Map<String, String> m, String... keys) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(m);
        for (String k : keys) {
            copy.remove(k);
        }
        return copy;
    }
}
