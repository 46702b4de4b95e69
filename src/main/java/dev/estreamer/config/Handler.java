package dev.estreamer.config;

import java.util.List;

/** What is written and where ({@code handler}). With no enabled outputter events are only counted. */
public record Handler(HandlerRecords records, List<Outputter> outputters) {
    public Handler {
        outputters = List.copyOf(outputters);
    }

    /** The outputters with {@code enabled: true}, in file order. */
    public List<Outputter> enabledOutputters() {
        return outputters.stream().filter(Outputter::enabled).toList();
    }
}
