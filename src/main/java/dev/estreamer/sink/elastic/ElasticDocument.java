package dev.estreamer.sink.elastic;

import dev.estreamer.sink.SinkException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What an Elasticsearch payload carries: the target data stream, the document's deterministic
 * {@code _id} and its JSON source. Encoded into a {@link dev.estreamer.sink.Payload}'s bytes as
 * {@code index LF id LF source} so the pipeline can hand routing to the sink without the sink
 * knowing records or formats.
 */
public record ElasticDocument(String index, String id, byte[] source) {

    public ElasticDocument {
        check("index", index);
        check("id", id);
    }

    private static void check(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '"' || c == '\\' || c < 0x20) {
                throw new IllegalArgumentException(what + " contains a character not allowed in it: \"" + value + "\"");
            }
        }
    }

    /** Payload bytes for this document. */
    public byte[] encode() {
        byte[] i = index.getBytes(StandardCharsets.UTF_8);
        byte[] d = id.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[i.length + d.length + 2 + source.length];
        System.arraycopy(i, 0, out, 0, i.length);
        out[i.length] = '\n';
        System.arraycopy(d, 0, out, i.length + 1, d.length);
        out[i.length + 1 + d.length] = '\n';
        System.arraycopy(source, 0, out, i.length + d.length + 2, source.length);
        return out;
    }

    /** @throws SinkException when the bytes were not made by {@link #encode()} */
    public static ElasticDocument decode(byte[] bytes) {
        int first = indexOf(bytes, 0);
        int second = first < 0 ? -1 : indexOf(bytes, first + 1);
        if (second < 0) {
            throw new SinkException("payload is not an Elasticsearch document (index LF id LF source)");
        }
        return new ElasticDocument(new String(bytes, 0, first, StandardCharsets.UTF_8),
                new String(bytes, first + 1, second - first - 1, StandardCharsets.UTF_8),
                Arrays.copyOfRange(bytes, second + 1, bytes.length));
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
