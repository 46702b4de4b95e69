package dev.estreamer.sink.elastic;

import dev.estreamer.sink.Payload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Pure: splits payloads into bulk requests by count and bytes, and renders a request's NDJSON body. */
final class BulkRequestBuilder {
    private final int maxDocuments;
    private final int maxBytes;

    BulkRequestBuilder(int maxDocuments, int maxBytes) {
        this.maxDocuments = maxDocuments;
        this.maxBytes = maxBytes;
    }

    /** Consecutive groups of at most maxDocuments payloads and about maxBytes (a single larger one goes alone). */
    List<List<Payload>> split(List<Payload> payloads) {
        List<List<Payload>> groups = new ArrayList<>();
        List<Payload> current = new ArrayList<>();
        long bytes = 0;
        for (Payload p : payloads) {
            int size = p.length() + 40; // the action line around index and id
            if (!current.isEmpty() && (current.size() >= maxDocuments || bytes + size > maxBytes)) {
                groups.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(p);
            bytes += size;
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    /** {@code {"create":{"_index":…,"_id":…}}} then the source, each line ending in LF (the last one too). */
    static byte[] body(List<ElasticDocument> documents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(documents.size() * 1024);
        for (ElasticDocument d : documents) {
            // index and id cannot hold quotes, backslashes or control characters (ElasticDocument checks), so no escaping
            out.writeBytes(("{\"create\":{\"_index\":\"" + d.index() + "\",\"_id\":\"" + d.id() + "\"}}\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(d.source());
            out.write('\n');
        }
        return out.toByteArray();
    }
}
