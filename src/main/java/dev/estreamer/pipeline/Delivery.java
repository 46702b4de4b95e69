package dev.estreamer.pipeline;

import dev.estreamer.sink.Batch;
import dev.estreamer.sink.Payload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes batches to one output until the sink has taken every item: retried items are
 * published again after a growing pause (1 s up to 30 s), forever — a sink that cannot write
 * stalls the pipeline, which stops reading the FMC; it never loses or skips records.
 */
final class Delivery {
    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    private final Output output;
    private final int index;
    private final PipelineStats stats;

    Delivery(Output output, int index, PipelineStats stats) {
        this.output = output;
        this.index = index;
        this.stats = stats;
    }

    void deliver(List<FmcPipeline.Formatted> records) throws InterruptedException {
        List<Payload> todo = new ArrayList<>(records.size());
        for (FmcPipeline.Formatted f : records) {
            byte[] bytes = f.perOutput()[index];
            if (bytes != null) {
                todo.add(new Payload(f.sequence(), bytes));
            }
        }
        long pauseMillis = 1000;
        while (!todo.isEmpty()) {
            OutcomeBatch batch = new OutcomeBatch(todo);
            try {
                output.sink().publish(batch);
            } catch (RuntimeException e) {
                batch.retry(todo, e);
            }
            switch (batch.outcome()) {
                case ACKNOWLEDGED -> todo = List.of();
                case REJECTED -> {
                    stats.rejected.addAndGet(batch.failed().size());
                    log.error("Output {} rejected {} record(s): {}", output.name(), batch.failed().size(), batch.reason());
                    todo = List.of();
                }
                case RETRY -> {
                    stats.retries.incrementAndGet();
                    todo = batch.failed();
                    log.warn("Output {} could not write {} record(s) ({}); retrying in {} s", output.name(),
                            todo.size(), batch.reason(), pauseMillis / 1000);
                    Thread.sleep(pauseMillis);
                    pauseMillis = Math.min(pauseMillis * 2, Duration.ofSeconds(30).toMillis());
                }
                case NONE -> throw new IllegalStateException("sink " + output.sink() + " ended a batch without an outcome");
            }
        }
    }

    /** A batch that remembers the single outcome its sink chose. */
    static final class OutcomeBatch implements Batch {
        enum Outcome { NONE, ACKNOWLEDGED, RETRY, REJECTED }

        private final List<Payload> payloads;
        private Outcome outcome = Outcome.NONE;
        private List<Payload> failed = List.of();
        private String reason = "";

        OutcomeBatch(List<Payload> payloads) {
            this.payloads = List.copyOf(payloads);
        }

        @Override
        public List<Payload> payloads() {
            return payloads;
        }

        @Override
        public void acknowledge() {
            end(Outcome.ACKNOWLEDGED, List.of(), "");
        }

        @Override
        public void retry(List<Payload> items, Throwable cause) {
            end(Outcome.RETRY, items, String.valueOf(cause));
        }

        @Override
        public void reject(List<Payload> items, String why) {
            end(Outcome.REJECTED, items, why);
        }

        private void end(Outcome o, List<Payload> items, String why) {
            if (outcome != Outcome.NONE) {
                throw new IllegalStateException("batch already ended as " + outcome + ", now " + o);
            }
            outcome = o;
            failed = List.copyOf(items);
            reason = why;
        }

        Outcome outcome() {
            return outcome;
        }

        List<Payload> failed() {
            return failed;
        }

        String reason() {
            return reason;
        }
    }
}
