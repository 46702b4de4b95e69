package dev.estreamer.enrich;

import dev.estreamer.record.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal keeps the cache across restarts and crashes, and stays small. */
class MetadataJournalTest {
    @TempDir
    Path dir;

    private Path journal() {
        return dir.resolve("fmc-8302_metadata.jsonl");
    }

    private MetadataCache cacheFromJournal() {
        MetadataCache cache = MetadataCache.withDefaults();
        MetadataJournal.open(journal(), cache, false).close();
        return cache;
    }

    @Test
    void metadataOfTheCaptureSurvivesARestart() throws Exception {
        MetadataCache live = MetadataCache.withDefaults();
        try (MetadataJournal j = MetadataJournal.open(journal(), live, true)) {
            Enricher enricher = new Enricher(live);
            List<Record> records = GoldenRecords.decoded();
            records.forEach(enricher::enrich);
            assertThat(j.appended()).isPositive();
        }
        MetadataCache restored = cacheFromJournal();
        assertThat(restored.get("devices", 1L)).isEqualTo("10.101.101.161");
        assertThat(restored.get("users", 9999997L)).isEqualTo("No Authentication Required");
        assertThat(restored.get("acPols", 1L, "00000000-0000-0000-0000-00005fc6fa72")).isEqualTo("basic-ac");
        assertThat(restored.get("firewallRules", "00000000-0000-0000-0000-00005fc6fa72", 268434433L)).isEqualTo("allow-all");
        assertThat(restored.get("dnsRecords", 1L)).isEqualTo(java.util.Map.of("name", "A", "description", "a host address"));
        assertThat(restored.get("geolocations", 840L)).isEqualTo("united states");
        // a restarted client decorates the first event exactly like the one that saw the metadata
        Record event = GoldenRecords.decoded().get(22);
        assertThat(new Enricher(restored).enrich(event).computed())
                .isEqualTo(new Enricher(replayed()).enrich(event).computed());
    }

    private static MetadataCache replayed() {
        MetadataCache cache = MetadataCache.withDefaults();
        Enricher enricher = new Enricher(cache);
        GoldenRecords.decoded().forEach(enricher::enrich);
        return cache;
    }

    @Test
    void unchangedMetadataWritesNothing() throws Exception {
        MetadataCache cache = MetadataCache.withDefaults();
        try (MetadataJournal j = MetadataJournal.open(journal(), cache, false)) {
            Enricher enricher = new Enricher(cache);
            List<Record> records = GoldenRecords.decoded();
            records.forEach(enricher::enrich);
            long first = Files.size(journal());
            long appended = j.appended();
            records.forEach(enricher::enrich); // the FMC resends all metadata at each session start
            assertThat(Files.size(journal())).isEqualTo(first);
            assertThat(j.appended()).isEqualTo(appended);
        }
        // values equal to a built-in default (e.g. SSL action 0 "Unknown") were not written at all
        assertThat(Files.readString(journal())).doesNotContain("\"sslActions\"").contains("\"sslVersions\"");
    }

    @Test
    void aTornLastLineIsIgnoredAndRepaired() throws Exception {
        MetadataCache cache = MetadataCache.withDefaults();
        try (MetadataJournal j = MetadataJournal.open(journal(), cache, false)) {
            cache.put("devices", 7L, "fw-7");
            cache.put("devices", 8L, "fw-8");
        }
        String whole = Files.readString(journal());
        Files.writeString(journal(), whole.substring(0, whole.length() - 6)); // crash mid-write of the last line
        MetadataCache restored = MetadataCache.withDefaults();
        try (MetadataJournal j = MetadataJournal.open(journal(), restored, false)) {
            assertThat(restored.get("devices", 7L)).isEqualTo("fw-7");
            assertThat(restored.get("devices", 8L)).isNull();
            restored.put("devices", 9L, "fw-9");
        }
        // the torn fragment was dropped before appending, so the next line is not glued to it
        MetadataCache again = cacheFromJournal();
        assertThat(again.get("devices", 7L)).isEqualTo("fw-7");
        assertThat(again.get("devices", 9L)).isEqualTo("fw-9");
        assertThat(Files.readAllLines(journal())).hasSize(2);
    }

    @Test
    void compactionKeepsOnlyTheLatestValues() throws Exception {
        MetadataCache cache = MetadataCache.withDefaults();
        try (MetadataJournal j = MetadataJournal.open(journal(), cache, false)) {
            for (int i = 0; i < MetadataJournal.COMPACT_MIN_LINES; i++) {
                cache.put("devices", 1L, "name-" + i);
            }
            cache.put("firewallRules", "uuid-a", 5L, "rule five");
        }
        assertThat(Files.readAllLines(journal())).hasSize(MetadataJournal.COMPACT_MIN_LINES + 1);
        MetadataCache restored = cacheFromJournal();
        List<String> lines = Files.readAllLines(journal(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(restored.get("devices", 1L)).isEqualTo("name-" + (MetadataJournal.COMPACT_MIN_LINES - 1));
        assertThat(restored.get("firewallRules", "uuid-a", 5L)).isEqualTo("rule five");
        assertThat(Files.exists(journal().resolveSibling(journal().getFileName() + ".tmp"))).isFalse();
    }
}
