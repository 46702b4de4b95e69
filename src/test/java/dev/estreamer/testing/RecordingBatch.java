package dev.estreamer.testing;

import dev.estreamer.sink.Batch;
import dev.estreamer.sink.Payload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A {@link Batch} that records the one outcome a sink gives it. A second outcome, or a retry or
 * reject list that is empty or not part of the batch, throws an {@link AssertionError} at once;
 * reading the outcome when there is none throws too.
 */
public final class RecordingBatch implements Batch {

    /** The three ways a batch can end. */
    public enum Outcome { ACKNOWLEDGED, RETRIED, REJECTED }

    private final List<Payload> payloads;
    private Outcome outcome;
    private List<Payload> subset = List.of();
    private Throwable cause;
    private String reason;
    private int outcomes;

    public RecordingBatch(List<Payload> payloads) {
        this.payloads = List.copyOf(payloads);
    }

    /** UTF-8 payloads numbered from {@code firstSequence}. */
    public static RecordingBatch ofLines(long firstSequence, String... lines) {
        List<Payload> payloads = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            payloads.add(new Payload(firstSequence + i, lines[i].getBytes(StandardCharsets.UTF_8)));
        }
        return new RecordingBatch(payloads);
    }

    /** UTF-8 payloads numbered from 1. */
    public static RecordingBatch ofLines(String... lines) {
        return ofLines(1, lines);
    }

    @Override
    public List<Payload> payloads() {
        return payloads;
    }

    @Override
    public synchronized void acknowledge() {
        record(Outcome.ACKNOWLEDGED);
    }

    @Override
    public synchronized void retry(List<Payload> failed, Throwable cause) {
        record(Outcome.RETRIED);
        this.subset = checkedSubset(failed);
        if (cause == null) {
            throw new AssertionError("retry without a cause");
        }
        this.cause = cause;
    }

    @Override
    public synchronized void reject(List<Payload> rejected, String reason) {
        record(Outcome.REJECTED);
        this.subset = checkedSubset(rejected);
        if (reason == null || reason.isBlank()) {
            throw new AssertionError("reject without a reason");
        }
        this.reason = reason;
    }

    private void record(Outcome o) {
        outcomes++;
        if (outcome != null) {
            throw new AssertionError("second outcome " + o + " after " + outcome);
        }
        outcome = o;
    }

    private List<Payload> checkedSubset(List<Payload> list) {
        if (list == null || list.isEmpty()) {
            throw new AssertionError("retry/reject with no payloads; an empty batch is acknowledged");
        }
        Set<Payload> mine = Collections.newSetFromMap(new IdentityHashMap<>());
        mine.addAll(payloads);
        for (Payload p : list) {
            if (!mine.contains(p)) {
                throw new AssertionError(p + " is not part of this batch");
            }
        }
        return List.copyOf(list);
    }

    /** The single outcome; fails if the sink gave none (or gave more than one). */
    public synchronized Outcome outcome() {
        if (outcome == null) {
            throw new AssertionError("the sink returned without an outcome for the batch");
        }
        if (outcomes > 1) {
            throw new AssertionError(outcomes + " outcomes for one batch");
        }
        return outcome;
    }

    /** True once an outcome was given (for waiting on asynchronous sinks). */
    public synchronized boolean ended() {
        return outcome != null;
    }

    /** The payloads handed to retry or reject; empty after an acknowledgement. */
    public synchronized List<Payload> subset() {
        outcome();
        return subset;
    }

    public synchronized Throwable cause() {
        outcome();
        return cause;
    }

    public synchronized String reason() {
        outcome();
        return reason;
    }
}
