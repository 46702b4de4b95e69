package dev.estreamer.enrich;

import dev.estreamer.record.FieldNames;
import dev.estreamer.record.Fields;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one record's computed fields, then freezes them into {@link Fields}. The name list of a record
 * type is almost always one of a few shapes, so shapes are reused instead of building an index per record.
 */
final class Computed {
    private static final int MAX_SHAPES_PER_TYPE = 16;

    private String[] names = new String[64];
    private Object[] values = new Object[64];
    private int size;
    private final Map<Integer, List<FieldNames>> shapes = new HashMap<>();
    private int lastType = -1;
    private FieldNames lastShape;
    // shapes by (record type, hash of the names put): one check of the names instead of a scan of candidates
    private static final int SLOTS = 256;
    private final int[] slotType = new int[SLOTS];
    private final int[] slotHash = new int[SLOTS];
    private final FieldNames[] slotShape = new FieldNames[SLOTS];
    private int hash;

    /** Set when a lookup of a metadata-fed table missed for a real (non-zero) id: the name may still come. */
    boolean awaiting;

    void reset() {
        size = 0;
        hash = 1;
        awaiting = false;
    }

    /** Adds a field; a null value (unknown id) adds nothing. */
    void put(String name, Object value) {
        if (value == null) {
            return;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size++] = value;
        hash = 31 * hash + name.hashCode();
    }

    /** A value added to this record so far, or null. */
    Object get(String name) {
        for (int i = size - 1; i >= 0; i--) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    Fields build(int recordType) {
        if (size == 0) {
            return Fields.empty();
        }
        return new Fields(shape(recordType), Arrays.copyOf(values, size));
    }

    private FieldNames shape(int recordType) {
        if (recordType == lastType && sameNames(lastShape)) {
            return lastShape; // the common case: a run of one record type with the same lookups resolved
        }
        int h = hash * 31 + recordType;
        int slot = (h ^ h >>> 16) & (SLOTS - 1);
        FieldNames found = slotShape[slot];
        if (found == null || slotType[slot] != recordType || slotHash[slot] != hash || !sameNames(found)) {
            found = knownShape(recordType);
            slotShape[slot] = found;
            slotType[slot] = recordType;
            slotHash[slot] = hash;
        }
        lastType = recordType;
        lastShape = found;
        return found;
    }

    private FieldNames knownShape(int recordType) {
        List<FieldNames> known = shapes.computeIfAbsent(recordType, t -> new ArrayList<>(2));
        for (FieldNames candidate : known) {
            if (sameNames(candidate)) {
                return candidate;
            }
        }
        FieldNames created = new FieldNames(Arrays.asList(Arrays.copyOf(names, size)));
        if (known.size() < MAX_SHAPES_PER_TYPE) {
            known.add(created);
        }
        return created;
    }

    private boolean sameNames(FieldNames candidate) {
        if (candidate.size() != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            String a = candidate.name(i);
            if (a != names[i] && !a.equals(names[i])) {
                return false;
            }
        }
        return true;
    }
}
