package dev.estreamer.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * The 32-bit request flags of an Event Stream Request (protocol.md 4.2). Bit n is {@code 1 << n}.
 *
 * <p>eNcore's defaults give {@code 0x48900061}: packets, impact alerts, intrusion events with
 * impact flags, metadata v4, archive timestamps, extra data and the extended request.
 */
public record RequestFlags(int value) {
    public static final int PACKETS = 1;
    public static final int METADATA_V1 = 1 << 1;
    public static final int INTRUSION_LEGACY = 1 << 2;
    public static final int DISCOVERY_V1 = 1 << 3;
    public static final int CORRELATION_V1 = 1 << 4;
    public static final int IMPACT_ALERTS = 1 << 5;
    public static final int INTRUSION = 1 << 6;
    public static final int DISCOVERY_V2 = 1 << 7;
    public static final int CONNECTION_V1 = 1 << 8;
    public static final int CORRELATION_V2 = 1 << 9;
    public static final int DISCOVERY_V3 = 1 << 10;
    public static final int HOST_ONLY = 1 << 11;
    public static final int CONNECTION_V3 = 1 << 12;
    public static final int CORRELATION_V3 = 1 << 13;
    public static final int METADATA_V2 = 1 << 14;
    public static final int METADATA_V3 = 1 << 15;
    public static final int RESERVED_16 = 1 << 16;
    public static final int DISCOVERY_V4 = 1 << 17;
    public static final int CONNECTION_V4 = 1 << 18;
    public static final int CORRELATION_V4 = 1 << 19;
    public static final int METADATA = 1 << 20;
    public static final int USER_ACTIVITY = 1 << 21;
    public static final int CORRELATION_V5 = 1 << 22;
    public static final int ARCHIVE_TIMESTAMPS = 1 << 23;
    public static final int DISCOVERY_V5 = 1 << 24;
    public static final int DISCOVERY_V6 = 1 << 25;
    public static final int CONNECTION_V5 = 1 << 26;
    public static final int EXTRA_DATA = 1 << 27;
    public static final int DISCOVERY_V7 = 1 << 28;
    public static final int POLICY = 1 << 29;
    public static final int EXTENDED = 1 << 30;

    /** What eNcore sends with its default configuration. */
    public static final RequestFlags ENCORE_DEFAULT = new RequestFlags(0x48900061);

    /** Bit names, index = bit number. */
    private static final String[] NAMES = {
        "packets", "metadata-v1", "intrusion-legacy", "discovery-v1", "correlation-v1",
        "impact-alerts", "intrusion-with-impact-flags", "discovery-v2", "connection-v1", "correlation-v2",
        "discovery-v3", "host-only", "connection-v3", "correlation-v3", "metadata-v2",
        "metadata-v3", "reserved-16", "discovery-v4", "connection-v4", "correlation-v4",
        "metadata-v4", "user-activity", "correlation-v5", "archive-timestamps", "discovery-v5",
        "discovery-v6", "connection-v5", "extra-data", "discovery-v7", "correlation-v6",
        "extended-request", "unused-31",
    };

    /** The FMC log's wording for the bits it is known to print (protocol.md 4.3); others by name. */
    private static final String[] FMC_WORDING = {
        "w/ Packets", "w/ Metadata v1", "w/ IDS Events", "w/ RNA Events", "w/ Policy Events",
        "w/ Impact Alerts", "w/ NS Events w/ Impact Flags", "w/ RNA Events v2", "w/ RNA Flow",
        "w/ Policy Events v2", "w/ RNA Events v3", "w/ Host Only", "w/ RNA Flow v3",
        "w/ Policy Events v3", "w/ Metadata v2", "w/ Metadata v3", "w/ Reserved(16)",
        "w/ RNA Events v4", "w/ RNA Flow v4", "w/ Policy Events v4", "w/ Metadata v4",
        "w/ RUA Events", "w/ Policy Events v5", "w/ Send archive timestamp", "w/ RNA Events v5",
        "w/ RNA Events v6", "w/ RNA Flow v5", "w/ Extra IDS Event data", "w/ RNA Events v7",
        "w/ Policy Events v6", "w/ Send Detail Request", "w/ Unused(31)",
    };

    /** Flags from eNcore's {@code subscription.records} switches, bit for bit as eNcore computes them. */
    public static RequestFlags of(boolean packetData, boolean impactEventAlerts, boolean intrusion,
            boolean metadata, boolean archiveTimestamps, boolean eventExtraData, boolean extended) {
        int v = 0;
        v |= packetData ? PACKETS : 0;
        v |= impactEventAlerts ? IMPACT_ALERTS : 0;
        v |= intrusion ? INTRUSION : 0;
        v |= metadata ? METADATA : 0;
        v |= archiveTimestamps ? ARCHIVE_TIMESTAMPS : 0;
        v |= eventExtraData ? EXTRA_DATA : 0;
        v |= extended ? EXTENDED : 0;
        return new RequestFlags(v);
    }

    /** Parses {@code 0x48900061}, {@code 48900061} (hex) or a decimal with {@code d} prefix-free digits only if no hex letters. */
    public static RequestFlags parse(String text) {
        String t = text.trim().toLowerCase();
        try {
            if (t.startsWith("0x")) {
                return new RequestFlags(Integer.parseUnsignedInt(t.substring(2), 16));
            }
            return new RequestFlags(Integer.parseUnsignedInt(t, 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a 32-bit hex flags value: " + text);
        }
    }

    public boolean has(int mask) {
        return (value & mask) == mask;
    }

    public RequestFlags with(int mask) {
        return new RequestFlags(value | mask);
    }

    public RequestFlags without(int mask) {
        return new RequestFlags(value & ~mask);
    }

    /** Set bits, lowest first, as {@code bit: name}. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (int bit = 0; bit < 32; bit++) {
            if ((value >>> bit & 1) != 0) {
                out.add(bit + ": " + NAMES[bit]);
            }
        }
        return out;
    }

    /** The set bits in the FMC's own log wording, e.g. "w/ Packets w/ Impact Alerts ...". */
    public String fmcWording() {
        StringBuilder out = new StringBuilder();
        for (int bit = 0; bit < 32; bit++) {
            if ((value >>> bit & 1) != 0) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(FMC_WORDING[bit]);
            }
        }
        return out.toString();
    }

    public String hex() {
        return String.format("0x%08X", value);
    }

    @Override
    public String toString() {
        return hex();
    }
}
