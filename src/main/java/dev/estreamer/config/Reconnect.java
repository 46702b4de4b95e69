package dev.estreamer.config;

import java.time.Duration;

/**
 * Backoff between session attempts: doubles from {@code initialDelay} up to {@code maxDelay}, and
 * resets once a session has stayed up for {@code healthyAfter}.
 */
public record Reconnect(Duration initialDelay, Duration maxDelay, Duration healthyAfter) {
}
