/**
 * Local sinks: {@link dev.estreamer.sink.file.FileSink} (eNcore's {@code file://} and
 * {@code relfile://} streams) and {@link dev.estreamer.sink.file.StdoutSink} (its fallback stream).
 *
 * <p>Deliberate differences from eNcore: files are created with CREATE_NEW and never truncated
 * (eNcore opens {@code w+}); a name collision gets {@code -N} after the timestamp instead of a
 * UUID; lines are flushed per batch by default ({@code LINE} restores eNcore's per-line flush);
 * fsync before acknowledging is available; old files can be deleted beyond {@code maxFiles};
 * a failed file is cut back to its last durable line and abandoned, so a retried line is never
 * glued onto a partial one.
 */
package dev.estreamer.sink.file;
