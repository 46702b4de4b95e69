package dev.estreamer.cli;

import dev.estreamer.format.Formatter;
import dev.estreamer.record.Record;
import dev.estreamer.sink.splunk.TimedPayload;

/** Puts the FMC's event time in front of a format's bytes, for the Splunk sink's {@code <time>}. */
record TimedFormatter(Formatter inner) implements Formatter {
    @Override
    public byte[] format(Record record) {
        byte[] data = inner.format(record);
        return data == null ? null : TimedPayload.encode(micros(record), data);
    }

    /**
     * eNcore's event time (computed eventSecond/eventMicrosecond), else the archive time, else 0 (Splunk's now).
     * A malware event (125) has its own time in {@code malwareEventTimestamp}, which eNcore's chain of time fields
     * misses (its {@code event_sec} is the archive time, kept in the key=value line for compatibility); Splunk's
     * {@code _time} takes the malware event's time.
     */
    static long micros(Record record) {
        Object second = record.computed().get("eventSecond");
        long s = second instanceof Long l && l > 0 ? l : record.archiveTimestamp();
        if (record.fields().get("malwareEventTimestamp") instanceof Long m && m > 0) {
            s = m;
        }
        Object micro = record.computed().get("eventMicrosecond");
        long us = micro instanceof Long m && m > 0 && m < 1_000_000 ? m : 0;
        return s > 0 ? s * 1_000_000 + us : 0;
    }
}
