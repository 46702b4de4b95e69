package dev.estreamer.format;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A nested ECS document under construction: dotted paths become nested objects, empty values are
 * dropped (ECS "remove empty fields"), array fields de-duplicate their values.
 */
final class EcsDocument {
    private final Map<String, Object> root = new LinkedHashMap<>();

    /** Sets a field; null and empty strings are ignored, a later value replaces an earlier one. */
    void put(String path, Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            return;
        }
        parent(path).put(leaf(path), value);
    }

    /** Adds values to an array field, keeping the first occurrence of each. */
    @SuppressWarnings("unchecked")
    void add(String path, Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            return;
        }
        Map<String, Object> parent = parent(path);
        Object current = parent.get(leaf(path));
        Set<Object> set;
        if (current instanceof Set<?>) {
            set = (Set<Object>) current;
        } else {
            set = new LinkedHashSet<>();
            parent.put(leaf(path), set);
        }
        set.add(value);
    }

    boolean has(String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m) || (current = m.get(part)) == null) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parent(String path) {
        Map<String, Object> current = root;
        int start = 0;
        int dot;
        while ((dot = path.indexOf('.', start)) >= 0) {
            String part = path.substring(start, dot);
            Object next = current.get(part);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                current.put(part, next);
            }
            current = (Map<String, Object>) next;
            start = dot + 1;
        }
        return current;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    void write(JsonGenerator g) throws IOException {
        writeObject(g, root);
    }

    private static void writeObject(JsonGenerator g, Map<?, ?> map) throws IOException {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            g.writeFieldName((String) e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Map<?, ?> m) {
            writeObject(g, m);
        } else if (v instanceof Set<?> || v instanceof List<?>) {
            g.writeStartArray();
            for (Object item : v instanceof Set<?> s ? new ArrayList<>(s) : (List<?>) v) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Long l) {
            if (l < 0) {
                g.writeString(Long.toUnsignedString(l)); // u64 above Long.MAX_VALUE: a string, never a wrong number
            } else {
                g.writeNumber(l);
            }
        } else if (v instanceof Number n) {
            g.writeNumber(n.longValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }
}
