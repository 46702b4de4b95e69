package dev.estreamer.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.record.Record;
import dev.estreamer.record.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Golden CEF lines, one per family: {@code cef-families.cef} holds {@code label<TAB>line}, checked by hand against
 * docs/cef.md. Regenerate with {@code -Destreamer.writeGolden=true} and review the diff.
 */
@Timeout(30)
class CefFamiliesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/dev/estreamer/format/cef-families.cef");

    @Test
    void everyFamilyMatchesItsGoldenLine() throws IOException {
        Map<String, Record> records = CefFamilies.records();
        CefFormatter cef = new CefFormatter();
        List<String> lines = new ArrayList<>();
        records.forEach((label, record) -> {
            assertThat(record.status()).as(label).isEqualTo(Status.DECODED);
            String line = cef.render(record);
            assertThat(line).as(label).isNotNull();
            CefParser.parse(line);
            lines.add(label + "\t" + line);
        });
        if (Boolean.getBoolean("estreamer.writeGolden")) {
            Files.write(GOLDEN, lines, StandardCharsets.UTF_8);
        }
        assertThat(lines).containsExactlyElementsOf(Files.readAllLines(GOLDEN, StandardCharsets.UTF_8));
    }
}
