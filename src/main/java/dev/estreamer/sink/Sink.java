package dev.estreamer.sink;

/**
 * A destination for formatted payloads; see the package documentation for the rules every
 * implementation must keep. {@code toString()} names the target (for logs and metrics).
 */
public interface Sink extends AutoCloseable {

    /**
     * Writes the batch and ends it in exactly one outcome before returning. Never throws for an
     * I/O failure: failures become {@link Batch#retry} or {@link Batch#reject}.
     */
    void publish(Batch batch);

    /** Flushes and releases the target; idempotent. A later publish is retried, never acknowledged. */
    @Override
    void close();
}
