package dev.estreamer.session;

import dev.estreamer.wire.EventVersion;
import dev.estreamer.wire.RequestFlags;
import java.time.Duration;
import java.util.List;

/** Everything one FMC session needs, already validated. */
public record SessionSettings(
        String host,
        int port,
        RequestFlags flags,
        List<EventVersion> events,
        Duration connectTimeout,
        Duration readTimeout,
        Duration idleTimeout,
        int maxMessageLength,
        Duration backoffInitial,
        Duration backoffMax,
        Duration healthyAfter) {

    public SessionSettings {
        events = List.copyOf(events);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535: " + port);
        }
    }

    /** {@code host:port}, how logs and file names refer to this FMC. */
    public String server() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
