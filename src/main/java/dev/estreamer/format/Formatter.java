package dev.estreamer.format;

import dev.estreamer.record.Record;

/** Renders a record as bytes for a sink: a pure function of the record, safe to call from several threads. */
public interface Formatter {
    /** UTF-8 bytes without a trailing newline, or null when there is nothing to write for this record. */
    byte[] format(Record record);
}
