package dev.estreamer.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** The golden FMC capture (a copy of shared/golden lives in the test resources). */
public final class Golden {
    private Golden() {
    }

    /** bundles.bin where the test resources put it on disk. */
    public static Path capture() {
        java.net.URL url = Golden.class.getResource("/dev/estreamer/golden/bundles.bin");
        if (url == null) {
            throw new IllegalStateException("bundles.bin missing from src/test/resources/dev/estreamer/golden");
        }
        try {
            return Path.of(url.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** bundles.bin copied to a file, for APIs that read paths. */
    public static Path bundles(Path dir) {
        try (InputStream in = Golden.class.getResourceAsStream("/dev/estreamer/golden/bundles.bin")) {
            Path out = dir.resolve("bundles.bin");
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The EventData payloads of bundles.bin (each bundle item is one record), in stream order. */
    public static List<byte[]> payloads() {
        byte[] all;
        try (InputStream in = Golden.class.getResourceAsStream("/dev/estreamer/golden/bundles.bin")) {
            all = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteBuffer in = ByteBuffer.wrap(all);
        List<byte[]> items = new ArrayList<>();
        while (in.hasRemaining()) {
            in.getInt(); // version, type
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
