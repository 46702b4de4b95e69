package dev.estreamer.sink.elastic;

import dev.estreamer.sink.Batch;
import dev.estreamer.sink.Observer;
import dev.estreamer.sink.Payload;
import dev.estreamer.sink.Sink;
import dev.estreamer.sink.SinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bulk-indexes {@link ElasticDocument} payloads with {@code create} actions. A batch is split into
 * bulk requests by count and bytes, sent up to {@code workers} at a time, and ends in one outcome:
 * acknowledged (2xx and 409 duplicates), retry (429, 5xx, whole-request failures and timeouts), or
 * reject (other 4xx, after the documents were forced into the dead-letter file). Publishing blocks
 * until Elasticsearch answered, so a slow cluster slows the pipeline down instead of filling memory.
 */
public final class ElasticSink implements Sink {
    private static final Logger log = LoggerFactory.getLogger(ElasticSink.class);

    /** Running totals, for logs, the monitor and tests. */
    public static final class Counters {
        public final AtomicLong acknowledged = new AtomicLong();
        public final AtomicLong duplicates = new AtomicLong();
        public final AtomicLong retried = new AtomicLong();
        public final AtomicLong deadLettered = new AtomicLong();
        public final AtomicLong requests = new AtomicLong();
    }

    private final ElasticSinkConfig config;
    private final ElasticTransport transport;
    private final BulkRequestBuilder builder;
    private final DeadLetterFile deadLetters;
    private final Observer observer;
    private final ExecutorService workers;
    private final Counters counters = new Counters();
    private volatile boolean closed;
    /** Retention for a set-up still owed before the first document (the cluster was down at start), or null. */
    private volatile String pendingSetup;

    ElasticSink(ElasticSinkConfig config) {
        this.config = config;
        this.transport = new ElasticTransport(config);
        this.builder = new BulkRequestBuilder(config.bulkMaxSize(), config.bulkMaxBytes());
        this.deadLetters = new DeadLetterFile(config.deadLetterFile(), Clock.systemUTC());
        this.observer = config.observer();
        AtomicInteger n = new AtomicInteger();
        this.workers = config.workers() == 1 ? null : Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "elastic-bulk-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public Counters counters() {
        return counters;
    }

    /**
     * Installs the templates before the first document goes out: when Elasticsearch was unreachable at start, a
     * document sent before them would create its data stream from the built-in {@code logs} template, and a data
     * stream keeps the mappings it was created with. Until set-up succeeds every batch is retried.
     */
    public void setUpBeforeFirstDocument(String retention) {
        this.pendingSetup = retention;
    }

    @Override
    public void publish(Batch batch) {
        List<Payload> payloads = batch.payloads();
        observer.accepted(payloads.size());
        if (closed) {
            retry(batch, payloads, new SinkException("sink " + this + " is closed"));
            return;
        }
        String setup = pendingSetup;
        if (setup != null) {
            try {
                new TemplateInstaller(transport).install(setup);
                pendingSetup = null;
                log.info("Elasticsearch set-up done at {} before the first document", transport);
            } catch (SinkException e) {
                retry(batch, payloads, new SinkException("Elasticsearch set-up must succeed before documents are sent: "
                        + e.getMessage(), e));
                return;
            }
        }
        List<Payload> valid = new ArrayList<>(payloads.size());
        List<Payload> malformed = new ArrayList<>();
        for (Payload p : payloads) {
            (isDocument(p) ? valid : malformed).add(p);
        }
        List<BulkResponseClassifier.Result> results = send(builder.split(valid));
        List<Payload> retry = new ArrayList<>();
        List<BulkResponseClassifier.DeadLetter> dead = new ArrayList<>();
        String retryReason = null;
        long bytes = 0;
        for (BulkResponseClassifier.Result r : results) {
            retry.addAll(r.retry());
            dead.addAll(r.dead());
            retryReason = retryReason == null ? r.retryReason() : retryReason;
            counters.acknowledged.addAndGet(r.acknowledged());
            counters.duplicates.addAndGet(r.duplicates());
        }
        int duplicates = results.stream().mapToInt(BulkResponseClassifier.Result::duplicates).sum();
        if (duplicates > 0) {
            // after a crash the events past the bookmark come again: their _id exists (409), so no second copy
            log.info("{} document(s) were already in Elasticsearch (409, duplicates: {} in all)", duplicates,
                    counters.duplicates.get());
        }
        if (!dead.isEmpty()) {
            try {
                deadLetters.append(dead);
                counters.deadLettered.addAndGet(dead.size());
                log.error("Elasticsearch refused {} document(s) for good; written to {} (first: {} {}: {})", dead.size(),
                        deadLetters.file(), dead.get(0).status(), dead.get(0).type(), dead.get(0).reason());
            } catch (IOException | RuntimeException e) {
                log.error("Cannot write the dead-letter file {}: {}; the refused documents will be retried",
                        deadLetters.file(), e.toString());
                dead.forEach(d -> retry.add(d.payload()));
                dead.clear();
                retryReason = retryReason == null ? "dead-letter file not writable" : retryReason;
            }
        }
        for (Payload p : valid) {
            bytes += p.length();
        }
        if (!retry.isEmpty()) {
            retry(batch, retry, new SinkException(retryReason));
            return;
        }
        int done = payloads.size() - malformed.size() - dead.size();
        observer.acknowledged(done);
        observer.bytes(bytes);
        if (!dead.isEmpty() || !malformed.isEmpty()) {
            List<Payload> rejected = new ArrayList<>(malformed);
            dead.forEach(d -> rejected.add(d.payload()));
            observer.rejected(rejected.size());
            batch.reject(rejected, dead.isEmpty() ? "payload is not an Elasticsearch document"
                    : dead.size() + " document(s) refused by Elasticsearch (" + dead.get(0).type() + ": "
                    + dead.get(0).reason() + "), kept in " + deadLetters.file());
        } else {
            batch.acknowledge();
        }
    }

    private void retry(Batch batch, List<Payload> payloads, Throwable cause) {
        counters.retried.addAndGet(payloads.size());
        observer.retried(payloads.size());
        batch.retry(payloads, cause);
    }

    private static boolean isDocument(Payload p) {
        try {
            ElasticDocument d = ElasticDocument.decode(p.bytes());
            for (byte b : d.source()) {
                if (b == '\n') {
                    return false; // would split the NDJSON line
                }
            }
            return d.source().length > 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private List<BulkResponseClassifier.Result> send(List<List<Payload>> groups) {
        List<BulkResponseClassifier.Result> results = new ArrayList<>(groups.size());
        if (workers == null || groups.size() == 1) {
            for (List<Payload> g : groups) {
                results.add(sendOne(g));
            }
            return results;
        }
        List<Future<BulkResponseClassifier.Result>> futures = new ArrayList<>();
        for (List<Payload> g : groups) {
            futures.add(workers.submit(() -> sendOne(g)));
        }
        for (int i = 0; i < futures.size(); i++) {
            try {
                results.add(futures.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(BulkResponseClassifier.Result.retryAll(groups.get(i), "interrupted"));
            } catch (ExecutionException e) {
                results.add(BulkResponseClassifier.Result.retryAll(groups.get(i), String.valueOf(e.getCause())));
            }
        }
        return results;
    }

    private BulkResponseClassifier.Result sendOne(List<Payload> group) {
        List<ElasticDocument> docs = new ArrayList<>(group.size());
        for (Payload p : group) {
            docs.add(ElasticDocument.decode(p.bytes()));
        }
        counters.requests.incrementAndGet();
        try {
            ElasticTransport.Reply reply = transport.bulk(BulkRequestBuilder.body(docs));
            return BulkResponseClassifier.classify(group, reply.status(), reply.body());
        } catch (IOException | RuntimeException e) {
            return BulkResponseClassifier.Result.retryAll(group, "bulk request to " + transport + " failed: " + e);
        }
    }

    /** The transport, for set-up and health checks sharing this sink's connection settings. */
    ElasticTransport transport() {
        return transport;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (workers != null) {
            workers.shutdownNow();
        }
        transport.close();
    }

    @Override
    public String toString() {
        return "elasticsearch " + transport;
    }
}
