package dev.estreamer.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Ordered name → value collection of a decoded block, in wire order.
 *
 * <p>Values are {@code Long} (unsigned integers; a u64 above {@code Long.MAX_VALUE} is negative and
 * must be rendered with {@link Long#toUnsignedString(long)}), {@code String}, nested {@code Fields},
 * or {@code List<Object>}. A {@code null} value means the field is absent.
 */
public final class Fields {
    private static final Fields EMPTY = new Fields(FieldNames.of(), new Object[0]);

    private final FieldNames names;
    private final Object[] values;

    /** Wraps the values without copying: the decoder hands over an array it never touches again. */
    public Fields(FieldNames names, Object[] values) {
        if (names.size() != values.length) {
            throw new IllegalArgumentException("names " + names.size() + " != values " + values.length);
        }
        this.names = names;
        this.values = values;
    }

    public static Fields empty() {
        return EMPTY;
    }

    public int size() {
        return values.length;
    }

    public String name(int i) {
        return names.name(i);
    }

    public Object value(int i) {
        return values[i];
    }

    public FieldNames names() {
        return names;
    }

    /** The value of a field, or null when there is no such field. */
    public Object get(String name) {
        int i = names.indexOf(name);
        return i < 0 ? null : values[i];
    }

    /** A copy with field {@code name} set to {@code value}; the names (and so the layout) are shared. */
    public Fields with(String name, Object value) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no field " + name + " in " + names);
        }
        Object[] copy = values.clone();
        copy[i] = value;
        return new Fields(names, copy);
    }

    /** The value of a (possibly nested, dot-separated) field, or null. */
    public Object path(String dotted) {
        Object current = this;
        int start = 0;
        while (true) {
            if (!(current instanceof Fields f)) {
                return null;
            }
            int dot = dotted.indexOf('.', start);
            String part = dot < 0 ? dotted.substring(start) : dotted.substring(start, dot);
            current = f.get(part);
            if (dot < 0) {
                return current;
            }
            start = dot + 1;
        }
    }

    public void forEach(BiConsumer<String, Object> action) {
        for (int i = 0; i < values.length; i++) {
            action.accept(names.name(i), values[i]);
        }
    }

    /** A plain nested map copy, for tests and tools; not for hot paths. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(names.name(i), plain(values[i]));
        }
        return Collections.unmodifiableMap(map);
    }

    private static Object plain(Object v) {
        if (v instanceof Fields f) {
            return f.toMap();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(Fields::plain).toList();
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fields f && toMap().equals(f.toMap());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toMap());
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
