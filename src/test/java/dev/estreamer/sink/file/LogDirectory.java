package dev.estreamer.sink.file;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Reads back what a file sink wrote: its files in creation order, and their lines. */
final class LogDirectory {
    private final Path directory;
    private final FileNames names;

    LogDirectory(Path directory, String pattern) {
        this.directory = directory;
        this.names = new FileNames(pattern);
    }

    /** The pattern's files, oldest first. */
    List<Path> files() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(directory)) {
            return s.filter(p -> names.order(p.getFileName().toString()).isPresent())
                    .sorted(Comparator.comparing((Path p) -> order(p)[0]).thenComparing(p -> order(p)[1]))
                    .toList();
        }
    }

    private long[] order(Path p) {
        return names.order(p.getFileName().toString()).orElseThrow();
    }

    /** Every line of every file, in order; fails if a file does not end in a newline. */
    List<String> lines() throws IOException {
        List<String> all = new ArrayList<>();
        for (Path f : files()) {
            all.addAll(lines(f));
        }
        return all;
    }

    static List<String> lines(Path file) {
        try {
            String text = Files.readString(file, UTF_8);
            if (text.isEmpty()) {
                return List.of();
            }
            if (!text.endsWith("\n")) {
                throw new AssertionError(file + " ends in a partial line: " + text);
            }
            return Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
