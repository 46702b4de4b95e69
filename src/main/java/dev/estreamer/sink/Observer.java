package dev.estreamer.sink;

/**
 * Counters a sink reports; every method is a fast no-op by default.
 *
 * <p>Implementations must not throw and must not call back into the pipeline or the sink.
 */
public interface Observer {

    /** The no-op observer. */
    Observer NONE = new Observer() {};

    /** Payloads handed to {@link Sink#publish}. */
    default void accepted(int payloads) {}

    /** Payloads acknowledged as durable. */
    default void acknowledged(int payloads) {}

    /** Payloads handed back for retry. */
    default void retried(int payloads) {}

    /** Payloads refused permanently. */
    default void rejected(int payloads) {}

    /** Bytes (framing included) known to have reached the target. */
    default void bytes(long bytes) {}
}
