package dev.estreamer.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the shared golden files: -Destreamer.golden, ../shared/golden, /work/shared/golden. */
final class Golden {
    private Golden() {
    }

    static Path file(String relative) {
        List<Path> roots = new ArrayList<>();
        String property = System.getProperty("estreamer.golden");
        if (property != null && !property.isBlank()) {
            roots.add(Path.of(property));
        }
        roots.add(Path.of("../shared/golden"));
        roots.add(Path.of("/work/shared/golden"));
        for (Path root : roots) {
            Path candidate = root.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("golden file " + relative + " not found under " + roots
                + "; set -Destreamer.golden=/path/to/shared/golden");
    }

    static Path capture() {
        return file("fmc-6.x-capture/bundles.bin");
    }
}
