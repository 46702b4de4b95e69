package dev.estreamer.pipeline;

import dev.estreamer.format.Formatter;
import dev.estreamer.sink.Sink;

/** One configured outputter: a format and the sink its bytes go to. */
public record Output(String name, Formatter formatter, Sink sink) {
}
