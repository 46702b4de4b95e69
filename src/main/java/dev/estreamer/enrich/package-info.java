/**
 * Metadata cache, its crash-safe journal, and decoration: resolves the ids and uuids of events into
 * names from the metadata records the FMC sends and adds eNcore's {@code @computed} fields.
 *
 * <p>Threading: a {@link dev.estreamer.enrich.MetadataCache} and its {@link dev.estreamer.enrich.Enricher}
 * belong to one pipeline's processor thread (records must be enriched in stream order, because the FMC
 * sends each metadata record just before the first event that needs it). Nothing here is thread-safe.
 */
package dev.estreamer.enrich;
