package dev.estreamer.sink.elastic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** elastic/ (what users read and apply by hand) and the JAR's copy (what setup installs) stay the same bytes. */
@Timeout(30)
class ElasticResourcesTest {
    @Test
    void elasticDirectoryMatchesTheJarResources() throws IOException {
        Path top = Path.of("elastic");
        Path jar = Path.of("src/main/resources/dev/estreamer/elastic");
        List<String> names;
        try (Stream<Path> s = Files.list(jar)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).contains("index_template.logs-cisco_firepower.json", "ilm_policy.cisco_firepower.json");
        for (String n : names) {
            assertThat(Files.readString(top.resolve(n))).as(n).isEqualTo(Files.readString(jar.resolve(n)));
        }
    }
}
