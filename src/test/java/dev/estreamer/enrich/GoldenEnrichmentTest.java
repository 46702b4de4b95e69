package dev.estreamer.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.estreamer.format.JsonFormatter;
import dev.estreamer.record.Record;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Enriching the real capture in stream order gives eNcore 3.8.4's {@code @computed}, except where eNcore is wrong. */
class GoldenEnrichmentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void computedMatchesEncoreLineByLineWithItsDefectsCorrected() throws Exception {
        List<Record> records = GoldenRecords.decoded();
        List<String> encore = GoldenRecords.encoreJson();
        assertThat(records).hasSize(69);
        Enricher enricher = new Enricher(MetadataCache.withDefaults());
        JsonFormatter formatter = new JsonFormatter();
        int connections = 0;
        for (int i = 0; i < records.size(); i++) {
            Record enriched = enricher.enrich(records.get(i));
            Map<String, Object> ours = new TreeMap<>(enriched.computed().toMap());
            Map<String, Object> expected = expected((ObjectNode) JSON.readTree(encore.get(i)).get("@computed"),
                    enriched, i + 1);
            assertThat(ours).as("line %d (record %d)", i + 1, enriched.recordType()).isEqualTo(expected);
            // and the formatter writes exactly these under @computed
            JsonNode written = JSON.readTree(formatter.format(enriched)).get("@computed");
            assertThat(written.size()).isEqualTo(ours.size());
            if (enriched.recordType() == 71) {
                connections++;
            }
        }
        assertThat(connections).isEqualTo(38);
    }

    /** eNcore's @computed for one line, corrected where the golden README says eNcore is wrong, plus our additions. */
    private static Map<String, Object> expected(ObjectNode theirs, Record record, int line) {
        Map<String, Object> expected = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = theirs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                // eNcore prints sensor=None when the device is unknown (record 145 precedes 123): we omit the key
                assertThat(e.getKey()).isEqualTo("sensor");
                assertThat(line).isEqualTo(9);
                continue;
            }
            expected.put(e.getKey(), v.isNumber() ? (Object) v.asLong() : v.asText());
        }
        // ours for every record: the family, so filters and SIEMs can route without a table of their own
        expected.put("recordTypeFamily", record.family().name());
        if (record.recordType() == 71) {
            // eNcore wrote host-local time with no zone (TZ=UTC for this file): we write UTC and say so
            expected.put("eventDateTime", expected.get("eventDateTime") + "Z");
            // eNcore decorates monitor rules 1-7 only; rule 8 is just as much a rule id
            expected.put("monitorRule8", "N/A");
            // 3.8.4 lost record 98's name (README "Record 98 regression"); 3.5.3 shows the right value
            assertThat(expected).doesNotContainKey("user");
            expected.put("user", "No Authentication Required");
            assertThat(expected.get("securityIntelligenceEvent")).isEqualTo("No");
        }
        return expected;
    }
}
