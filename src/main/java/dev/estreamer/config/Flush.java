package dev.estreamer.config;

/** When a file or stream sink flushes ({@code stream.options.flush}). */
public enum Flush {
    /** After every line, like eNcore: lowest latency, most system calls. */
    LINE,
    /** After every batch; a batch is acknowledged only once flushed. */
    BATCH,
    /** Once a second at most, and at rotation and shutdown. */
    INTERVAL
}
