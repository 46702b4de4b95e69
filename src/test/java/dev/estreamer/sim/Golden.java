package dev.estreamer.sim;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The golden files copied into the test resources (from shared/golden), as paths. */
final class Golden {
    private Golden() {
    }

    static Path file(String name) {
        URL url = Golden.class.getResource("/dev/estreamer/golden/" + name);
        if (url == null) {
            throw new IllegalStateException("golden file " + name + " missing from src/test/resources/dev/estreamer/golden");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path capture() {
        return file("bundles.bin");
    }
}
