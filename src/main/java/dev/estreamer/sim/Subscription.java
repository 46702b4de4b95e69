package dev.estreamer.sim;

import dev.estreamer.wire.EventStreamRequest;
import dev.estreamer.wire.EventVersion;
import dev.estreamer.wire.RequestFlags;
import java.util.List;
import java.util.OptionalInt;

/**
 * What one client asked for: the initial timestamp, the request flags and (extended requests) the
 * (event type, version) pairs, plus the wall-clock second of the request that "now" (0xFFFFFFFF) means.
 */
public record Subscription(long initialTimestamp, RequestFlags flags, List<EventVersion> versions, long nowEpochSecond) {
    /** Record type of connection statistics (discovery event 1003:1). */
    static final int CONNECTION_RECORD = 71;

    public Subscription {
        versions = List.copyOf(versions);
    }

    /** A plain request (no version list) at the given wall-clock second. */
    public static Subscription of(long initialTimestamp, RequestFlags flags, long nowEpochSecond) {
        return new Subscription(initialTimestamp, flags, List.of(), nowEpochSecond);
    }

    /**
     * The lowest archive timestamp an event must have: 0 for "from the start", the request time for
     * "now", else the requested second (an FMC resends the whole boundary second).
     */
    public long threshold() {
        if (initialTimestamp == EventStreamRequest.NOW) {
            return nowEpochSecond;
        }
        return initialTimestamp;
    }

    public boolean wantsMetadata() {
        return flags.has(RequestFlags.METADATA);
    }

    public boolean wantsArchiveTimestamps() {
        return flags.has(RequestFlags.ARCHIVE_TIMESTAMPS);
    }

    public boolean extended() {
        return flags.has(RequestFlags.EXTENDED);
    }

    /** The version asked for {@code eventType}, if the client listed it. */
    public OptionalInt version(int eventType) {
        return versions.stream().filter(v -> v.eventType() == eventType).mapToInt(EventVersion::version).findFirst();
    }

    /**
     * Whether {@code record} belongs in this client's stream: metadata only with metadata v4; events at
     * or after {@link #threshold()}; connection events only when an extended request lists family 71
     * (or lists nothing, as a plain request does).
     */
    public boolean wants(SourceRecord record) {
        if (record.metadata()) {
            return wantsMetadata();
        }
        if (record.archiveTimestamp() < threshold()) {
            return false;
        }
        if (record.recordType() == CONNECTION_RECORD && !versions.isEmpty()) {
            return version(EventVersion.CONNECTION).isPresent();
        }
        return true;
    }
}
