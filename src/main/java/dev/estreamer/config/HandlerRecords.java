package dev.estreamer.config;

import java.util.List;

/**
 * Which decoded records are written ({@code handler.records}); the filter package owns the
 * family lists. {@code exclude} wins over {@code include}, which wins over the switches.
 */
public record HandlerRecords(boolean core, boolean metadata, boolean connections, boolean packets,
                             boolean intrusion, boolean rna, boolean rua,
                             List<Integer> include, List<Integer> exclude) {
    public HandlerRecords {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }
}
