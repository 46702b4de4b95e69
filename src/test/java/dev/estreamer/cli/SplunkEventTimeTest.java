package dev.estreamer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.enrich.Enricher;
import dev.estreamer.enrich.MetadataCache;
import dev.estreamer.format.KvFormatter;
import dev.estreamer.record.Record;
import dev.estreamer.sim.SourceRecord;
import dev.estreamer.sim.SyntheticGenerator;
import dev.estreamer.sink.Payload;
import dev.estreamer.sink.splunk.EventStream;
import dev.estreamer.sink.splunk.SplunkSink;
import dev.estreamer.testing.RecordingBatch;
import dev.estreamer.testing.SplunkKv;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code <time>} is the FMC's event time, not the time the FMC archived the record: every family is sent
 * with an archive timestamp an hour after the event, and each event's {@code <time>} still equals its
 * eNcore {@code event_sec} (with {@code event_usec} as milliseconds). Connection events have no event
 * second of their own (the FMC sends 0), so theirs is the archive time, as in eNcore.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SplunkEventTimeTest {
    private static final long HOUR = 3600;

    @Test
    void timeIsTheEventTimeOfEveryFamily() throws Exception {
        SyntheticGenerator generator = SyntheticGenerator.builder().seed(9).count(200).eventsPerSecond(7)
                .allFamilies(true).build();
        RecordDecoder decoder = new RecordDecoder();
        Enricher enricher = new Enricher(MetadataCache.withDefaults());
        TimedFormatter formatter = new TimedFormatter(new KvFormatter());
        List<Payload> payloads = new ArrayList<>();
        List<Long> archived = new ArrayList<>();
        for (long n = 0; n < 200; n++) {
            SourceRecord event = generator.event(n, SyntheticGenerator.Blocks.PLAIN);
            long archive = event.archiveTimestamp() + HOUR;
            Record record = enricher.enrich(decoder.decode(
                    SourceRecord.event(event.typeWord(), archive, event.body()).payload(true, 0)));
            byte[] bytes = formatter.format(record);
            if (bytes != null) {
                payloads.add(new Payload(payloads.size() + 1, bytes));
                archived.add(archive);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventStream stream = new EventStream(out);
        RecordingBatch batch = new RecordingBatch(payloads);
        new SplunkSink(stream, "estreamer://fmc1", null, null, null).publish(batch);
        assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.ACKNOWLEDGED);
        stream.close();

        NodeList events = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toByteArray())).getElementsByTagName("event");
        assertThat(events.getLength()).isEqualTo(payloads.size());
        Set<String> ownTime = new TreeSet<>();
        for (int i = 0; i < events.getLength(); i++) {
            Element e = (Element) events.item(i);
            Map<String, String> kv = SplunkKv.extract(e.getElementsByTagName("data").item(0).getTextContent());
            String time = e.getElementsByTagName("time").item(0).getTextContent();
            long usec = kv.containsKey("event_usec") ? Long.parseLong(kv.get("event_usec")) : 0;
            if (kv.get("rec_type").equals("125")) {
                // eNcore's event_sec of a malware event is the archive time; <time> is the malware event's own
                assertThat(kv.get("event_sec")).isEqualTo(Long.toString(archived.get(i)));
                assertThat(time).isEqualTo((archived.get(i) - HOUR) + ".000");
                ownTime.add("125");
                continue;
            }
            assertThat(time).as("event %s", kv).isEqualTo(kv.get("event_sec") + String.format(".%03d", usec / 1000));
            long second = Long.parseLong(kv.get("event_sec"));
            if (kv.get("rec_type").equals("71")) {
                assertThat(second).isEqualTo(archived.get(i));
            } else if (second != archived.get(i)) {
                // the event's own second (packets and extra data: their intrusion event's, a little earlier)
                assertThat(second).isBetween(archived.get(i) - HOUR - 2, archived.get(i) - HOUR);
                ownTime.add(kv.get("rec_type"));
            }
        }
        // intrusion, file, file-malware, malware, correlation and discovery/user events all carry their own time
        assertThat(ownTime).contains("400", "500", "502", "125", "112", "95");
    }
}
