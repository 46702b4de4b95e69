package dev.estreamer.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.record.FieldNames;
import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;
import dev.estreamer.sim.SourceRecord;
import dev.estreamer.sim.SyntheticGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The enricher remembers the computed fields of input values it has seen ({@link Layout}); what it answers
 * from memory must be what running the rules answers, and a metadata change must not serve stale names.
 */
class MemoTest {
    private static final RecordDecoder DECODER = new RecordDecoder();

    /** Names and values in order, so a wrong order or a wrong shape fails as well as a wrong value. */
    private static List<String> described(Fields f) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            out.add(f.name(i) + "=" + f.value(i));
        }
        return out;
    }

    private static List<Record> syntheticStream(int events) {
        SyntheticGenerator generator = SyntheticGenerator.builder().seed(11).count(events).allFamilies(true).build();
        List<Record> out = new ArrayList<>();
        for (SourceRecord m : generator.metadata()) {
            out.add(DECODER.decode(m.payload(true, 0)));
        }
        for (long n = 0; n < events; n++) {
            SourceRecord r = generator.event(n, SyntheticGenerator.Blocks.PLAIN);
            out.add(DECODER.decode(r.payload(true, (int) (n % 3))));
        }
        return out;
    }

    private static void assertWarmEqualsCold(List<Record> records, int passes) {
        Enricher warm = new Enricher(MetadataCache.withDefaults());
        for (int pass = 0; pass < passes; pass++) {
            for (Record r : records) {
                Record enriched = pass == 0 ? warm.enrich(r) : warm.decorate(r);
                Enricher cold = new Enricher(warm.cache());
                Record fresh = cold.decorate(r);
                assertThat(described(enriched.computed())).as("record type %d, pass %d", r.recordType(), pass)
                        .isEqualTo(described(fresh.computed()));
                assertThat(warm.awaitsMetadata()).isEqualTo(cold.awaitsMetadata());
            }
        }
    }

    @Test
    void theGoldenCaptureDecoratedFromMemoryMatchesRunningTheRules() {
        assertWarmEqualsCold(GoldenRecords.decoded(), 3);
    }

    @Test
    void everyFamilyDecoratedFromMemoryMatchesRunningTheRules() {
        assertWarmEqualsCold(syntheticStream(600), 2);
    }

    @Test
    void aMetadataChangeIsSeenByTheNextRecordWithTheSameInputs() {
        List<Record> records = GoldenRecords.decoded();
        Enricher enricher = new Enricher(MetadataCache.withDefaults());
        records.forEach(enricher::enrich);
        Record event = records.get(22);
        Object device = event.fields().get("deviceId");
        Object before = enricher.decorate(event).computed().get("sensor");
        assertThat(before).isNotNull();
        enricher.cache().put(Tables.DEVICES, device, "renamed-sensor");
        assertThat(enricher.decorate(event).computed().get("sensor")).isEqualTo("renamed-sensor");
    }

    @Test
    void recordsWithTheSameInputsKeepTheirOwnTimesAndShareOneShape() {
        Enricher enricher = new Enricher(MetadataCache.withDefaults());
        List<Record> connections = GoldenRecords.decoded().stream().filter(r -> r.recordType() == 71).toList();
        connections.forEach(enricher::enrich);
        List<Object> times = new ArrayList<>();
        List<FieldNames> shapes = new ArrayList<>();
        for (Record r : connections) {
            Fields computed = enricher.decorate(r).computed();
            times.add(computed.get("eventSecond"));
            shapes.add(computed.names());
        }
        assertThat(times.stream().distinct().count()).as("distinct event seconds").isGreaterThan(1);
        // one FieldNames object per list of names (formatters keep per-layout state keyed on it)
        assertThat(shapes.stream().distinct().count())
                .isEqualTo(shapes.stream().map(FieldNames::toString).distinct().count());
    }

    /** The golden connection record with one field replaced. */

    @Test
    void recordsThatDifferInOneInputAreNeverAnsweredForEachOther() {
        List<Record> records = GoldenRecords.decoded();
        Enricher enricher = new Enricher(MetadataCache.withDefaults());
        records.stream().filter(r -> r.recordType() != 71).forEach(enricher::enrich); // metadata only: a fresh memo
        enricher.cache().put(Tables.GEOLOCATIONS, 840L, "united states");
        enricher.cache().put(Tables.GEOLOCATIONS, 276L, "germany");
        Record event = records.get(22);
        // alternate: the country is one input among ~45, so both first share a hash and a slot, until it is learnt
        Record us = event.withField("responderCountry", 840L);
        Record de = event.withField("responderCountry", 276L);
        for (int i = 0; i < 50; i++) {
            assertThat(enricher.decorate(us).computed().get("destinationIpCountry")).isEqualTo("united states");
            assertThat(enricher.decorate(de).computed().get("destinationIpCountry")).isEqualTo("germany");
        }
    }

    @Test
    void inputsThatNeverRepeatSwitchTheMemoOffAndTheAnswersStayRight() {
        List<Record> records = GoldenRecords.decoded();
        Enricher warm = new Enricher(MetadataCache.withDefaults());
        records.stream().filter(r -> r.recordType() != 71).forEach(warm::enrich);
        List<Record> connections = records.stream().filter(r -> r.recordType() == 71).toList();
        for (int i = 0; i < 5000; i++) {
            Record r = connections.get(i % connections.size()).withField("userId", 1_000_000L + i);
            Record enriched = warm.decorate(r);
            assertThat(described(enriched.computed())).as("record %d", i)
                    .isEqualTo(described(new Enricher(warm.cache()).decorate(r).computed()));
        }
        assertThat(warm.memoBypasses()).as("a window with more than half misses switches the memo off").isPositive();
    }
}
