package dev.estreamer.sink.file;

/** When a file sink pushes buffered lines to the operating system. */
public enum FlushPolicy {
    /** After every line, as eNcore does: readers tailing the file see each line at once. */
    LINE,
    /** Once per batch, before acknowledging it: far fewer system calls. */
    BATCH
}
