package dev.estreamer.decode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The real FMC 6.x capture (copied from shared/golden/fmc-6.x-capture) split into EventData payloads. */
final class GoldenCapture {
    private GoldenCapture() {
    }

    static byte[] resource(String name) {
        try (InputStream in = GoldenCapture.class.getResourceAsStream("/dev/estreamer/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> encoreJsonLines() {
        return new String(resource("encore-3.8.4.json"), StandardCharsets.UTF_8).lines().toList();
    }

    /** The 69 record payloads, in stream order: each is record header + body, as a bundle item carries it. */
    static List<byte[]> payloads() {
        ByteBuffer in = ByteBuffer.wrap(resource("bundles.bin"));
        List<byte[]> items = new ArrayList<>();
        while (in.hasRemaining()) {
            int version = in.getShort() & 0xFFFF;
            int type = in.getShort() & 0xFFFF;
            int length = in.getInt();
            if (version != 1 || type != 4002) {
                throw new IllegalStateException("not a bundle: version " + version + " type " + type);
            }
            int end = in.position() + length;
            in.getInt(); // connection id
            in.getInt(); // sequence
            while (in.position() < end) {
                int itemType = in.getInt();
                int itemLength = in.getInt();
                if (itemType != 4) {
                    throw new IllegalStateException("bundle item of type " + itemType);
                }
                byte[] item = new byte[itemLength];
                in.get(item);
                items.add(item);
            }
        }
        return items;
    }
}
