package dev.estreamer.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.enrich.Enricher;
import dev.estreamer.enrich.MetadataCache;
import dev.estreamer.record.Record;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The golden capture as cisco:sfw:estreamer JSON: Cisco's app field names, names from metadata, no metadata lines. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SplunkJsonFormatterTest {
    @Test
    void connectionEventsCarryCiscoAppFieldNames() throws Exception {
        List<Record> records = KvFormatterGoldenTest.decoded();
        Enricher enricher = new Enricher(MetadataCache.withDefaults());
        SplunkJsonFormatter json = new SplunkJsonFormatter();
        ObjectMapper mapper = new ObjectMapper();
        int connections = 0;
        for (Record raw : records) {
            Record r = enricher.enrich(raw);
            byte[] out = json.format(r);
            if (r.recordType() != 71) {
                assertThat(out).as("metadata record %d", r.recordType()).isNull();
                continue;
            }
            connections++;
            JsonNode n = mapper.readTree(out);
            // the same facts as eNcore's key=value line for this record, under Cisco's app names
            java.util.Map<String, String> kv = dev.estreamer.testing.SplunkKv.extract(
                    new String(new KvFormatter().format(r), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(n.get("EventType").asText()).isEqualTo("ConnectionEvent");
            assertThat(n.get("EventSecond").asText()).isEqualTo(kv.get("event_sec"));
            assertThat(n.get("InitiatorIP").asText()).isEqualTo(kv.get("src_ip"));
            assertThat(n.get("ResponderIP").asText()).isEqualTo(kv.get("dest_ip"));
            assertThat(n.get("ResponderPort").isNumber()).isTrue();
            assertThat(n.get("ResponderPort").asText()).isEqualTo(kv.get("dest_port"));
            assertThat(n.get("Protocol").asText()).isEqualTo(kv.get("ip_proto"));
            assertThat(n.get("AC_RuleAction").asText()).isEqualTo("Allow");
            assertThat(n.get("FirewallRule").asText()).isEqualTo("allow-all");
            assertThat(n.get("FirewallPolicy").asText()).isEqualTo("basic-ac");
            assertThat(n.get("IngressZone").asText()).isEqualTo(kv.get("sec_zone_ingress"));
            assertThat(n.get("User").asText()).isEqualTo("No Authentication Required");
            assertThat(n.get("Device").asText()).isEqualTo("10.101.101.161");
            assertThat(n.get("InitiatorBytes").asText()).isEqualTo(kv.get("src_bytes"));
            assertThat(n.has("ConnectionDuration")).isTrue();
        }
        assertThat(connections).isEqualTo(38);
    }
}
