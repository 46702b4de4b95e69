package dev.estreamer.record;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ordered field names of one layout, shared by every {@link Fields} decoded with that layout. */
public final class FieldNames {
    private final String[] names;
    // names are few and fixed per layout; one index per layout keeps get(name) O(1) without a map per record
    private final Map<String, Integer> index;

    public FieldNames(List<String> names) {
        this.names = names.toArray(new String[0]);
        this.index = new HashMap<>(this.names.length * 2);
        for (int i = 0; i < this.names.length; i++) {
            if (index.putIfAbsent(this.names[i], i) != null) {
                throw new IllegalArgumentException("duplicate field name " + this.names[i] + " in " + names);
            }
        }
    }

    public static FieldNames of(String... names) {
        return new FieldNames(Arrays.asList(names));
    }

    public int size() {
        return names.length;
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
