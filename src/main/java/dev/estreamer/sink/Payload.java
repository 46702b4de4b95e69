package dev.estreamer.sink;

import java.util.Arrays;
import java.util.Objects;

/**
 * One formatted record on its way to a sink: the pipeline's sequence number and the bytes to
 * write (no framing; the sink adds it).
 *
 * <p>The array is not copied, so a payload is only as immutable as its producer leaves it; nobody
 * may mutate the bytes after building the payload. Equality compares the bytes.
 */
public record Payload(long sequence, byte[] bytes) {

    public Payload {
        Objects.requireNonNull(bytes, "bytes");
    }

    /** Number of payload bytes (without framing). */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Payload p && p.sequence == sequence && Arrays.equals(p.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Payload[sequence=" + sequence + ", length=" + bytes.length + "]";
    }
}
