package dev.estreamer.sink;

import java.nio.charset.StandardCharsets;

/** How payloads are delimited in a byte stream. */
public enum Framing {
    /** Bytes as they are (datagrams, or targets that frame themselves). */
    NONE,
    /** The payload followed by {@code '\n'} (eNcore's framing for every stream). */
    NEWLINE,
    /** RFC 6587 octet counting: the decimal byte length, one space, the payload. */
    OCTET_COUNTING;

    /** The payload with this framing applied; a new array unless the framing is {@link #NONE}. */
    public byte[] frame(byte[] payload) {
        switch (this) {
            case NONE:
                return payload;
            case NEWLINE: {
                byte[] framed = new byte[payload.length + 1];
                System.arraycopy(payload, 0, framed, 0, payload.length);
                framed[payload.length] = '\n';
                return framed;
            }
            case OCTET_COUNTING: {
                byte[] prefix = (payload.length + " ").getBytes(StandardCharsets.US_ASCII);
                byte[] framed = new byte[prefix.length + payload.length];
                System.arraycopy(prefix, 0, framed, 0, prefix.length);
                System.arraycopy(payload, 0, framed, prefix.length, payload.length);
                return framed;
            }
            default:
                throw new AssertionError(this);
        }
    }
}
