package dev.estreamer.enrich;

import dev.estreamer.record.FieldNames;
import dev.estreamer.record.Fields;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One record type in one layout: where every input of its rules sits, and a memo of the computed fields for
 * input values seen recently. The rules are pure functions of their inputs and the metadata cache, and the
 * inputs of a stream repeat (the same device, zones, rule, policy, applications, countries, record after
 * record), so most records cost one read and one comparison per input instead of one run of every rule. An
 * answer is valid for the cache {@link MetadataCache#version() version} it was computed at.
 *
 * <p>The event time is not an input: its fields are spliced in at {@link Entry#split} per record.
 */
final class Layout {
    private static final int SLOTS = 512; // direct-mapped, a power of two
    private static final int SHAPE_SLOTS = 64;
    private static final int WINDOW = 1024;
    private static final int BYPASS = 64 * 1024;
    private static final String[][] TIME_NAMES = {
        {}, {"eventSecond", "eventDateTime"}, {"eventSecond", "eventMicrosecond", "eventDateTime"}};

    final FieldNames names;
    /** Position of {@code deviceId}, else of {@code sensorId}; the fallback used when the first is absent. */
    private final int devicePos;
    private final int sensorPos;
    /** The distinct inputs present in this layout: top-level fields, then paths inside blocks. */
    private final int[] fieldPos;
    private final int[] blockPos;
    private final String[] blockPath;
    /** For every rule input slot, its index in a record's {@link #inputs} (-1 = absent from this layout). */
    private final int[] slotKey;
    private final Entry[] memo = new Entry[SLOTS];
    private boolean memoizable = true;
    private int windowLookups;
    private int windowMisses;
    private int bypass;
    private long bypassed;
    private final FieldNames[] shapes = new FieldNames[SHAPE_SLOTS];
    private final int[] shapeHashes = new int[SHAPE_SLOTS];
    /** Which distinct inputs are hashed (see {@link #learnFrom}), and the same as positions for {@link #hash}. */
    private final boolean[] hashedKey;
    private boolean hashDevice;
    private int[] hashFieldPos = new int[0];
    private int[] hashFieldMultiplier = new int[0];
    private int[] hashBlocks = new int[0];

    /** A remembered answer: the inputs, and the computed fields before and after the event time. */
    static final class Entry {
        final Object[] inputs;
        final int hash;
        final int netmap;
        final long version;
        final String[] names;
        final Object[] values;
        /** Where the event-time fields go: after the common fields, before the record type's own. */
        final int split;
        final boolean awaiting;
        final FieldNames[] shapes = new FieldNames[TIME_NAMES.length];

        /** From a run of the rules whose output holds the event-time fields at [split, afterTime), left out here. */
        Entry(Object[] inputs, int hash, int netmap, long version, Computed out, int split, int afterTime,
                boolean awaiting) {
            this.inputs = inputs;
            this.hash = hash;
            this.netmap = netmap;
            this.version = version;
            int n = out.size - (afterTime - split);
            this.names = new String[n];
            this.values = new Object[n];
            System.arraycopy(out.names, 0, names, 0, split);
            System.arraycopy(out.values, 0, values, 0, split);
            System.arraycopy(out.names, afterTime, names, split, out.size - afterTime);
            System.arraycopy(out.values, afterTime, values, split, out.size - afterTime);
            this.split = split;
            this.awaiting = awaiting;
        }
    }

    Layout(FieldNames names, List<View> views) {
        this.names = names;
        this.devicePos = names.indexOf("deviceId");
        this.sensorPos = names.indexOf("sensorId");
        int count = 0;
        for (View v : views) {
            count += v.inputCount();
        }
        int[] pos = new int[count];
        String[] sub = new String[count];
        int offset = 0;
        for (View v : views) {
            v.bind(names, pos, sub, offset);
            offset += v.inputCount();
        }
        this.slotKey = new int[1 + count];
        slotKey[0] = 0;
        Map<String, Integer> distinct = new LinkedHashMap<>();
        List<Integer> fields = new ArrayList<>();
        List<Integer> blocks = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) { // top-level fields first, so their indexes come before the block paths
            if (pos[i] >= 0 && sub[i] == null && !distinct.containsKey(pos[i] + "")) {
                distinct.put(pos[i] + "", 1 + fields.size());
                fields.add(pos[i]);
            }
        }
        for (int i = 0; i < count; i++) {
            String id = pos[i] + "." + sub[i];
            if (pos[i] >= 0 && sub[i] != null && !distinct.containsKey(id)) {
                distinct.put(id, 1 + fields.size() + blocks.size());
                blocks.add(pos[i]);
                paths.add(sub[i]);
            }
        }
        for (int i = 0; i < count; i++) {
            slotKey[1 + i] = pos[i] < 0 ? -1 : distinct.get(sub[i] == null ? pos[i] + "" : pos[i] + "." + sub[i]);
        }
        this.fieldPos = fields.stream().mapToInt(Integer::intValue).toArray();
        this.blockPos = blocks.stream().mapToInt(Integer::intValue).toArray();
        this.blockPath = paths.toArray(new String[0]);
        this.hashedKey = new boolean[1 + fieldPos.length + blockPos.length];
    }

    /**
     * The hash of a record's inputs with bit 32 set, or 0 when this layout is not memoized (an input turned out
     * to be a block or a list). Only the inputs seen to vary are hashed ({@link #learnFrom}): most inputs of a
     * stream hold one value (zero, or the one policy) and {@link #find} compares them anyway. Reads only:
     * storing the inputs into a long-lived array would cost a GC write barrier per input (old array, young
     * values), more than the rest of a hit.
     */
    long hash(Fields f) {
        if (!memoizable) {
            return 0L;
        }
        if (bypass > 0) {
            bypass--;
            return 0L;
        }
        int h = 0;
        if (hashDevice) {
            Object device = device(f);
            h = device == null ? 0 : device.hashCode() * multiplier(0);
        }
        int[] hp = hashFieldPos;
        int[] hm = hashFieldMultiplier;
        for (int i = 0; i < hp.length; i++) {
            Object v = f.value(hp[i]);
            if (v != null) {
                h += v.hashCode() * hm[i]; // independent products, one add per input on the serial path
            }
        }
        for (int b : hashBlocks) {
            Object v = blockValue(f, b);
            if (v != null) {
                h += v.hashCode() * multiplier(1 + fieldPos.length + b);
            }
        }
        return (h & 0xFFFFFFFFL) | 1L << 32;
    }

    /** The same hash from a record's distinct inputs ({@link #inputs}). */
    private int hashOf(Object[] inputs) {
        int h = 0;
        for (int k = 0; k < inputs.length; k++) {
            if (hashedKey[k] && inputs[k] != null) {
                h += inputs[k].hashCode() * multiplier(k);
            }
        }
        return h;
    }

    private static int multiplier(int key) {
        return 0x9E3779B9 + key * 0x3C6EF372 | 1;
    }

    /**
     * Two different input sets landed in one slot with one hash: the inputs where they differ vary in this
     * stream, so they join the hash (and the memo, hashed the old way, starts over). An input joins once.
     */
    private boolean learnFrom(Object[] a, Object[] b) {
        boolean learned = false;
        for (int k = 0; k < a.length; k++) {
            if (!hashedKey[k] && !same(a[k], b[k])) {
                hashedKey[k] = true;
                learned = true;
            }
        }
        if (learned) {
            hashDevice = hashedKey[0];
            int fields = fieldPos.length;
            int[] hp = new int[fields];
            int[] hm = new int[fields];
            int n = 0;
            for (int i = 0; i < fields; i++) {
                if (hashedKey[1 + i]) {
                    hp[n] = fieldPos[i];
                    hm[n++] = multiplier(1 + i);
                }
            }
            hashFieldPos = Arrays.copyOf(hp, n);
            hashFieldMultiplier = Arrays.copyOf(hm, n);
            int[] hb = new int[blockPos.length];
            int m = 0;
            for (int i = 0; i < blockPos.length; i++) {
                if (hashedKey[1 + fields + i]) {
                    hb[m++] = i;
                }
            }
            hashBlocks = Arrays.copyOf(hb, m);
            Arrays.fill(memo, null);
        }
        return learned;
    }

    private Object device(Fields f) {
        Object device = devicePos >= 0 ? f.value(devicePos) : null;
        if (device == null && sensorPos >= 0) {
            device = f.value(sensorPos);
        }
        return device;
    }

    private Object blockValue(Fields f, int i) {
        return f.value(blockPos[i]) instanceof Fields block ? block.path(blockPath[i]) : null;
    }

    /**
     * The remembered answer for a record whose inputs hash to {@code hashed}, or null. Counts hits: when more
     * than half of a window of lookups missed (inputs that hardly repeat, e.g. a new user id on every event),
     * remembering costs more than it saves, so the layout runs the rules directly for a while, then tries again.
     */
    Entry find(Fields f, long hashed, int netmap, long version) {
        if (hashed == 0L) {
            return null;
        }
        Entry e = lookup(f, hashed, netmap, version);
        if (e == null) {
            windowMisses++;
        }
        if (++windowLookups == WINDOW) {
            if (windowMisses * 2 > WINDOW) {
                bypass = BYPASS;
                bypassed++;
            }
            windowLookups = 0;
            windowMisses = 0;
        }
        return e;
    }

    /** How many times the memo was switched off for {@value #BYPASS} records since start (for tests). */
    long bypassed() {
        return bypassed;
    }

    private Entry lookup(Fields f, long hashed, int netmap, long version) {
        int h = (int) hashed;
        Entry e = memo[slot(h)];
        if (e == null || e.hash != h || e.version != version || e.netmap != netmap) {
            return null;
        }
        Object[] b = e.inputs;
        if (!same(device(f), b[0])) {
            return null;
        }
        int[] fp = fieldPos;
        for (int i = 0; i < fp.length; i++) {
            if (!same(f.value(fp[i]), b[1 + i])) {
                return null;
            }
        }
        for (int i = 0, at = 1 + fp.length; i < blockPos.length; i++, at++) {
            if (!same(blockValue(f, i), b[at])) {
                return null;
            }
        }
        return e;
    }

    private static boolean same(Object x, Object y) {
        return x == y || x != null && x.equals(y);
    }

    /** A record's distinct inputs: [0] the device, then the top-level fields, then the paths inside blocks. */
    Object[] inputs(Fields f) {
        Object[] k = new Object[1 + fieldPos.length + blockPos.length];
        k[0] = device(f);
        for (int i = 0; i < fieldPos.length; i++) {
            k[1 + i] = f.value(fieldPos[i]);
        }
        for (int i = 0, at = 1 + fieldPos.length; i < blockPos.length; i++, at++) {
            k[at] = blockValue(f, i);
        }
        return k;
    }

    /** For every rule input slot (slot 0 = the device), its index in {@link #inputs} or -1. */
    int[] slotKey() {
        return slotKey;
    }

    /**
     * The shared {@code FieldNames} of the names {@code out} holds: direct-mapped by their hash, checked name by
     * name, else from {@code intern} (a run of rules gives one of a few lists per layout).
     */
    FieldNames shape(Computed out, BiFunction<String[], Integer, FieldNames> intern) {
        int slot = (out.hash ^ out.hash >>> 16) & (SHAPE_SLOTS - 1);
        FieldNames known = shapes[slot];
        if (known != null && shapeHashes[slot] == out.hash && out.sameNames(known)) {
            return known;
        }
        FieldNames created = intern.apply(out.names, out.size);
        shapes[slot] = created;
        shapeHashes[slot] = out.hash;
        return created;
    }

    /** Remembers an answer computed from {@code inputs} (unless this layout is not memoized). */
    Entry remember(Object[] inputs, long hashed, int netmap, long version, Computed out, int split, int afterTime,
            boolean awaiting) {
        if (hashed != 0L) {
            for (Object v : inputs) {
                if (v != null && !(v instanceof Long) && !(v instanceof String)) {
                    // a block or a list among the inputs: hashing and comparing those by content would cost
                    // more than running the rules, so this layout is not memoized from now on
                    memoizable = false;
                    hashed = 0L;
                    break;
                }
            }
        }
        int h = (int) hashed;
        if (hashed != 0L) {
            Entry old = memo[slot(h)];
            if (old != null && old.hash == h && learnFrom(inputs, old.inputs)) {
                h = hashOf(inputs);
            }
        }
        Entry e = new Entry(inputs, h, netmap, version, out, split, afterTime, awaiting);
        if (hashed != 0L) {
            memo[slot(h)] = e;
        }
        return e;
    }

    private static int slot(int h) {
        return (h ^ h >>> 16) & (SLOTS - 1);
    }

    /** The names of an answer with the event time of the given kind spliced in. */
    static String[] namesWithTime(Entry e, int timeKind) {
        String[] time = TIME_NAMES[timeKind];
        String[] out = new String[e.names.length + time.length];
        System.arraycopy(e.names, 0, out, 0, e.split);
        System.arraycopy(time, 0, out, e.split, time.length);
        System.arraycopy(e.names, e.split, out, e.split + time.length, e.names.length - e.split);
        return out;
    }
}
