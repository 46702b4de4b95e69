package dev.estreamer.pipeline;

import dev.estreamer.enrich.Enricher;
import dev.estreamer.enrich.MetadataCache;
import dev.estreamer.enrich.MetadataJournal;
import dev.estreamer.record.Record;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Enrichment for one FMC (or one offline decode): the metadata cache, its journal next to the bookmark, and
 * the enricher. Used only by the thread that decodes, in stream order.
 */
public final class Enrichment implements AutoCloseable {
    private final Enricher enricher;
    private final MetadataJournal journal;
    private boolean hold;
    private Duration holdTime = Duration.ofMillis(2000);
    private int holdMax = 10_000;

    private Enrichment(MetadataCache cache, MetadataJournal journal) {
        this.enricher = new Enricher(cache);
        this.journal = journal;
    }

    /** The journal file of an FMC: {@code <host>-<port>_metadata.jsonl} beside {@code <host>-<port>_bookmark.dat}. */
    public static Path fileFor(Path directory, String host, int port) {
        return directory.resolve(host + "-" + port + "_metadata.jsonl");
    }

    /** Cache restored from, and journaled to, {@code journalFile}. */
    public static Enrichment persistent(Path journalFile) {
        MetadataCache cache = MetadataCache.withDefaults();
        return new Enrichment(cache, MetadataJournal.open(journalFile, cache, false));
    }

    /** Starts from a journal written by {@code run} (read only: offline decoding never changes it). */
    public static Enrichment readOnly(Path journalFile) {
        MetadataCache cache = MetadataCache.withDefaults();
        MetadataJournal.load(journalFile, cache);
        return new Enrichment(cache, null);
    }

    /** A cache that starts from the built-in tables and lives in memory only. */
    public static Enrichment inMemory() {
        return new Enrichment(MetadataCache.withDefaults(), null);
    }

    public Record apply(Record record) {
        return enricher.enrich(record);
    }

    /**
     * {@code enrich.lateMetadata=hold}: events whose ids the cache cannot name yet are held by the pipeline
     * for at most {@code holdTime} and {@code holdMax} records (see {@link HoldBuffer}).
     */
    public Enrichment holdLateEvents(Duration holdTime, int holdMax) {
        if (holdTime.isNegative() || holdTime.isZero() || holdMax < 1) {
            throw new IllegalArgumentException("hold time and count must be positive: " + holdTime + ", " + holdMax);
        }
        this.hold = true;
        this.holdTime = holdTime;
        this.holdMax = holdMax;
        return this;
    }

    /** A hold buffer per the settings, or null when late events are emitted at once (the default). */
    HoldBuffer holdBuffer(LongSupplier nanoClock) {
        return hold ? new HoldBuffer(this, holdTime, holdMax, nanoClock) : null;
    }

    /** Whether the record last applied or decorated has an id its metadata has not named yet. */
    boolean awaitsMetadata() {
        return enricher.awaitsMetadata();
    }

    /** Decorates again from the cache as it is now, storing nothing. */
    Record decorate(Record record) {
        return enricher.decorate(record);
    }

    /** Moves whenever the cache changes. */
    long version() {
        return enricher.cache().version();
    }

    @Override
    public void close() {
        if (journal != null) {
            journal.close();
        }
    }
}
