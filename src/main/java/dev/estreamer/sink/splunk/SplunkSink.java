package dev.estreamer.sink.splunk;

import dev.estreamer.sink.Batch;
import dev.estreamer.sink.Payload;
import dev.estreamer.sink.Sink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One stanza's events as {@code <event stanza=".." unbroken="1"><time/><data/><sourcetype/><index/><host/>
 * <done/></event>} on the shared {@link EventStream}. A batch is acknowledged only after it was written and
 * flushed to splunkd's pipe; a failed write is retried (and, since the pipe does not come back, the process
 * stops with the bookmark still before the batch).
 *
 * @param stanza the full stanza name, {@code estreamer://name}
 * @param sourcetype per-event sourcetype, or null for the stanza's default
 * @param index per-event index, or null
 * @param host per-event host, or null
 */
public record SplunkSink(EventStream stream, String stanza, String sourcetype, String index, String host)
        implements Sink {

    @Override
    public void publish(Batch batch) {
        StringBuilder xml = new StringBuilder(batch.payloads().size() * 1024);
        for (Payload p : batch.payloads()) {
            event(xml, p.bytes());
        }
        try {
            stream.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            batch.acknowledge();
        } catch (IOException | RuntimeException e) {
            batch.retry(batch.payloads(), e);
        }
    }

    /** One event element; package-private so tests can check the escaping without a stream. */
    void event(StringBuilder xml, byte[] payload) {
        long micros = TimedPayload.micros(payload);
        String data = new String(payload, TimedPayload.PREFIX, payload.length - TimedPayload.PREFIX,
                StandardCharsets.UTF_8);
        xml.append("<event stanza=\"");
        Xml.escape(xml, stanza);
        xml.append("\" unbroken=\"1\">");
        if (micros > 0) {
            xml.append("<time>").append(TimedPayload.time(micros)).append("</time>");
        }
        xml.append("<data>");
        Xml.escape(xml, data);
        xml.append("</data>");
        element(xml, "sourcetype", sourcetype);
        element(xml, "index", index);
        element(xml, "host", host);
        xml.append("<done/></event>\n");
    }

    private static void element(StringBuilder xml, String name, String value) {
        if (value != null && !value.isEmpty()) {
            xml.append('<').append(name).append('>');
            Xml.escape(xml, value);
            xml.append("</").append(name).append('>');
        }
    }

    @Override
    public void close() {
        // the shared stream is closed once, by its owner, after every pipeline stopped
    }

    @Override
    public String toString() {
        return "splunk:" + stanza;
    }
}
