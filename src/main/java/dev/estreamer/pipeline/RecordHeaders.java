package dev.estreamer.pipeline;

/** Reads the archive timestamp of an EventData payload without decoding the record. */
final class RecordHeaders {
    private RecordHeaders() {
    }

    /** The archive timestamp when the 16-byte record header is present, else 0. */
    static long archiveTimestamp(byte[] payload) {
        if (payload.length < 16) {
            return 0;
        }
        long recordLength = u32(payload, 4);
        if (payload.length != 16 + recordLength) {
            return 0;
        }
        return u32(payload, 8);
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
