package dev.estreamer.sink.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** elastic/ (what users read and apply by hand) is packaged as the resources setup installs. */
@Timeout(30)
class ElasticResourcesTest {
    @Test
    void everyTemplateInElasticIsOnTheClasspathByteForByte() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("elastic"))) {
            files = s.sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("index_template.logs-cisco_firepower.json", "ilm_policy.cisco_firepower.json");
        for (Path f : files) {
            try (InputStream in = getClass().getResourceAsStream("/dev/estreamer/elastic/" + f.getFileName())) {
                assertThat(in).as(f.toString()).isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(f.toString())
                        .isEqualTo(Files.readString(f));
            }
        }
    }
}
