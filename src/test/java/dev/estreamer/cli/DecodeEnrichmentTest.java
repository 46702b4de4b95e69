package dev.estreamer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.format.JsonFormatter;
import dev.estreamer.pipeline.Enrichment;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Offline decoding names events from the metadata found earlier in the file, as run does. */
class DecodeEnrichmentTest {
    @Test
    void eventsAfterTheirMetadataAreNamed() throws Exception {
        byte[] capture;
        try (InputStream in = getClass().getResourceAsStream("/dev/estreamer/golden/bundles.bin")) {
            capture = in.readAllBytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodeCommand.decode(new ByteArrayInputStream(capture), new RecordDecoder(), Enrichment.inMemory(),
                new JsonFormatter(), out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(69);
        JsonNode first = new ObjectMapper().readTree(lines.get(22)).get("@computed");
        assertThat(first.get("sensor").asText()).isEqualTo("10.101.101.161");
        assertThat(first.get("firewallRule").asText()).isEqualTo("allow-all");
        assertThat(first.get("user").asText()).isEqualTo("No Authentication Required");
    }
}
