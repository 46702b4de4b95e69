package dev.estreamer.sink;

import java.util.List;

/**
 * A group of payloads handed to {@link Sink#publish}, which the sink ends in exactly one outcome.
 *
 * <ul>
 *   <li>{@link #acknowledge()}: every payload is durable in the target.
 *   <li>{@link #retry(List, Throwable)}: the listed payloads were not (known to be) written and
 *       must be published again; every other payload of the batch was written.
 *   <li>{@link #reject(List, String)}: the listed payloads are refused permanently (the target will
 *       never take them); every other payload of the batch was written.
 * </ul>
 *
 * Calling a second outcome, or none, is a bug in the sink.
 */
public interface Batch {

    /** The payloads in pipeline order; the list is not modified by the sink. */
    List<Payload> payloads();

    /** All payloads are durable. */
    void acknowledge();

    /** These payloads (a non-empty sub-list of {@link #payloads()}) must be sent again. */
    void retry(List<Payload> failed, Throwable cause);

    /** These payloads (a non-empty sub-list of {@link #payloads()}) are refused for good. */
    void reject(List<Payload> rejected, String reason);
}
