package dev.estreamer.record;

/** Outcome of decoding one EventData payload. */
public enum Status {
    /** The body was decoded with a catalogue layout. */
    DECODED,
    /** The record type (or the block it carries) is not in the catalogue; the body is kept as hex. */
    UNKNOWN_TYPE,
    /** The bytes do not fit the header or the layout; the body is kept as hex. */
    MALFORMED
}
