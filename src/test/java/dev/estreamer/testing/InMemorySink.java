package dev.estreamer.testing;

import dev.estreamer.sink.Batch;
import dev.estreamer.sink.Payload;
import dev.estreamer.sink.Sink;
import dev.estreamer.sink.SinkException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A {@link Sink} that keeps acknowledged payloads in memory and can be told which publish calls
 * fail (those batches are retried whole, with an {@link IOException} cause).
 */
public final class InMemorySink implements Sink {
    private final IntPredicate failsPublish;
    private final List<Payload> delivered = new ArrayList<>();
    private int publishes;
    private boolean closed;

    private InMemorySink(IntPredicate failsPublish) {
        this.failsPublish = failsPublish;
    }

    /** Accepts everything. */
    public InMemorySink() {
        this(n -> false);
    }

    /** Fails only the {@code n}-th call to publish (1-based). */
    public static InMemorySink failingPublish(int n) {
        return new InMemorySink(k -> k == n);
    }

    /** Fails every publish: a target that is down. */
    public static InMemorySink failingAlways() {
        return new InMemorySink(k -> true);
    }

    @Override
    public synchronized void publish(Batch batch) {
        List<Payload> payloads = batch.payloads();
        int call = ++publishes;
        if (payloads.isEmpty()) {
            batch.acknowledge();
        } else if (closed) {
            batch.retry(List.copyOf(payloads), new SinkException(this + " is closed"));
        } else if (failsPublish.test(call)) {
            batch.retry(List.copyOf(payloads),
                    new SinkException(this + ": publish " + call + " failed", new IOException("injected")));
        } else {
            delivered.addAll(payloads);
            batch.acknowledge();
        }
    }

    /** Acknowledged payloads, in order. */
    public synchronized List<Payload> delivered() {
        return List.copyOf(delivered);
    }

    public synchronized int publishes() {
        return publishes;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "memory";
    }
}
