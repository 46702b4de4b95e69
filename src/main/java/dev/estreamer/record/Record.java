package dev.estreamer.record;

/**
 * One decoded eStreamer record: its header, catalogue identity, decoded body and the bytes it came from.
 *
 * <p>Immutable by contract: {@link #raw()} returns the payload array itself (no copy, for speed);
 * callers must not modify it.
 */
public final class Record {
    private final int recordType;
    private final int netmapId;
    private final long recordLength;
    private final boolean hasArchiveTimestamp;
    private final long archiveTimestamp;
    private final long checksum;
    private final String name;
    private final String category;
    private final Family family;
    private final Status status;
    private final Fields fields;
    private final byte[] raw;
    private final Fields computed;

    public Record(Header header, String name, String category, Family family, Status status,
                  Fields fields, byte[] raw) {
        this.recordType = header.recordType();
        this.netmapId = header.netmapId();
        this.recordLength = header.recordLength();
        this.hasArchiveTimestamp = header.hasArchiveTimestamp();
        this.archiveTimestamp = header.archiveTimestamp();
        this.checksum = header.checksum();
        this.name = name;
        this.category = category;
        this.family = family;
        this.status = status;
        this.fields = fields;
        this.raw = raw;
        this.computed = Fields.empty();
    }

    private Record(Record base, Fields fields, Fields computed) {
        this.recordType = base.recordType;
        this.netmapId = base.netmapId;
        this.recordLength = base.recordLength;
        this.hasArchiveTimestamp = base.hasArchiveTimestamp;
        this.archiveTimestamp = base.archiveTimestamp;
        this.checksum = base.checksum;
        this.name = base.name;
        this.category = base.category;
        this.family = base.family;
        this.status = base.status;
        this.fields = fields;
        this.raw = base.raw;
        this.computed = computed;
    }

    /** The record header as read from the wire (all zero when even the header could not be read). */
    public record Header(int recordType, int netmapId, long recordLength, boolean hasArchiveTimestamp,
                         long archiveTimestamp, long checksum) {
        public static final Header NONE = new Header(0, 0, 0, false, 0, 0);
    }

    /** Low 16 bits of the record type word. */
    public int recordType() {
        return recordType;
    }

    /** Bits 30-16 of the record type word (domain; 0 when unused). */
    public int netmapId() {
        return netmapId;
    }

    /** Body length declared by the record header. */
    public long recordLength() {
        return recordLength;
    }

    public boolean hasArchiveTimestamp() {
        return hasArchiveTimestamp;
    }

    /** Archive timestamp in UNIX seconds, 0 when absent. */
    public long archiveTimestamp() {
        return archiveTimestamp;
    }

    /** The reserved word after the archive timestamp (eNcore's "checksum"), 0 when absent. */
    public long checksum() {
        return checksum;
    }

    /** Catalogue name, e.g. "Connection Statistics"; "Unknown" for unknown types. */
    public String name() {
        return name;
    }

    /** eNcore category, e.g. "RNA". */
    public String category() {
        return category;
    }

    public Family family() {
        return family;
    }

    public Status status() {
        return status;
    }

    /** Decoded body in wire order (for unknown and malformed records: {@code rawBody} hex). */
    public Fields fields() {
        return fields;
    }

    /** The EventData payload this record was decoded from. */
    public byte[] raw() {
        return raw;
    }

    /** Fields added by enrichment (eNcore's {@code @computed}); empty when the record was not enriched. */
    public Fields computed() {
        return computed;
    }

    /** This record with the given computed fields; everything else is shared, not copied. */
    public Record withComputed(Fields computed) {
        return new Record(this, fields, computed == null ? Fields.empty() : computed);
    }

    /**
     * This record with field {@code name} of its body set to {@code value} (tests and benchmarks make variants of a
     * decoded record this way); the raw bytes are shared and no longer match the body.
     */
    public Record withField(String name, Object value) {
        return new Record(this, fields.with(name, value), computed);
    }

    @Override
    public String toString() {
        return "Record[" + recordType + " " + name + " " + status + " " + fields + "]";
    }
}
