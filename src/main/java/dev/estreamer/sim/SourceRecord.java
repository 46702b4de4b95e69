package dev.estreamer.sim;

import java.nio.ByteBuffer;

/**
 * One record a source offers the simulator, before the session shapes it for a client.
 *
 * @param typeWord         the record type word (record type in the low 16 bits, netmap id above)
 * @param archiveTimestamp the FMC archive second; 0 for metadata the FMC generates itself
 * @param metadata         whether the record is metadata (sent only when the client asks for metadata v4)
 * @param archiveHeader    whether the record travels with the 16-byte header when the client asks for
 *                         archive timestamps; real FMCs send metadata with the 8-byte header regardless
 * @param body             the record bytes after the record header
 */
public record SourceRecord(int typeWord, long archiveTimestamp, boolean metadata, boolean archiveHeader, byte[] body) {
    public SourceRecord {
        if (archiveTimestamp < 0 || archiveTimestamp > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("archive timestamp out of u32 range: " + archiveTimestamp);
        }
    }

    /** An event record: 16-byte header with its archive timestamp when the client asks for one. */
    public static SourceRecord event(int recordType, long archiveTimestamp, byte[] body) {
        return new SourceRecord(recordType, archiveTimestamp, false, true, body);
    }

    /** A metadata record as the FMC sends it: 8-byte header, archive timestamp 0. */
    public static SourceRecord metadata(int recordType, byte[] body) {
        return new SourceRecord(recordType, 0, true, false, body);
    }

    public int recordType() {
        return typeWord & 0xFFFF;
    }

    /**
     * The EventData payload for a client: record header (16 bytes when {@code archiveTimestamps} and
     * this record has an archive header, else 8) plus body; {@code netmapId} > 0 replaces the netmap bits.
     */
    public byte[] payload(boolean archiveTimestamps, int netmapId) {
        boolean extended = archiveTimestamps && archiveHeader;
        int word = netmapId > 0 ? (typeWord & 0x8000FFFF) | (netmapId & 0x7FFF) << 16 : typeWord;
        ByteBuffer b = ByteBuffer.allocate((extended ? 16 : 8) + body.length);
        b.putInt(word).putInt(body.length);
        if (extended) {
            b.putInt((int) archiveTimestamp).putInt(0);
        }
        return b.put(body).array();
    }
}
