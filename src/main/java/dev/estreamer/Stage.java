package dev.estreamer;

/** The pipeline stage an error or a counter belongs to. */
public enum Stage {
    CONFIG, SESSION, WIRE, DECODE, ENRICH, FILTER, FORMAT, SINK, PIPELINE, CLI, SIMULATOR
}
