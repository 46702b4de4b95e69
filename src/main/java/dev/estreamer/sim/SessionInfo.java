package dev.estreamer.sim;

import dev.estreamer.wire.EventVersion;
import dev.estreamer.wire.RequestFlags;
import java.util.List;

/**
 * A snapshot of one client connection: what it asked for and what it has been sent so far.
 *
 * @param flags    null until the Event Stream Request arrived
 * @param versions the (event type, version) pairs of an extended request; empty for plain requests
 * @param open     whether the connection is still up
 */
public record SessionInfo(long connectionId, String remote, RequestFlags flags, long initialTimestamp,
        List<EventVersion> versions, long recordsSent, long bundlesSent, long nullsReceived, boolean open) {
    public SessionInfo {
        versions = List.copyOf(versions);
    }
}
