package dev.estreamer.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.record.Record;
import dev.estreamer.record.Status;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Every EventData vector of shared/golden/vectors.json decodes to its expected values. */
class VectorsTest {
    private static final Map<String, Function<Record, Object>> HEADER = Map.of(
            "recordType", r -> (long) r.recordType(),
            "recordLength", Record::recordLength,
            "archiveTimestamp", Record::archiveTimestamp,
            "checksum", Record::checksum);

    private final RecordDecoder decoder = new RecordDecoder();

    @TestFactory
    List<DynamicTest> eventDataVectors() throws IOException {
        JsonNode vectors = new ObjectMapper().readTree(GoldenCapture.resource("vectors.json"));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode v : vectors) {
            if (v.path("messageType").asInt(-1) != 4) {
                continue; // error/null messages and packet helpers belong to the wire package
            }
            String name = v.get("name").asText();
            byte[] payload = HexFormat.of().parseHex(v.get("hex").asText());
            JsonNode expect = v.get("expect");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Record r = decoder.decode(payload);
                if (expect == null || expect.isNull()) {
                    // rua_user_98_legacy_layout: pre-6.x flat layout, must not pass as block 57
                    assertThat(r.status()).as(name).isNotEqualTo(Status.DECODED);
                    assertThat(r.fields().get("rawBody")).isNotNull();
                    return;
                }
                assertThat(r.status()).as(name + " " + r).isEqualTo(Status.DECODED);
                expect.fields().forEachRemaining(e -> {
                    Object actual = HEADER.containsKey(e.getKey()) ? HEADER.get(e.getKey()).apply(r)
                            : r.fields().path(e.getKey());
                    Object wanted = e.getValue().isNumber() ? (Object) e.getValue().asLong() : e.getValue().asText();
                    assertThat(actual).as(name + ": " + e.getKey()).isEqualTo(wanted);
                });
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(7);
        return tests;
    }
}
