package dev.estreamer.config;

import java.time.Duration;

/**
 * The periodic status line ({@code monitor}).
 *
 * @param handled include the handled count
 * @param bookmark include the bookmark time
 * @param details also log the full status
 */
public record Monitor(Duration period, boolean handled, boolean bookmark, boolean details) {
}
