package dev.estreamer.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The golden FMC capture (a copy of shared/golden lives in the test resources). */
public final class Golden {
    private Golden() {
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
}
