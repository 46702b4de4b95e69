package dev.estreamer.config;

import java.time.Duration;

/**
 * What enrichment does with an event whose ids the metadata cache cannot name yet ({@code enrich.*}).
 *
 * @param hold     false = write it now with the ids (eNcore's way); true = hold it for its metadata
 * @param holdTime longest wait of a held event
 * @param holdMax  most records held per FMC
 */
public record Enrich(boolean hold, Duration holdTime, int holdMax) {
    /** eNcore's behaviour: nothing is held. */
    public static final Enrich EMIT = new Enrich(false, Duration.ofMillis(2000), 10_000);
}
