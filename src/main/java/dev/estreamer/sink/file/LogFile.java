package dev.estreamer.sink.file;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One open output file: buffered line appends, and the size up to which its content is known
 * durable, so a failed file can be cut back to whole lines.
 */
final class LogFile {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final OutputStream out;
    private int lines;
    private long appended;
    private long durable;

    private LogFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE);
    }

    /** Creates the file; {@code FileAlreadyExistsException} if the name is taken. */
    static LogFile create(Path path, ChannelOpener opener) throws IOException {
        return new LogFile(path, opener.createNew(path));
    }

    /** Buffers one framed line. */
    void append(byte[] line) throws IOException {
        out.write(line);
        appended += line.length;
        lines++;
    }

    /** Pushes buffered lines to the operating system, without marking them durable. */
    void flush() throws IOException {
        out.flush();
    }

    /**
     * Flushes (and forces to the device when {@code force}), then marks everything appended as
     * durable. Fails if the file has vanished from the directory: writes to an unlinked file
     * would be acknowledged and then lost.
     */
    void sync(boolean force) throws IOException {
        out.flush();
        if (force) {
            channel.force(true);
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(path.toString(), null, "file was removed while being written");
        }
        durable = appended;
    }

    int lines() {
        return lines;
    }

    Path path() {
        return path;
    }

    /** Closes a file whose content is all durable. */
    void close() throws IOException {
        out.close();
    }

    /**
     * Best effort after a failure: cut the file back to its durable size, so it does not end in a
     * partial line or in lines that are about to be retried, then close it. The buffered stream
     * is dropped, not closed, so nothing left in its buffer is written after the cut.
     */
    void abandon() {
        try {
            if (channel.isOpen() && channel.size() > durable) {
                channel.truncate(durable);
            }
        } catch (IOException | RuntimeException ignored) {
            // the target is failing already; the retry goes to a new file either way
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to save
        }
    }
}
