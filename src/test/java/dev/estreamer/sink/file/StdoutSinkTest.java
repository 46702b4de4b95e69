package dev.estreamer.sink.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.sink.Framing;
import dev.estreamer.sink.Observer;
import dev.estreamer.testing.RecordingBatch;
import dev.estreamer.testing.RecordingBatch.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StdoutSinkTest {

    @Test
    void octetCountingFramesEachPayloadByItsByteLength() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StdoutSink sink = new StdoutSink(out, Framing.OCTET_COUNTING, Observer.NONE, "tcp-like");
        RecordingBatch batch = RecordingBatch.ofLines("abc", "é");
        sink.publish(batch);
        assertThat(batch.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
        assertThat(out.toString(UTF_8)).isEqualTo("3 abc2 é");
    }

    @Test
    void aBatchIsAcknowledgedOnlyAfterTheFlushSucceeds() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        OutputStream flushFails = new FilterOutputStream(target) {
            @Override
            public void flush() throws IOException {
                throw new IOException("flush failed");
            }
        };
        long[] counts = new long[3];
        Observer observer = new Observer() {
            @Override public void acknowledged(int n) { counts[0] += n; }
            @Override public void retried(int n) { counts[1] += n; }
            @Override public void bytes(long n) { counts[2] += n; }
        };
        StdoutSink sink = new StdoutSink(flushFails, Framing.NEWLINE, observer, "stdout");
        RecordingBatch batch = RecordingBatch.ofLines("a", "b");
        sink.publish(batch);
        assertThat(batch.outcome()).isEqualTo(Outcome.RETRIED);
        assertThat(batch.subset()).containsExactlyElementsOf(batch.payloads());
        assertThat(counts).containsExactly(0, 2, 0);
    }

    @Test
    void closeFlushesButDoesNotCloseTheCallersStream() {
        boolean[] closed = {false};
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        StdoutSink sink = new StdoutSink(out, Framing.NEWLINE, Observer.NONE, "stdout");
        sink.close();
        assertThat(closed[0]).isFalse();
        assertThat(new StdoutSink().toString()).isEqualTo("stdout");
    }
}
