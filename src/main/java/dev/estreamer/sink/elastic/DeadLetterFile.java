package dev.estreamer.sink.elastic;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;

/**
 * Appends refused documents, one JSON line each ({@code @timestamp, index, _id, status, error, document}),
 * and forces them to disk before they count as done: a dead letter is the document's last copy.
 */
final class DeadLetterFile {
    private static final JsonFactory JSON = new JsonFactory();
    private final Path file;
    private final Clock clock;

    DeadLetterFile(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    Path file() {
        return file;
    }

    synchronized void append(List<BulkResponseClassifier.DeadLetter> letters) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (BulkResponseClassifier.DeadLetter d : letters) {
            ElasticDocument doc = ElasticDocument.decode(d.payload().bytes());
            try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("@timestamp", clock.instant().toString());
                g.writeStringField("index", doc.index());
                g.writeStringField("_id", doc.id());
                g.writeNumberField("status", d.status());
                g.writeObjectFieldStart("error");
                g.writeStringField("type", d.type());
                g.writeStringField("reason", d.reason());
                g.writeEndObject();
                g.writeStringField("document", new String(doc.source(), StandardCharsets.UTF_8));
                g.writeEndObject();
            }
            out.write('\n');
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap(out.toByteArray());
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(false);
        }
    }
}
