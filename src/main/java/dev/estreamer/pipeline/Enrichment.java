package dev.estreamer.pipeline;

import dev.estreamer.enrich.Enricher;
import dev.estreamer.enrich.MetadataCache;
import dev.estreamer.enrich.MetadataJournal;
import dev.estreamer.record.Record;

import java.nio.file.Path;

/**
 * Enrichment for one FMC (or one offline decode): the metadata cache, its journal next to the bookmark, and
 * the enricher. Used only by the thread that decodes, in stream order.
 */
public final class Enrichment implements AutoCloseable {
    private final Enricher enricher;
    private final MetadataJournal journal;

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

    @Override
    public void close() {
        if (journal != null) {
            journal.close();
        }
    }
}
