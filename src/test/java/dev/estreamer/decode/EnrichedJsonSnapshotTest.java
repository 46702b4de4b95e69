package dev.estreamer.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.enrich.Enricher;
import dev.estreamer.enrich.MetadataCache;
import dev.estreamer.format.JsonFormatter;
import dev.estreamer.sim.SourceRecord;
import dev.estreamer.sim.SyntheticGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pins, byte for byte, the enriched JSON (with {@code @computed}) of the golden capture, one seeded record per
 * catalogue layout, and the simulator's metadata and connection events of every block version, all enriched in
 * stream order by one {@link Enricher}: the enrichment hot path may be made faster, never different.
 * The snapshot was written by the enricher before its optimisation
 * ({@code mvn -o -q test -Dtest=EnrichedJsonSnapshotTest -Destreamer.snapshot.update=true}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EnrichedJsonSnapshotTest {
    private static final String RESOURCE = "enriched-json.jsonl";

    @Test
    void enrichedOutputIsByteForByteTheSnapshot() throws IOException {
        List<String> actual = render();
        if (Boolean.getBoolean("estreamer.snapshot.update")) {
            Files.write(Path.of("src/test/resources/dev/estreamer/decode", RESOURCE), actual, StandardCharsets.UTF_8);
            return;
        }
        List<String> expected = new String(EnrichedJsonSnapshotTest.class.getResourceAsStream(RESOURCE).readAllBytes(),
                StandardCharsets.UTF_8).lines().toList();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("line %d", i + 1).isEqualTo(expected.get(i));
        }
        assertThat(String.join("\n", actual)).contains("\"sensor\":").contains("\"firewallRule\":")
                .contains("\"eventDateTime\":");
    }

    private static List<String> render() {
        List<byte[]> payloads = new ArrayList<>(JsonBytesSnapshotTest.payloads());
        SyntheticGenerator generator = SyntheticGenerator.builder().seed(7).startEpoch(1_700_000_000L)
                .allFamilies(false).build();
        for (SourceRecord m : generator.metadata()) {
            payloads.add(m.payload(true, 0));
        }
        int[] blocks = {160, 163, 168, 169, 170, 171, 173, 174};
        for (int n = 0; n < 40; n++) {
            payloads.add(generator.event(n, blocks[n % blocks.length]).payload(true, n % 3));
        }
        RecordDecoder decoder = new RecordDecoder();
        Enricher enricher = new Enricher(MetadataCache.withDefaults());
        JsonFormatter json = new JsonFormatter();
        List<String> lines = new ArrayList<>();
        for (byte[] p : payloads) {
            lines.add(new String(json.format(enricher.enrich(decoder.decode(p))), StandardCharsets.UTF_8));
        }
        return lines;
    }
}
