package dev.estreamer.enrich;

import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ids the cache has never seen give no field (or the built-in default), never an exception. */
class UnknownIdsTest {
    @Test
    void aConnectionEventWithoutMetadataGetsDefaultsOnly() {
        List<Record> records = GoldenRecords.decoded();
        Record event = records.get(22); // first 71, enriched without the 22 metadata records before it
        Fields computed = new Enricher(MetadataCache.withDefaults()).enrich(event).computed();
        assertThat(computed.get("sensor")).isNull();
        assertThat(computed.get("firewallRule")).isNull();
        assertThat(computed.get("webApplication")).isNull();
        assertThat(computed.get("user")).isNull();
        assertThat(computed.get("transportProtocol")).isEqualTo("TCP"); // built-in IANA table
        assertThat(computed.get("sourceIpCountry")).isEqualTo("unknown"); // country 0 default
        assertThat(computed.get("monitorRule1")).isEqualTo("N/A");
        assertThat(computed.get("recordTypeFamily")).isEqualTo("CONNECTION");
        assertThat(computed.get("eventDateTime")).isEqualTo("2020-12-02T15:35:02Z");
    }

    @Test
    void securityIntelligenceHitsAreAFamilyOfTheirOwn() {
        Record event = GoldenRecords.decoded().get(22);
        Fields body = event.fields();
        Object[] values = new Object[body.size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            names.add(body.name(i));
            values[i] = body.name(i).equals("securityIntelligenceSourceDestination") ? 1L : body.value(i);
        }
        Record hit = new Record(new Record.Header(71, 3, event.recordLength(), true, event.archiveTimestamp(), 0),
                event.name(), event.category(), event.family(), event.status(),
                new Fields(new dev.estreamer.record.FieldNames(names), values), event.raw());
        MetadataCache cache = MetadataCache.withDefaults();
        cache.put("netmapDomains", 3L, "Global/Leaf");
        Fields computed = new Enricher(cache).enrich(hit).computed();
        assertThat(computed.get("securityIntelligenceEvent")).isEqualTo("Yes");
        assertThat(computed.get("recordTypeFamily")).isEqualTo("SECURITY_INTELLIGENCE");
        assertThat(computed.get("domain")).isEqualTo("Global/Leaf");
    }

    @Test
    void undecodableRecordsGetOnlyTheirTypeNames() {
        Record event = GoldenRecords.decoded().get(22);
        Record broken = new Record(new Record.Header(71, 0, 4, false, 0, 0), event.name(), event.category(),
                event.family(), dev.estreamer.record.Status.MALFORMED, Fields.empty(), new byte[0]);
        Fields computed = new Enricher(MetadataCache.withDefaults()).enrich(broken).computed();
        assertThat(computed.toMap()).containsOnlyKeys("recordTypeCategory", "recordTypeDescription");
    }

    @Test
    void impactBitsAndTextsFollowEncore() {
        assertThat(ImpactText.impact(0b1000)).isEqualTo(1);
        assertThat(ImpactText.impact(0b110)).isEqualTo(2);
        assertThat(ImpactText.impact(0b10)).isEqualTo(3);
        assertThat(ImpactText.impact(0b1)).isEqualTo(4);
        assertThat(ImpactText.impact(0)).isEqualTo(0);
        assertThat(ImpactText.description("x [Impact: 2] y")).isEqualTo("2");
        assertThat(ImpactText.clientIp("000000000000000000000000c0a80101")).isEqualTo("192.168.1.1");
        assertThat(new EventTime().format(1606923302L, 500)).isEqualTo("2020-12-02T15:35:02.000500Z");
        assertThat(new EventTime().format(1606923660L, 0)).isEqualTo("2020-12-02T15:41:00Z");
    }
}
