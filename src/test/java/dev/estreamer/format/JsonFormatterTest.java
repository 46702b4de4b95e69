package dev.estreamer.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.decode.RecordEncoder;
import dev.estreamer.record.Family;
import dev.estreamer.record.FieldNames;
import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;
import dev.estreamer.record.Status;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonFormatterTest {
    private final RecordDecoder decoder = new RecordDecoder();
    private final JsonFormatter formatter = new JsonFormatter();

    /** Record 123 (managed device, id-length-name) with a hostile name. */
    private Record deviceNamed(String name) {
        byte[] text = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(16 + text.length);
        b.putInt(123).putInt(8 + text.length).putInt(7).putInt(text.length).put(text);
        return decoder.decode(b.array());
    }

    @Test
    void hostileStringStaysOneValidJsonLine() throws Exception {
        // the NUL is removed by the decoder (eNcore rule); quote, newline, CR, tab and a forged key stay data
        String hostile = "a\"b\nc\r\td\u0000e\",\"recordType\":1}\n{\"x\":\"";
        byte[] out = formatter.format(deviceNamed(hostile));
        String line = new String(out, StandardCharsets.UTF_8);
        assertThat(line).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u0000");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("name").asText()).isEqualTo(hostile.replace("\u0000", ""));
        assertThat(json.get("recordType").asInt()).isEqualTo(123);
        assertThat(json.get("id").asInt()).isEqualTo(7);
    }

    @Test
    void shapeIsHeaderThenBodyThenComputed() throws Exception {
        String line = new String(formatter.format(deviceNamed("sensor-01")), StandardCharsets.UTF_8);
        assertThat(line).isEqualTo("{\"recordType\":123,\"recordLength\":17,\"archiveTimestamp\":0,\"checksum\":0,"
                + "\"id\":7,\"length\":9,\"name\":\"sensor-01\","
                + "\"@computed\":{\"recordTypeCategory\":\"SENSOR\",\"recordTypeDescription\":\"Managed Device Metadata\"}}");
    }

    /**
     * A slot flagged as holding the decoder's ASCII renderings but given something else still yields one valid
     * line with the same fields: the bulk copy is checked, and a char whose low byte is a quote, a backslash or a
     * control char falls back to escaping.
     */
    @Test
    void wrongValueInAsciiSlotCannotForgeAField() throws Exception {
        String[] hostile = {"a\"b", "c\\d", "e\nf", "\u0122,\"x\":1", "\u010a", "\u015c\u0122}", "é", "x".repeat(40) + "\""};
        for (String value : hostile) {
            for (int pass = 0; pass < 2; pass++) { // the second pass goes through the remembered-string path
                Fields body = new Fields(new FieldNames(List.of("address", "port"), new boolean[] {true, true}),
                        new Object[] {value, 443L});
                Record r = new Record(new Record.Header(71, 0, 0, false, 0, 0), "Connection Statistics",
                        "RNA", Family.CONNECTION, Status.DECODED, body, new byte[0]);
                String line = new String(formatter.format(r), StandardCharsets.UTF_8);
                assertThat(line).doesNotContain("\n");
                JsonNode json = new ObjectMapper().readTree(line);
                assertThat(json.size()).as(line).isEqualTo(7);
                assertThat(json.get("address").asText()).isEqualTo(value);
                assertThat(json.get("port").asInt()).isEqualTo(443);
            }
        }
    }

    @Test
    void unknownRecordPrintsHeaderAndRawBody() throws Exception {
        byte[] payload = HexFormat.of().parseHex("0000270f" + "00000002" + "beef");
        JsonNode json = new ObjectMapper().readTree(formatter.format(decoder.decode(payload)));
        assertThat(json.get("recordType").asInt()).isEqualTo(9999);
        assertThat(json.get("rawBody").asText()).isEqualTo("beef");
    }

    @Test
    void u64AboveLongMaxIsUnsigned() throws Exception {
        byte[] payload = new RecordEncoder().encode(502, Map.of("fileSize", -1L, "fileName", "x.pdf"), true, 1);
        JsonNode json = new ObjectMapper().readTree(formatter.format(decoder.decode(payload)));
        assertThat(json.get("fileSize").bigIntegerValue().toString()).isEqualTo("18446744073709551615");
        assertThat(json.get("fileName").get("data").asText()).isEqualTo("x.pdf");
        assertThat(json.get("archiveTimestamp").asLong()).isEqualTo(1);
    }
}
