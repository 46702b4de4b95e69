package dev.estreamer.pipeline;

import dev.estreamer.record.Family;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counters of one FMC pipeline, written by its threads and read by the monitor. */
public final class PipelineStats {
    public final AtomicLong received = new AtomicLong();
    public final AtomicLong handled = new AtomicLong();
    public final AtomicLong written = new AtomicLong();
    public final AtomicLong filtered = new AtomicLong();
    public final AtomicLong malformed = new AtomicLong();
    public final AtomicLong unknownType = new AtomicLong();
    public final AtomicLong retries = new AtomicLong();
    public final AtomicLong rejected = new AtomicLong();
    /** Records held now for late metadata ({@code enrich.lateMetadata=hold}). */
    public final AtomicLong held = new AtomicLong();
    private final AtomicLongArray byFamily = new AtomicLongArray(Family.values().length);

    void countFamily(Family family) {
        byFamily.incrementAndGet(family.ordinal());
    }

    /** Non-zero family counts, in enum order. */
    public Map<Family, Long> byFamily() {
        Map<Family, Long> out = new EnumMap<>(Family.class);
        for (Family f : Family.values()) {
            long n = byFamily.get(f.ordinal());
            if (n > 0) {
                out.put(f, n);
            }
        }
        return out;
    }
}
