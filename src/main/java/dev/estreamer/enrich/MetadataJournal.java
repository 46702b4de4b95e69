package dev.estreamer.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Append-only, crash-safe journal of one FMC's metadata cache: one JSON line per entry that changed
 * ({@code {"t":table,"k":[key…],"v":value}}), written and flushed as it changes, so a crash loses nothing.
 * Replayed over the built-in tables at start; a torn last line (crash mid-write) is skipped with a warning.
 * The FMC resends all metadata at each session start, usually unchanged, and unchanged values write nothing.
 * At start, when most lines are superseded, the journal is rewritten atomically (temp, fsync, rename).
 */
public final class MetadataJournal implements MetadataCache.Listener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MetadataJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Compaction pays off only when the file has grown and most of it is history. */
    static final int COMPACT_MIN_LINES = 1000;

    private final Path file;
    private final boolean fsync;
    // a stream, not a FileChannel: an interrupt of the processor thread must not close the journal mid-write
    private FileOutputStream channel;
    private long appended;

    private MetadataJournal(Path file, boolean fsync) {
        this.file = file;
        this.fsync = fsync;
    }

    /**
     * Replays {@code file} (if any) into {@code cache}, compacts it when worthwhile, then journals every later
     * change of the cache. With {@code fsync} each line is forced to disk (survives power loss, not only a
     * process crash).
     */
    public static MetadataJournal open(Path file, MetadataCache cache, boolean fsync) {
        MetadataJournal journal = new MetadataJournal(file, fsync);
        try {
            Map<List<Object>, ObjectNode> latest = journal.replay(cache);
            int lines = journal.replayedLines;
            if (lines >= COMPACT_MIN_LINES && latest.size() * 2 < lines || journal.tornTail) {
                journal.compact(latest.values());
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent); // the data directory may not exist before the first bookmark
            }
            journal.channel = new FileOutputStream(file.toFile(), true);
        } catch (IOException e) {
            throw new EstreamerException(Stage.ENRICH, "cannot open metadata journal " + file + ": " + e.getMessage(), e);
        }
        cache.listener(journal);
        return journal;
    }

    /** Reads a journal into {@code cache} without writing to it (offline decoding with a live client's cache). */
    public static void load(Path file, MetadataCache cache) {
        try {
            new MetadataJournal(file, false).replay(cache);
        } catch (IOException e) {
            throw new EstreamerException(Stage.ENRICH, "cannot read metadata journal " + file + ": " + e.getMessage(), e);
        }
    }

    private int replayedLines;
    private boolean tornTail;

    private Map<List<Object>, ObjectNode> replay(MetadataCache cache) throws IOException {
        Map<List<Object>, ObjectNode> latest = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return latest;
        }
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            tornTail = true; // even a parseable last line lacks its newline: rewrite before appending after it
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            boolean last = i == lines.length - 1; // no newline after it: the write was cut short
            try {
                ObjectNode node = (ObjectNode) JSON.readTree(line);
                String table = node.get("t").asText();
                List<Object> keys = new ArrayList<>(2);
                node.get("k").forEach(k -> keys.add(MetadataCache.key(k)));
                cache.restore(table, keys, MetadataCache.value(node.get("v")));
                List<Object> id = new ArrayList<>(keys);
                id.add(0, table);
                latest.remove(id); // keep the file order of the latest writes
                latest.put(id, node);
                replayedLines++;
            } catch (IOException | RuntimeException e) {
                if (last) {
                    tornTail = true;
                    log.warn("Metadata journal {} ends with an incomplete line (a crash mid-write); ignoring it", file);
                } else {
                    log.warn("Metadata journal {} line {} is not readable; skipping it: {}", file, i + 1, e.toString());
                }
            }
        }
        return latest;
    }

    /** Rewrites the journal with only the latest entries: temp file, fsync, atomic rename. */
    private void compact(Iterable<ObjectNode> entries) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (ObjectNode node : entries) {
                write(out, line(node));
            }
            out.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        log.info("Metadata journal {} compacted from {} to {} entries", file, replayedLines, countOf(entries));
    }

    private static int countOf(Iterable<?> items) {
        int n = 0;
        for (Object ignored : items) {
            n++;
        }
        return n;
    }

    @Override
    public void changed(String table, List<Object> keys, Object value) {
        ObjectNode node = JSON.createObjectNode();
        node.put("t", table);
        ArrayNode k = node.putArray("k");
        for (Object key : keys) {
            if (key instanceof Long l) {
                k.add(l);
            } else {
                k.add(String.valueOf(key));
            }
        }
        node.set("v", JSON.valueToTree(value));
        try {
            channel.write(line(node)); // one write call per line: whole lines reach the kernel at once
            if (fsync) {
                channel.getFD().sync();
            }
            appended++;
        } catch (IOException e) {
            // the cache in memory is still right; only a crash before the next start would lose this entry
            log.error("Cannot append to metadata journal {}: {}", file, e.toString());
        }
    }

    private static byte[] line(JsonNode node) {
        try {
            byte[] json = JSON.writeValueAsBytes(node);
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(FileChannel out, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /** Lines appended since open. */
    public long appended() {
        return appended;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            log.warn("Cannot close metadata journal {}: {}", file, e.toString());
        }
    }
}
