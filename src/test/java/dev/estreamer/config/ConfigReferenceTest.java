package dev.estreamer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** docs/configuration.md is exactly what the key declarations render. */
@Timeout(10)
class ConfigReferenceTest {
    private static final Path DOC = Path.of("docs/configuration.md");

    @Test
    void docsAreInSyncWithDeclarations() throws IOException {
        String rendered = ConfigReference.render();
        if (Boolean.getBoolean("estreamer.writeDocs")) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOC)).as(DOC + " exists").isTrue();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/configuration.md is stale; regenerate with "
                        + "mvn -o -q test -Dtest=ConfigReferenceTest -Destreamer.writeDocs=true")
                .isEqualTo(rendered);
    }

    @Test
    void everyKeyIsListedOnceWithItsDefault() {
        String doc = ConfigReference.render();
        for (Key<?> key : Keys.all()) {
            assertThat(doc).containsOnlyOnce("| `" + key.path() + "` |");
        }
        assertThat(doc).contains("| `subscription.servers[].port` | integer 1-65535 | `8302` | eNcore |");
        assertThat(doc).contains("| `maxMessageLength` | integer 65536-1073741824 | `16777216` | estreamer |");
    }

    @Test
    void keyPathsAreUnique() {
        assertThat(Keys.all()).extracting(Key::path).doesNotHaveDuplicates();
    }
}
