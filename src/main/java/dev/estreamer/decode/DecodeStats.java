package dev.estreamer.decode;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters of a decoder: decoded, unknown and malformed records, and blocks longer than their layout. */
public final class DecodeStats {
    private final LongAdder decoded = new LongAdder();
    private final LongAdder unknownType = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final Map<String, LongAdder> extendedBlocks = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> unexpectedBlocks = new ConcurrentHashMap<>();

    public long decoded() {
        return decoded.sum();
    }

    public long unknownType() {
        return unknownType.sum();
    }

    public long malformed() {
        return malformed.sum();
    }

    /**
     * Blocks longer than the catalogue layout, keyed "series:type/length" (e.g. "1:160/700"), with the
     * number of times each was seen.
     */
    public Map<String, Long> extendedBlocks() {
        Map<String, Long> out = new TreeMap<>();
        extendedBlocks.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /**
     * Nested blocks or list items whose type is not the one the catalogue declares there (kept as hex and
     * skipped by their length), keyed "series:type in field".
     */
    public Map<String, Long> unexpectedBlocks() {
        Map<String, Long> out = new TreeMap<>();
        unexpectedBlocks.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    void countUnexpectedBlock(String key) {
        unexpectedBlocks.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    void countDecoded() {
        decoded.increment();
    }

    void countUnknownType() {
        unknownType.increment();
    }

    void countMalformed() {
        malformed.increment();
    }

    /** Counts an extended block; true the first time this (block, length) is seen, so it is logged once. */
    boolean countExtended(String key) {
        boolean[] first = {false};
        extendedBlocks.computeIfAbsent(key, k -> {
            first[0] = true;
            return new LongAdder();
        }).increment();
        return first[0];
    }

    @Override
    public String toString() {
        return "decoded=" + decoded() + " unknownType=" + unknownType() + " malformed=" + malformed()
                + " extendedBlocks=" + extendedBlocks() + " unexpectedBlocks=" + unexpectedBlocks();
    }
}
