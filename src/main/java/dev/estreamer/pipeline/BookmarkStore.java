package dev.estreamer.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * The bookmark file of one FMC, {@code <host>-<port>_bookmark.dat}, in eNcore's format
 * {@code {"1": <epoch seconds>}} so a user migrating from eNcore resumes where it stopped.
 *
 * <p>Writes are atomic: a temporary file in the same directory is written and fsynced, then
 * renamed over the old one, and the directory is fsynced; a crash leaves the old or the new
 * bookmark, never a torn one.
 */
public final class BookmarkStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public BookmarkStore(Path file) {
        this.file = file;
    }

    /** The file eNcore would use for this FMC inside the data directory. */
    public static Path fileFor(Path directory, String host, int port) {
        return directory.resolve(host + "-" + port + "_bookmark.dat");
    }

    public Path file() {
        return file;
    }

    /**
     * The stored archive timestamp, empty when there is no file. A non-integer value (eNcore's
     * {@code configure.py --bookmark now} writes a float) is truncated to whole seconds.
     */
    public OptionalLong read() {
        if (!Files.exists(file)) {
            return OptionalLong.empty();
        }
        try {
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw invalid("is not a JSON object");
            }
            JsonNode value = node.get("1");
            if (value == null || !value.isNumber() || value.asDouble() < 0 || value.asDouble() > 0xFFFFFFFFL) {
                throw invalid("has no numeric \"1\" entry between 0 and 4294967295");
            }
            return OptionalLong.of(value.asLong());
        } catch (IOException e) {
            throw invalid("cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Atomically replaces the bookmark. */
    public void write(long archiveTimestamp) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        byte[] bytes = ("{\"1\": " + archiveTimestamp + "}").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(dir);
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some filesystems cannot open a directory for fsync; the rename itself is still atomic.
        }
    }

    private EstreamerException invalid(String why) {
        return new EstreamerException(Stage.PIPELINE, "bookmark file " + file + " " + why
                + "; fix it or delete it (deleting restarts from the configured `start`)");
    }
}
