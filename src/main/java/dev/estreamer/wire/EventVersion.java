package dev.estreamer.wire;

/** One (event type, version) pair of a Streaming Request; on the wire {@code u16 version, u16 type}. */
public record EventVersion(int eventType, int version) {
    public static final int INTRUSION = 12;
    public static final int METADATA = 21;
    public static final int CORRELATION = 31;
    public static final int DISCOVERY = 61;
    public static final int CONNECTION = 71;
    public static final int USER = 91;
    public static final int MALWARE = 101;
    public static final int FILE = 111;
    public static final int IMPACT = 131;

    public EventVersion {
        if (eventType < 0 || eventType > 0xffff || version < 0 || version > 0xffff) {
            throw new IllegalArgumentException("event type and version must be u16: " + eventType + "/" + version);
        }
    }

    /** Family name as the FMC log prints it ("NS" = intrusion, "RNA" = discovery, "RUA" = users). */
    public String familyName() {
        return switch (eventType) {
            case INTRUSION -> "NS";
            case METADATA -> "Metadata";
            case CORRELATION -> "Policy";
            case DISCOVERY -> "RNA";
            case CONNECTION -> "RNA Flow";
            case USER -> "RUA";
            case MALWARE -> "FireAMP";
            case FILE -> "Filelog";
            case IMPACT -> "Impact Alerts";
            default -> "Type " + eventType;
        };
    }

    @Override
    public String toString() {
        return familyName() + " (" + eventType + ") v" + version;
    }
}
