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
    void aBatchIsOnThePipeWhenItIsAcknowledged() {
        // stdout is buffered; what splunkd has read when the bookmark may move is what was flushed
        ByteArrayOutputStream pipe = new ByteArrayOutputStream();
        EventStream stream = new EventStream(new java.io.BufferedOutputStream(pipe, 1 << 16));
        SplunkSink sink = new SplunkSink(stream, "estreamer://x", null, null, null);
        List<Payload> payloads = List.of(new Payload(1,
                TimedPayload.encode(1_000_000, "a=1".getBytes(StandardCharsets.UTF_8))),
                new Payload(2, TimedPayload.encode(2_000_000, "a=2".getBytes(StandardCharsets.UTF_8))));
        String[] onThePipeAtAck = new String[1];
        sink.publish(new dev.estreamer.sink.Batch() {
            @Override
            public List<Payload> payloads() {
                return payloads;
            }

            @Override
            public void acknowledge() {
                onThePipeAtAck[0] = pipe.toString(StandardCharsets.UTF_8);
            }

            @Override
            public void retry(List<Payload> failed, Throwable cause) {
                throw new AssertionError(cause);
            }

            @Override
            public void reject(List<Payload> rejected, String reason) {
                throw new AssertionError(reason);
            }
        });
        assertThat(onThePipeAtAck[0]).startsWith("<stream><event").contains("<data>a=1</data>")
                .endsWith("<data>a=2</data><done/></event>\n");
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
