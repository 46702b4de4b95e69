package dev.estreamer.enrich;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.record.Record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The real FMC capture's 69 records, decoded, and eNcore 3.8.4's JSON lines for them. */
final class GoldenRecords {
    private GoldenRecords() {
    }

    static byte[] resource(String name) {
        try (InputStream in = GoldenRecords.class.getResourceAsStream("/dev/estreamer/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> encoreJson() {
        return new String(resource("encore-3.8.4.json"), StandardCharsets.UTF_8).lines().toList();
    }

    static List<Record> decoded() {
        RecordDecoder decoder = new RecordDecoder();
        return payloads().stream().map(decoder::decode).toList();
    }

    /** EventData payloads of bundles.bin in stream order (each bundle item is one record). */
    static List<byte[]> payloads() {
        ByteBuffer in = ByteBuffer.wrap(resource("bundles.bin"));
        List<byte[]> items = new ArrayList<>();
        while (in.hasRemaining()) {
            in.getInt(); // version, type: checked by the decode tests
            int end = in.getInt() + in.position();
            in.getLong(); // connection id, sequence
            while (in.position() < end) {
                in.getInt();
                byte[] item = new byte[in.getInt()];
                in.get(item);
                items.add(item);
            }
        }
        return items;
    }
}
