package dev.estreamer.record;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** Ordered field names of one layout, shared by every {@link Fields} decoded with that layout. */
public final class FieldNames {
    private final String[] names;
    // names are few and fixed per layout; one index per layout keeps get(name) O(1) without a map per record
    private final Map<String, Integer> index;
    private final boolean[] asciiText;

    public FieldNames(List<String> names) {
        this(names, null);
    }

    /**
     * Names whose slots flagged in {@code asciiText} hold, when they hold a String, a rendering the decoder made
     * from fixed-size wire bytes (an address, a UUID, hex): printable ASCII, never a quote or a backslash. Output
     * formats may copy such a value without escaping it char by char; they must still check what they copied.
     */
    public FieldNames(List<String> names, boolean[] asciiText) {
        if (asciiText != null && asciiText.length != names.size()) {
            throw new IllegalArgumentException(asciiText.length + " ASCII flags for " + names.size() + " names");
        }
        this.asciiText = asciiText == null ? new boolean[names.size()] : asciiText.clone();
        this.names = names.toArray(new String[0]);
        this.index = new HashMap<>(this.names.length * 2);
        for (int i = 0; i < this.names.length; i++) {
            if (index.putIfAbsent(this.names[i], i) != null) {
                throw new IllegalArgumentException("duplicate field name " + this.names[i] + " in " + names);
            }
        }
    }

    /**
     * Data a consumer derives from a layout once and needs for every record of it (a formatter's encoded keys),
     * kept with the layout so that finding it costs an array read instead of a map lookup per record. Slots are
     * handed out by {@link #attachmentSlot()}, one per consumer class.
     */
    private final AtomicReferenceArray<Object> attachments = new AtomicReferenceArray<>(MAX_ATTACHMENTS);
    private static final int MAX_ATTACHMENTS = 8;
    private static final AtomicInteger SLOTS = new AtomicInteger();

    /** A slot for {@link #attachment}/{@link #attach}; call once per consumer (a static final field). */
    public static int attachmentSlot() {
        int slot = SLOTS.getAndIncrement();
        if (slot >= MAX_ATTACHMENTS) {
            throw new IllegalStateException("more than " + MAX_ATTACHMENTS + " layout attachment slots");
        }
        return slot;
    }

    /** What was attached in {@code slot}, or null. */
    public Object attachment(int slot) {
        return attachments.get(slot);
    }

    /** Attaches an immutable value derived from these names; racing threads may both attach equal values. */
    public void attach(int slot, Object value) {
        attachments.set(slot, value);
    }

    public static FieldNames of(String... names) {
        return new FieldNames(Arrays.asList(names));
    }

    public int size() {
        return names.length;
    }

    /** True when slot {@code i} holds printable ASCII renderings (see {@link #FieldNames(List, boolean[])}). */
    public boolean asciiText(int i) {
        return asciiText[i];
    }

    public String name(int i) {
        return names[i];
    }

    /** Position of a name, or -1. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    @Override
    public String toString() {
        return Arrays.toString(names);
    }
}
