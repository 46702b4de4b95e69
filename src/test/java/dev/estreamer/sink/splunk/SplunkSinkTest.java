package dev.estreamer.sink.splunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.sink.Payload;
import dev.estreamer.testing.RecordingBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The XML stream: escaping, time, envelope, and acknowledgement only after a flush. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SplunkSinkTest {

    @Test
    void hostileDataRoundTripsThroughARealXmlParser() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventStream stream = new EventStream(out);
        SplunkSink sink = new SplunkSink(stream, "estreamer://a&b", "cisco:estreamer:data", "main", "fmc<1>");
        String hostile = "user=\"x\" </data><data>forged</data> ]]> & <!-- \u0001 \r 😀";
        RecordingBatch batch = new RecordingBatch(List.of(
                new Payload(1, TimedPayload.encode(1_606_923_302_123_456L, hostile.getBytes(StandardCharsets.UTF_8)))));
        sink.publish(batch);
        assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.ACKNOWLEDGED);
        stream.close();
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toByteArray())).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("stream");
        NodeList events = root.getElementsByTagName("event");
        assertThat(events.getLength()).isEqualTo(1);
        Element e = (Element) events.item(0);
        assertThat(e.getAttribute("stanza")).isEqualTo("estreamer://a&b");
        assertThat(e.getAttribute("unbroken")).isEqualTo("1");
        assertThat(e.getElementsByTagName("data").getLength()).isEqualTo(1);
        assertThat(e.getElementsByTagName("data").item(0).getTextContent())
                .isEqualTo(hostile.replace('\u0001', '\uFFFD'));
        assertThat(e.getElementsByTagName("time").item(0).getTextContent()).isEqualTo("1606923302.123");
        assertThat(e.getElementsByTagName("host").item(0).getTextContent()).isEqualTo("fmc<1>");
        assertThat(e.getElementsByTagName("done").getLength()).isEqualTo(1);
    }

    @Test
    void aFailedWriteIsRetriedNeverAcknowledged() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        SplunkSink sink = new SplunkSink(new EventStream(broken), "estreamer://x", null, null, null);
        RecordingBatch batch = new RecordingBatch(List.of(new Payload(1, TimedPayload.encode(0, new byte[] {'a'}))));
        sink.publish(batch);
        assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.RETRIED);
    }
}
