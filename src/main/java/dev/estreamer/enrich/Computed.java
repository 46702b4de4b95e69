package dev.estreamer.enrich;

import dev.estreamer.record.FieldNames;

import java.util.Arrays;

/** Collects the computed fields one run of the rules adds, in order; {@link Layout} freezes them. */
final class Computed {
    String[] names = new String[64];
    Object[] values = new Object[64];
    int size;
    /** A hash of the names put, in order (for finding the {@code FieldNames} of this list again). */
    int hash;

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

    /** Whether these are the names put so far, in order (names are constants: compared by identity first). */
    boolean sameNames(FieldNames candidate) {
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

    /** A value added to this record so far, or null. */
    Object get(String name) {
        for (int i = size - 1; i >= 0; i--) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }
}
