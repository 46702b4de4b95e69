package dev.estreamer.config;

import java.nio.file.Path;

/**
 * Where the application log goes ({@code logging}).
 *
 * @param file absolute log file, or null when {@code filepath} is blank
 * @param format the configured format, Python {@code logging} style as in eNcore
 */
public record Logging(Path file, LogLevel level, String format, boolean stdOut, boolean stdErr) {

    /** {@link #format()} as a Logback pattern (ending in {@code %n}), e.g. {@code %(levelname)-8s} becomes {@code %-8level}. */
    public String logbackPattern() {
        return LogFormat.toLogback(format);
    }
}
