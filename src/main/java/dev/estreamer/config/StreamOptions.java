package dev.estreamer.config;

/**
 * Options of an outputter's stream.
 *
 * @param rotate start a new file after {@code maxLogs} lines (file streams only)
 * @param fsync force written data to disk before acknowledging (file streams only)
 */
public record StreamOptions(boolean rotate, int maxLogs, Flush flush, boolean fsync) {
}
