package dev.estreamer.enrich;

import dev.estreamer.record.FieldNames;
import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * eNcore's event time: the first positive of eventSecond, fileEventTimestamp, triggerEventSecond, timestamp,
 * and the archive timestamp; {@code eventMicrosecond} only when positive; {@code eventDateTime} in ISO-8601.
 * Unlike eNcore (host time zone, no designator) the date-time is always UTC and says so with {@code Z}.
 *
 * <p>The positions of the six input fields are found once per layout, and the text of the last second is
 * kept: the events of a stream share their seconds.
 */
final class EventTime {
    private static final String[] INPUTS = {"eventSecond", "eventMicrosecond", "fileEventTimestamp",
        "triggerEventSecond", "triggerEventMicrosecond", "timestamp"};
    private static final int SECOND = 0;
    private static final int MICROS = 1;
    private static final int FILE = 2;
    private static final int TRIGGER = 3;
    private static final int TRIGGER_MICROS = 4;
    private static final int TIMESTAMP = 5;

    private final Map<FieldNames, int[]> positions = new IdentityHashMap<>();
    private FieldNames lastNames;
    private int[] lastPositions;
    // a direct-mapped cache of recent seconds' text: a stream's seconds advance, but a bundle, a replay or
    // interleaved devices revisit a few neighbouring seconds
    private static final int SLOTS = 256;
    private final long[] seconds = new long[SLOTS];
    private final String[] textsZ = new String[SLOTS];
    private final byte[][] fractionBuffers = new byte[SLOTS][];

    EventTime() {
        java.util.Arrays.fill(seconds, -1);
    }

    /** No event time could be found (every candidate 0 and no archive timestamp). */
    static final int NONE = 0;
    /** {@code eventSecond} and {@code eventDateTime}. */
    static final int SECOND_ONLY = 1;
    /** {@code eventSecond}, {@code eventMicrosecond} and {@code eventDateTime}. */
    static final int WITH_MICROS = 2;

    /** What the last {@link #resolve} found: the boxed second and microseconds (reused from the record when they came from it) and the text. */
    Object second;
    Object micros;
    String text;

    /** Finds a record's event time; returns {@link #NONE}, {@link #SECOND_ONLY} or {@link #WITH_MICROS}. */
    int resolve(Record record) {
        Fields f = record.fields();
        int[] pos = positions(f.names());
        int secondPos = pos[SECOND];
        int microsPos = -1;
        long s = positive(f, secondPos);
        if (s > 0) {
            microsPos = pos[MICROS];
        } else if ((s = positive(f, secondPos = pos[FILE])) > 0) {
            microsPos = -1;
        } else if ((s = positive(f, secondPos = pos[TRIGGER])) > 0) {
            microsPos = pos[TRIGGER_MICROS];
        } else if ((s = positive(f, secondPos = pos[TIMESTAMP])) > 0) {
            microsPos = -1;
        } else {
            secondPos = -1;
            s = record.archiveTimestamp();
        }
        if (s <= 0) {
            return NONE;
        }
        long m = positive(f, microsPos);
        second = secondPos >= 0 ? f.value(secondPos) : Long.valueOf(s);
        micros = m > 0 ? f.value(microsPos) : null;
        text = format(s, m);
        return m > 0 ? WITH_MICROS : SECOND_ONLY;
    }

    private int[] positions(FieldNames names) {
        if (names == lastNames) {
            return lastPositions;
        }
        int[] pos = positions.get(names);
        if (pos == null) {
            pos = new int[INPUTS.length];
            for (int i = 0; i < INPUTS.length; i++) {
                pos[i] = names.indexOf(INPUTS[i]);
            }
            positions.put(names, pos);
        }
        lastNames = names;
        lastPositions = pos;
        return pos;
    }

    private static long positive(Fields f, int pos) {
        return pos >= 0 && f.value(pos) instanceof Long l && l > 0 ? l : 0;
    }

    /** Python's isoformat() layout (fraction only when non-zero) plus Z. */
    String format(long second, long micros) {
        int slot = (int) ((second * 0x9E3779B97F4A7C15L) >>> 56); // top 8 bits of a multiplicative hash: SLOTS = 256
        if (seconds[slot] != second) {
            String text = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).toString();
            if (text.length() == 16) {
                text += ":00"; // LocalDateTime drops zero seconds
            }
            byte[] bytes = new byte[text.length() + 8]; // text . 6 digits Z
            for (int i = 0; i < text.length(); i++) {
                bytes[i] = (byte) text.charAt(i); // ASCII
            }
            bytes[text.length()] = '.';
            bytes[bytes.length - 1] = 'Z';
            textsZ[slot] = text + "Z";
            fractionBuffers[slot] = bytes;
            seconds[slot] = second;
        }
        if (micros <= 0 || micros > 999_999) {
            return textsZ[slot];
        }
        byte[] b = fractionBuffers[slot];
        long m = micros;
        for (int i = b.length - 2; i > b.length - 8; i--) {
            b[i] = (byte) ('0' + m % 10);
            m /= 10;
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
