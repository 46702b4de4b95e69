package dev.estreamer.session;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential reconnect delays with full jitter: 1 s, 2 s, 4 s ... capped at the maximum, back to
 * the start once a connection has stayed healthy long enough.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final Duration healthyAfter;
    private final RandomGenerator random;
    private int attempt;

    public Backoff(Duration initial, Duration max, Duration healthyAfter, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + ", " + max);
        }
        this.initial = initial;
        this.max = max;
        this.healthyAfter = healthyAfter;
        this.random = random;
    }

    /** The delay before the next attempt; each call without a reset doubles the ceiling. */
    public Duration next() {
        long ceiling = initial.toMillis() << Math.min(attempt, 20);
        ceiling = Math.min(ceiling, max.toMillis());
        attempt++;
        // Half fixed, half jitter: never hammer the FMC, never synchronise several clients.
        long half = ceiling / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }

    /** Called when a connection ends; a connection that lived long enough resets the sequence. */
    public void connectionLasted(Duration lifetime) {
        if (lifetime.compareTo(healthyAfter) >= 0) {
            attempt = 0;
        }
    }

    public int attempts() {
        return attempt;
    }
}
