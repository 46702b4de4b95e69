package dev.estreamer.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A validated configuration file; every path in it is absolute.
 *
 * @param source the configuration file
 * @param dataDirectory where bookmark and metadata cache files live
 * @param maxMessageLength largest accepted message payload, in bytes
 * @param notes what was ignored or mapped, one sentence each, for the caller to log at INFO
 */
public record EstreamerConfig(Path source, boolean enabled, StartMode start, Duration connectTimeout,
                              Duration responseTimeout, Path dataDirectory, int maxMessageLength,
                              Reconnect reconnect, Queues queues, Monitor monitor, Logging logging,
                              Subscription subscription, Handler handler, Enrich enrich, List<String> notes) {
    public EstreamerConfig {
        notes = List.copyOf(notes);
    }

    /** The configuration file's directory, against which relative paths were resolved. */
    public Path baseDirectory() {
        return source.getParent();
    }
}
