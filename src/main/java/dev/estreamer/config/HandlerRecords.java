package dev.estreamer.config;

import java.util.List;

/**
 * Which decoded records are written ({@code handler.records}); the filter package owns the
 * family lists. {@code exclude} wins over {@code include}, which wins over the switches; a record the
 * type rules let through is then checked against the device and domain selectors (names or ids).
 */
public record HandlerRecords(boolean core, boolean metadata, boolean connections, boolean packets,
                             boolean intrusion, boolean rna, boolean rua,
                             List<Integer> include, List<Integer> exclude,
                             List<String> includeDevices, List<String> excludeDevices,
                             List<String> includeDomains, List<String> excludeDomains) {
    public HandlerRecords {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        includeDevices = List.copyOf(includeDevices);
        excludeDevices = List.copyOf(excludeDevices);
        includeDomains = List.copyOf(includeDomains);
        excludeDomains = List.copyOf(excludeDomains);
    }

    /** Switches and record types only, no device or domain selection. */
    public HandlerRecords(boolean core, boolean metadata, boolean connections, boolean packets,
                          boolean intrusion, boolean rna, boolean rua,
                          List<Integer> include, List<Integer> exclude) {
        this(core, metadata, connections, packets, intrusion, rna, rua, include, exclude,
                List.of(), List.of(), List.of(), List.of());
    }
}
