package dev.estreamer.sink.file;

import dev.estreamer.sink.Batch;
import dev.estreamer.sink.Framing;
import dev.estreamer.sink.Observer;
import dev.estreamer.sink.Payload;
import dev.estreamer.sink.Sink;
import dev.estreamer.sink.SinkException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * Writes framed payloads to a stream, standard output by default (eNcore's fallback stream).
 *
 * <p>The batch is flushed, then acknowledged; if the stream reports an error (an
 * {@code IOException}, or {@link PrintStream#checkError()}) the whole batch is retried, because
 * a stream cannot say how much of it got through. The stream belongs to the caller and is flushed,
 * never closed. {@code publish} and {@code close} are synchronized.
 */
public final class StdoutSink implements Sink {
    private final OutputStream out;
    private final Framing framing;
    private final Observer observer;
    private final String name;
    private boolean closed;

    /** Newline-framed lines on {@code System.out}. */
    public StdoutSink() {
        this(System.out, Framing.NEWLINE, Observer.NONE, "stdout");
    }

    /** {@code name} is what {@link #toString()} reports. */
    public StdoutSink(OutputStream out, Framing framing, Observer observer, String name) {
        this.out = Objects.requireNonNull(out, "out");
        this.framing = Objects.requireNonNull(framing, "framing");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public synchronized void publish(Batch batch) {
        List<Payload> payloads = batch.payloads();
        observer.accepted(payloads.size());
        if (payloads.isEmpty()) {
            batch.acknowledge();
            return;
        }
        if (closed) {
            fail(batch, payloads, new SinkException(name + " sink is closed"));
            return;
        }
        long bytes = 0;
        try {
            for (Payload p : payloads) {
                byte[] framed = framing.frame(p.bytes());
                out.write(framed);
                bytes += framed.length;
            }
            out.flush();
            if (out instanceof PrintStream ps && ps.checkError()) {
                throw new IOException("the stream reported an error");
            }
        } catch (IOException e) {
            fail(batch, payloads, new SinkException(name + ": write failed: " + e.getMessage(), e));
            return;
        }
        observer.bytes(bytes);
        observer.acknowledged(payloads.size());
        batch.acknowledge();
    }

    private void fail(Batch batch, List<Payload> payloads, SinkException cause) {
        observer.retried(payloads.size());
        batch.retry(List.copyOf(payloads), cause);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.flush();
        } catch (IOException ignored) {
            // every acknowledged batch was flushed already
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
