package dev.estreamer.sink.file;

import dev.estreamer.sink.Batch;
import dev.estreamer.sink.Framing;
import dev.estreamer.sink.Observer;
import dev.estreamer.sink.Payload;
import dev.estreamer.sink.Sink;
import dev.estreamer.sink.SinkException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends payloads as lines to files in a directory, rotating after {@code maxLines} lines.
 *
 * <p>A batch is acknowledged only after all its lines are flushed (and forced, with fsync). On an
 * I/O failure the payloads not yet durable are retried with the cause, the failing file is cut
 * back to its durable lines and closed, and the next batch starts a new file; existing files are
 * never overwritten. {@code publish} and {@code close} are synchronized: meant for one publisher
 * thread, safe to close from another.
 */
public final class FileSink implements Sink {
    private static final Logger LOG = LoggerFactory.getLogger(FileSink.class);
    private static final int MAX_NAME_ATTEMPTS = 10_000;

    private final FileSinkConfig config;
    private final Observer observer;
    private final LongSupplier epochSeconds;
    private final ChannelOpener opener;
    private final FileNames names;
    private final Retention retention;
    private LogFile current;
    private boolean closed;

    FileSink(FileSinkConfig config, Observer observer, LongSupplier epochSeconds, ChannelOpener opener) {
        this.config = config.validate();
        this.observer = observer;
        this.epochSeconds = epochSeconds;
        this.opener = opener;
        this.names = new FileNames(config.fileName());
        this.retention = new Retention(config.directory(), names, config.maxFiles());
    }

    @Override
    public synchronized void publish(Batch batch) {
        List<Payload> payloads = batch.payloads();
        observer.accepted(payloads.size());
        if (payloads.isEmpty()) {
            batch.acknowledge();
            return;
        }
        if (closed) {
            retry(batch, payloads, new SinkException(this + " is closed"));
            return;
        }
        Progress progress = new Progress();
        try {
            write(payloads, progress);
        } catch (IOException | RuntimeException e) {
            // RuntimeException too: an escaped exception would leave the batch without an outcome
            abandonCurrent();
            observer.bytes(progress.durableBytes);
            retry(batch, payloads.subList(progress.durable, payloads.size()),
                    new SinkException(this + ": write failed: " + e.getMessage(), e));
            return;
        }
        observer.bytes(progress.durableBytes);
        observer.acknowledged(payloads.size());
        batch.acknowledge();
    }

    /** How far a batch got: payloads and bytes known durable, and bytes appended since. */
    private static final class Progress {
        int durable;
        long durableBytes;
        long pendingBytes;

        void synced(int payloads) {
            durable = payloads;
            durableBytes += pendingBytes;
            pendingBytes = 0;
        }
    }

    private void write(List<Payload> payloads, Progress progress) throws IOException {
        for (int i = 0; i < payloads.size(); i++) {
            if (current != null && config.rotate() && current.lines() >= config.maxLines()) {
                current.sync(config.fsync());
                progress.synced(i);
                closeCurrent();
            }
            if (current == null) {
                current = openNext();
            }
            byte[] line = Framing.NEWLINE.frame(payloads.get(i).bytes());
            current.append(line);
            progress.pendingBytes += line.length;
            if (config.flush() == FlushPolicy.LINE) {
                if (config.fsync()) {
                    current.flush(); // visible to readers now, durable at the forced sync below
                } else {
                    current.sync(false);
                    progress.synced(i + 1);
                }
            }
        }
        if (progress.durable < payloads.size()) {
            current.sync(config.fsync());
            progress.synced(payloads.size());
        }
    }

    private void retry(Batch batch, List<Payload> failed, SinkException cause) {
        observer.retried(failed.size());
        batch.retry(List.copyOf(failed), cause);
    }

    private LogFile openNext() throws IOException {
        Path directory = config.directory();
        Files.createDirectories(directory);
        long now = epochSeconds.getAsLong();
        for (int attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
            Path path = directory.resolve(names.name(now, attempt));
            LogFile file;
            try {
                file = LogFile.create(path, opener);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            if (config.fsync()) {
                forceDirectory(directory);
            }
            retention.prune(path);
            return file;
        }
        throw new IOException("no free file name for pattern " + config.fileName() + " in " + directory);
    }

    /** Makes a new file's directory entry durable (Linux); platforms that cannot are skipped. */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException unsupported) {
            LOG.debug("file sink: cannot fsync directory {}: {}", directory, unsupported.toString());
        }
    }

    private void closeCurrent() throws IOException {
        LogFile file = current;
        current = null;
        file.close();
    }

    private void abandonCurrent() {
        if (current != null) {
            LOG.warn("{}: abandoning {} after a write failure; the next batch opens a new file",
                    this, current.path());
            current.abandon();
            current = null;
        }
    }

    /** The file being written, if any (for tests and status output). */
    synchronized Path currentFile() {
        return current == null ? null : current.path();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (current != null) {
            try {
                closeCurrent();
            } catch (IOException e) {
                // every acknowledged line was synced already; nothing unacknowledged is buffered
                throw new SinkException(this + ": closing failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "file:" + config.directory().resolve(config.fileName());
    }
}
