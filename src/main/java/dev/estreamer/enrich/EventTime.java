package dev.estreamer.enrich;

import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * eNcore's event time: the first positive of eventSecond, fileEventTimestamp, triggerEventSecond, timestamp,
 * and the archive timestamp; {@code eventMicrosecond} only when positive; {@code eventDateTime} in ISO-8601.
 * Unlike eNcore (host time zone, no designator) the date-time is always UTC and says so with {@code Z}.
 */
final class EventTime {
    private long lastSecond = -1;
    private String lastText;

    void apply(Record record, Computed out) {
        Fields f = record.fields();
        long second = positive(f.get("eventSecond"));
        long micros = 0;
        if (second > 0) {
            micros = positive(f.get("eventMicrosecond"));
        } else if ((second = positive(f.get("fileEventTimestamp"))) > 0) {
            micros = 0;
        } else if ((second = positive(f.get("triggerEventSecond"))) > 0) {
            micros = positive(f.get("triggerEventMicrosecond"));
        } else if ((second = positive(f.get("timestamp"))) > 0) {
            micros = 0;
        } else {
            second = record.archiveTimestamp();
        }
        if (second <= 0) {
            return;
        }
        out.put("eventSecond", second);
        if (micros > 0) {
            out.put("eventMicrosecond", micros);
        }
        out.put("eventDateTime", format(second, micros));
    }

    private static long positive(Object v) {
        return v instanceof Long l && l > 0 ? l : 0;
    }

    /** Python's isoformat() layout (fraction only when non-zero) plus Z; events of a stream share seconds, so cache one. */
    String format(long second, long micros) {
        if (second != lastSecond) {
            lastText = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).toString();
            if (lastText.length() == 16) {
                lastText += ":00"; // LocalDateTime drops zero seconds
            }
            lastSecond = second;
        }
        if (micros <= 0 || micros > 999_999) {
            return lastText + "Z";
        }
        String fraction = Long.toString(1_000_000 + micros).substring(1);
        return lastText + "." + fraction + "Z";
    }
}
