package dev.estreamer.config;

import java.util.List;

/**
 * The FMCs to read from and what to request.
 *
 * @param events version overrides for the Streaming Request; empty means the built-in versions
 */
public record Subscription(List<Server> servers, SubscriptionRecords records, List<EventVersionOverride> events) {
    public Subscription {
        servers = List.copyOf(servers);
        events = List.copyOf(events);
    }
}
