package dev.estreamer.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.decode.RecordEncoder;
import dev.estreamer.format.CefParser.Cef;
import dev.estreamer.pipeline.Enrichment;
import dev.estreamer.record.FieldNames;
import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Event text cannot forge CEF structure: whatever a rule message, user name or URL holds, the message keeps its
 * seven header fields, exactly the extension keys a harmless value gives, no raw line break (so no second syslog
 * message), and the value reads back as sent (control characters other than CR/LF become spaces).
 */
@Timeout(60)
class CefInjectionTest {
    static final List<String> CORPUS = List.of(
            "a|b", "|||||||", "CEF:0|Evil|Corp|1|2|3|10|src=1.2.3.4", "back\\slash", "\\", "ends with \\",
            "\\|", "\\=", "k=v", "=", "x act=Allowed", " dst=6.6.6.6 ", "line\nCEF:0|forged|x|1|2|3|4|a=b",
            "cr\r<13>Jan 01 00:00:00 host forged", "crlf\r\n", "tab\there", "nul\0byte", "\u0085nel", "\u2028ls",
            "ü日本語😀", "\\n literally", "%s%n", "a\\=b\\|c\\\\", "cs1Label=hijack", "trailing space ", "");

    private static final RecordEncoder ENCODER = new RecordEncoder();
    private static final RecordDecoder DECODER = new RecordDecoder();

    @Test
    void corpusCannotForgeStructure() {
        for (String evil : CORPUS) {
            check(evil);
        }
    }

    @Property(tries = 500)
    void arbitraryTextCannotForgeStructure(@ForAll @StringLength(max = 30)
            @Chars({'|', '\\', '=', ' ', '\n', '\r', 'a', 'k', 'é', '日', '\u2028', '\0', 'n', '<'}) String evil) {
        check(evil);
    }

    private static void check(String evil) {
        CefFormatter cef = new CefFormatter();
        String expectedHeader = evil.replaceAll("[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]", " ");
        String expectedValue = evil.replaceAll("[\\x00-\\x09\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u2028\\u2029]", " ");

        // Names from enrichment: the rule message is the header's Name, the user a value.
        Cef reference = parseSafely(cef.render(intrusion("x")));
        Cef parsed = parseSafely(cef.render(intrusion(evil)));
        assertThat(parsed.header().subList(0, 5)).isEqualTo(reference.header().subList(0, 5));
        assertThat(parsed.severity()).isEqualTo(reference.severity());
        List<String> keys = new ArrayList<>(reference.extension().keySet());
        if (evil.isEmpty()) {
            keys.remove("suser");
            assertThat(parsed.name()).isEqualTo("Intrusion Event 1:58001");
        } else {
            assertThat(parsed.name()).isEqualTo(expectedHeader);
            assertThat(parsed.extension()).containsEntry("suser", expectedValue);
        }
        assertThat(parsed.extension().keySet()).containsExactlyElementsOf(keys);

        // Text from the wire: the URL and DNS query of a connection event (the decoder drops NULs).
        String wire = evil.replace("\0", "");
        reference = parseSafely(cef.render(connection("x")));
        parsed = parseSafely(cef.render(connection(evil)));
        assertThat(parsed.header()).isEqualTo(reference.header());
        keys = new ArrayList<>(reference.extension().keySet());
        if (wire.isEmpty()) {
            keys.removeAll(List.of("request", "destinationDnsDomain"));
        } else {
            String value = wire.replaceAll("[\\x00-\\x09\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u2028\\u2029]", " ");
            assertThat(parsed.extension()).containsEntry("request", value).containsEntry("destinationDnsDomain", value);
        }
        assertThat(parsed.extension().keySet()).containsExactlyElementsOf(keys);
    }

    private static Cef parseSafely(String line) {
        assertThat(line).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u2028").doesNotContain("\u0085");
        return CefParser.parse(line);
    }

    /** An intrusion event whose rule message (header Name) and user name are the given text. */
    static Record intrusion(String text) {
        byte[] payload = ENCODER.encode(400, Map.of("blockType", 85, "deviceId", 7, "eventId", 42,
                "eventSecond", 1500000123, "ruleId", 58001, "generatorId", 1, "priorityId", 1,
                "sourceIpAddress", "10.0.0.1", "destinationIpAddress", "10.0.0.2"), true, 1500000123);
        Record record = Enrichment.inMemory().apply(DECODER.decode(payload));
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        record.computed().forEach((k, v) -> {
            if (!k.equals("message") && !k.equals("user")) {
                names.add(k);
                values.add(v);
            }
        });
        names.add("message");
        values.add(text);
        names.add("user");
        values.add(text);
        return record.withComputed(new Fields(new FieldNames(names), values.toArray()));
    }

    /** A connection event whose URL and DNS query, decoded from the wire, are the given text. */
    static Record connection(String text) {
        byte[] payload = ENCODER.encode(71, Map.of("blockType", 174, "deviceId", 1, "initiatorIpAddress", "10.0.0.1",
                "responderIpAddress", "10.0.0.2", "clientUrl", text, "dnsQuery", text, "protocol", 6,
                "firstPacketTimestamp", 1500000000), true, 1500000123);
        return Enrichment.inMemory().apply(DECODER.decode(payload));
    }
}
