package dev.estreamer.pipeline;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.filter.RecordFilter;
import dev.estreamer.record.Record;
import dev.estreamer.record.Status;
import dev.estreamer.session.Connector;
import dev.estreamer.session.FmcSession;
import dev.estreamer.session.SessionListener;
import dev.estreamer.session.SessionSettings;
import dev.estreamer.session.SessionStats;
import dev.estreamer.wire.EventStreamRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything for one FMC: its session, decode/filter/format, its sinks, its acknowledgement
 * tracker and bookmark. Three threads: the session reader, the processor (decode, enrich, filter, format — pure
 * work) and the writer (publishes to sinks and acknowledges); the {@link BookmarkCommitter} writes the bookmark.
 */
public final class FmcPipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FmcPipeline.class);

    /** The three ways a run starts when no bookmark has been committed in this process yet. */
    public enum Start { GENESIS, NOW, BOOKMARK }

    private final String name;
    private final SessionSettings sessionSettings;
    private final RecordDecoder decoder;
    private final RecordFilter filter;
    private final Enrichment enrichment;
    private final List<Output> outputs;
    private final BookmarkStore bookmarks;
    private final Start start;
    private final int batchSize;
    private final long batchWaitNanos;
    private final AckTracker tracker;
    private final BlockingQueue<Received> received;
    private final BlockingQueue<Formatted> formatted;
    private final ByteBudget formattedBytes;
    /** Bytes of payloads read from the FMC and not yet processed (an intrusion packet record can be 64 KB). */
    private final ByteBudget receivedBytes;
    private final FmcSession session;
    private final SessionStats sessionStats = new SessionStats();
    private final PipelineStats stats = new PipelineStats();
    private final Thread reader;
    private final Thread processor;
    private final Thread writer;
    private final BookmarkCommitter committer;
    private final long startedNanos = System.nanoTime();
    private volatile boolean stopping;
    private volatile long firstConnectEpoch = -1;

    record Received(long sequence, byte[] payload) {
    }

    record Formatted(long sequence, byte[][] perOutput, int bytes) {
    }

    private static final Received POISON = new Received(-1, new byte[0]);
    static final Formatted DONE = new Formatted(-1, new byte[0][], 0);
    /** Default bound, in bytes, of each queue between stages (see {@link ByteBudget}). */
    public static final long DEFAULT_QUEUE_BYTES = 32L << 20;

    public FmcPipeline(String name, SessionSettings sessionSettings, Connector connector, RecordDecoder decoder,
            RecordFilter filter, List<Output> outputs, BookmarkStore bookmarks, Start start, int batchSize,
            int queueCapacity, Duration bookmarkInterval) {
        this(name, sessionSettings, connector, decoder, filter, outputs, bookmarks, start, batchSize, queueCapacity,
                bookmarkInterval, Enrichment.inMemory());
    }

    public FmcPipeline(String name, SessionSettings sessionSettings, Connector connector, RecordDecoder decoder,
            RecordFilter filter, List<Output> outputs, BookmarkStore bookmarks, Start start, int batchSize,
            int queueCapacity, Duration bookmarkInterval, Enrichment enrichment) {
        this(name, sessionSettings, connector, decoder, filter, outputs, bookmarks, start, batchSize, queueCapacity,
                DEFAULT_QUEUE_BYTES, bookmarkInterval, enrichment);
    }

    /**
     * @param queueCapacity most records in each queue between stages
     * @param queueBytes    most bytes of records in each queue between stages (whichever bound is reached first)
     */
    public FmcPipeline(String name, SessionSettings sessionSettings, Connector connector, RecordDecoder decoder,
            RecordFilter filter, List<Output> outputs, BookmarkStore bookmarks, Start start, int batchSize,
            int queueCapacity, long queueBytes, Duration bookmarkInterval, Enrichment enrichment) {
        this(name, sessionSettings, connector, decoder, filter, outputs, bookmarks, start, batchSize, queueCapacity,
                queueBytes, bookmarkInterval, enrichment, Duration.ZERO);
    }

    /**
     * @param batchWait how long a partial batch waits for more records before it goes to the outputs (Beats'
     *                  flush timeout); zero hands it over as soon as the writer finds the queue empty
     */
    public FmcPipeline(String name, SessionSettings sessionSettings, Connector connector, RecordDecoder decoder,
            RecordFilter filter, List<Output> outputs, BookmarkStore bookmarks, Start start, int batchSize,
            int queueCapacity, long queueBytes, Duration bookmarkInterval, Enrichment enrichment, Duration batchWait) {
        this.batchWaitNanos = batchWait.toNanos();
        this.receivedBytes = new ByteBudget(queueBytes);
        this.formattedBytes = new ByteBudget(queueBytes);
        this.enrichment = enrichment;
        this.name = name;
        this.sessionSettings = sessionSettings;
        this.decoder = decoder;
        this.filter = filter;
        this.outputs = List.copyOf(outputs);
        this.bookmarks = bookmarks;
        this.start = start;
        this.batchSize = batchSize;
        long stored = bookmarks.read().orElse(0L);
        // With start 0 or 1 the stored bookmark is not a resume point for the first connection, but it
        // still is after a reconnect once this run has acknowledged something of its own.
        this.tracker = new AckTracker(start == Start.BOOKMARK ? stored : 0);
        this.committer = new BookmarkCommitter(name, tracker, bookmarks, stored, bookmarkInterval);
        this.received = new ArrayBlockingQueue<>(queueCapacity);
        this.formatted = new ArrayBlockingQueue<>(queueCapacity);
        this.session = new FmcSession(sessionSettings, connector, this::initialTimestamp, new Listener(), sessionStats);
        this.reader = new Thread(session, "session-" + name);
        this.processor = new Thread(this::process, "process-" + name);
        this.writer = new Thread(this::write, "write-" + name);
        for (Thread t : List.of(reader, processor, writer)) {
            t.setDaemon(true);
        }
    }

    public void start() {
        log.info("Starting pipeline {} to {} with {} output(s), bookmark file {}", name, sessionSettings.server(),
                outputs.size(), bookmarks.file());
        processor.start();
        writer.start();
        committer.start();
        reader.start();
    }

    /** The timestamp for the next Event Stream Request. */
    long initialTimestamp() {
        long committed = tracker.committable();
        if (committed > 0) {
            return committed;
        }
        long now = System.currentTimeMillis() / 1000;
        if (firstConnectEpoch < 0) {
            firstConnectEpoch = now;
            return switch (start) {
                case GENESIS -> EventStreamRequest.GENESIS;
                case NOW -> EventStreamRequest.NOW;
                case BOOKMARK -> EventStreamRequest.GENESIS;
            };
        }
        // Reconnecting before anything was acknowledged: start=1 resumes from the first connect, so
        // events that arrived while we were down are not skipped.
        return start == Start.NOW ? firstConnectEpoch : EventStreamRequest.GENESIS;
    }

    private final class Listener implements SessionListener {
        @Override
        public void onRecord(byte[] payload) throws InterruptedException {
            long sequence = tracker.register(RecordHeaders.archiveTimestamp(payload));
            stats.received.incrementAndGet();
            receivedBytes.acquire(payload.length);
            received.put(new Received(sequence, payload));
        }
    }

    private void process() {
        HoldBuffer hold = enrichment.holdBuffer(System::nanoTime);
        HoldBuffer.Release emit = this::emit;
        try {
            while (true) {
                long due = hold == null ? -1 : hold.nanosUntilDue();
                Received item = due < 0 ? received.take() : received.poll(due, TimeUnit.NANOSECONDS);
                if (item == null) {
                    hold.release(emit); // the head's wait ran out with nothing new arriving
                    continue;
                }
                if (item == POISON) {
                    if (hold != null) {
                        hold.flush(emit);
                    }
                    break;
                }
                Record record = enrichment.apply(decoder.decode(item.payload()));
                if (hold == null) {
                    emit(item.sequence(), record);
                } else {
                    hold.offer(item.sequence(), record, enrichment.awaitsMetadata(), emit);
                    stats.held.set(hold.size());
                }
                receivedBytes.release(item.payload().length);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Processing failed in pipeline {}; the session will be restarted from the bookmark", name, e);
            session.stop();
        } finally {
            putQuietly(formatted, DONE);
        }
    }

    /** Filters, formats and hands one enriched record to the writer, or acknowledges it when nothing is written. */
    private void emit(long sequence, Record record) throws InterruptedException {
        stats.handled.incrementAndGet();
        stats.countFamily(record.family());
        if (record.status() == Status.MALFORMED) {
            stats.malformed.incrementAndGet();
            tracker.acknowledge(sequence);
            return;
        }
        if (record.status() == Status.UNKNOWN_TYPE) {
            stats.unknownType.incrementAndGet();
        }
        if (!filter.accepts(record)) {
            stats.filtered.incrementAndGet();
            tracker.acknowledge(sequence);
            return;
        }
        byte[][] perOutput = new byte[outputs.size()][];
        boolean any = false;
        for (int i = 0; i < perOutput.length; i++) {
            perOutput[i] = outputs.get(i).formatter().format(record);
            any |= perOutput[i] != null;
        }
        if (!any) {
            tracker.acknowledge(sequence);
            return;
        }
        int bytes = 0;
        for (byte[] b : perOutput) {
            bytes += b == null ? 0 : b.length;
        }
        formattedBytes.acquire(bytes);
        formatted.put(new Formatted(sequence, perOutput, bytes));
    }

    private void write() {
        List<Formatted> batch = new ArrayList<>(batchSize);
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            deliveries.add(new Delivery(outputs.get(i), i, stats));
        }
        try {
            boolean done = false;
            while (!done) {
                Formatted first = formatted.take();
                if (first == DONE) {
                    break;
                }
                batch.clear();
                batch.add(first);
                fill(formatted, batch, batchSize, batchWaitNanos);
                if (batch.get(batch.size() - 1) == DONE) {
                    batch.remove(batch.size() - 1);
                    done = true;
                }
                for (int i = 0; i < outputs.size(); i++) {
                    deliveries.get(i).deliver(batch);
                }
                long bytes = 0;
                for (Formatted f : batch) {
                    tracker.acknowledge(f.sequence());
                    bytes += f.bytes();
                }
                formattedBytes.release(bytes);
                stats.written.addAndGet(batch.size());
                committer.afterBatch();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Tops {@code batch} (holding at least one record) up to {@code max} from the queue: what is there at once,
     * then, with a wait, whatever arrives until the batch is full, {@code waitNanos} after the call, or DONE.
     */
    static void fill(BlockingQueue<Formatted> queue, List<Formatted> batch, int max, long waitNanos)
            throws InterruptedException {
        queue.drainTo(batch, max - batch.size());
        if (waitNanos <= 0) {
            return;
        }
        long deadline = System.nanoTime() + waitNanos;
        while (batch.size() < max && batch.get(batch.size() - 1) != DONE) {
            long left = deadline - System.nanoTime();
            Formatted next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            if (next != DONE) {
                queue.drainTo(batch, max - batch.size());
            }
        }
    }

    /** Most records handed to the outputs at once. */
    public int batchSize() {
        return batchSize;
    }

    /** How long a partial batch waits for more records. */
    public Duration batchWait() {
        return Duration.ofNanos(batchWaitNanos);
    }

    /**
     * Writes the committable bookmark when it moved; safe to call from any thread.
     *
     * @return the committable bookmark (0 while nothing with a timestamp is durable yet)
     */
    public long commitBookmark() {
        return committer.commit();
    }

    /**
     * Stops reading, lets what was read drain through the sinks for up to {@code drainTimeout},
     * commits the bookmark and closes the sinks.
     */
    public void stop(Duration drainTimeout) {
        if (stopping) {
            return;
        }
        stopping = true;
        session.stop();
        join(reader, Duration.ofSeconds(5));
        putQuietly(received, POISON);
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        join(processor, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        join(writer, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        if (writer.isAlive()) {
            log.warn("Pipeline {} did not drain within {} s; undelivered records will be re-requested from the bookmark",
                    name, drainTimeout.toSeconds());
            writer.interrupt();
            processor.interrupt();
        }
        enrichment.close();
        committer.stop();
        for (Output o : outputs) {
            try {
                o.sink().close();
            } catch (RuntimeException e) {
                log.warn("Closing output {} failed: {}", o.name(), e.toString());
            }
        }
        log.info("Pipeline {} stopped: {} received, {} written, bookmark {}", name, stats.received.get(),
                stats.written.get(), committer.lastWritten());
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    public String name() {
        return name;
    }

    public PipelineStats stats() {
        return stats;
    }

    public SessionStats sessionStats() {
        return sessionStats;
    }

    public AckTracker tracker() {
        return tracker;
    }

    public long bookmark() {
        return committer.lastWritten();
    }

    public Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    public int queued() {
        return received.size() + formatted.size();
    }

    private static void join(Thread t, Duration timeout) {
        try {
            t.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> void putQuietly(BlockingQueue<T> queue, T item) {
        try {
            if (!queue.offer(item, 5, TimeUnit.SECONDS)) {
                queue.clear();
                queue.offer(item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
