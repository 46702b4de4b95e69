package dev.estreamer.sink.splunk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one {@code <stream>} a modular-input process writes to splunkd on stdout, shared by every stanza's
 * sink. Writes are whole batches under one lock, each followed by a flush, so events of different stanzas
 * never interleave and a batch is on the pipe before its sink acknowledges it.
 */
public final class EventStream implements AutoCloseable {
    private final OutputStream out;
    private boolean opened;
    private boolean closed;

    public EventStream(OutputStream out) {
        this.out = out;
    }

    /** Writes the events' bytes and flushes; throws when the pipe to splunkd is gone. */
    synchronized void write(byte[] events) throws IOException {
        if (closed) {
            throw new IOException("the event stream to splunkd is closed");
        }
        if (!opened) {
            out.write("<stream>".getBytes(StandardCharsets.UTF_8));
            opened = true;
        }
        out.write(events);
        out.flush();
    }

    /** Ends the stream with {@code </stream>}; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!opened) {
                out.write("<stream>".getBytes(StandardCharsets.UTF_8));
            }
            out.write("</stream>\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // splunkd already closed the pipe; nothing is lost, no event was acknowledged without a flush
        }
    }
}
