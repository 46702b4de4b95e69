package dev.estreamer.sink.splunk;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The payload a {@link SplunkSink} takes: the event time (epoch microseconds, 8 bytes big-endian) in front of
 * the event text. The pipeline's formatter adds it, so the sink can set {@code <time>} without knowing records.
 */
public final class TimedPayload {
    static final int PREFIX = 8;

    private TimedPayload() {
    }

    /** Prefixes {@code data} with the event time; {@code epochMicros} 0 means "let Splunk pick a time". */
    public static byte[] encode(long epochMicros, byte[] data) {
        byte[] out = new byte[PREFIX + data.length];
        ByteBuffer.wrap(out).putLong(epochMicros);
        System.arraycopy(data, 0, out, PREFIX, data.length);
        return out;
    }

    static long micros(byte[] payload) {
        if (payload.length < PREFIX) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes has no time prefix");
        }
        return ByteBuffer.wrap(payload).getLong(0);
    }

    static byte[] data(byte[] payload) {
        return Arrays.copyOfRange(payload, PREFIX, payload.length);
    }

    /** Splunk's {@code <time>}: seconds with three decimals, as the SDK writes it. */
    static String time(long epochMicros) {
        long millis = epochMicros / 1000;
        String fraction = Long.toString(1000 + millis % 1000).substring(1);
        return (millis / 1000) + "." + fraction;
    }
}
