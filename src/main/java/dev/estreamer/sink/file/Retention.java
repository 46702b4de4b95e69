package dev.estreamer.sink.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the oldest files of the sink's name pattern beyond {@code maxFiles} (eNcore never
 * deletes; its Splunk add-on cleans by age). Only names the pattern produces are candidates, so
 * other files in the directory are never touched; the current file is always kept.
 */
final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final Path directory;
    private final FileNames names;
    private final int maxFiles;

    Retention(Path directory, FileNames names, int maxFiles) {
        this.directory = directory;
        this.names = names;
        this.maxFiles = maxFiles;
    }

    /** Deletes old files; failures are logged, never thrown, because the data is written. */
    void prune(Path current) {
        if (maxFiles == 0) {
            return;
        }
        List<Map.Entry<Path, long[]>> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(directory)) {
            for (Path p : dir) {
                if (!p.equals(current) && Files.isRegularFile(p)) {
                    names.order(p.getFileName().toString()).ifPresent(o -> files.add(Map.entry(p, o)));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("file sink: could not list {} to delete old files: {}", directory, e.toString());
            return;
        }
        files.sort(Comparator.comparing((Map.Entry<Path, long[]> e) -> e.getValue()[0])
                .thenComparing(e -> e.getValue()[1]));
        int excess = files.size() + 1 - maxFiles;
        for (int i = 0; i < excess; i++) {
            Path old = files.get(i).getKey();
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                LOG.warn("file sink: could not delete old file {}: {}", old, e.toString());
            }
        }
    }
}
