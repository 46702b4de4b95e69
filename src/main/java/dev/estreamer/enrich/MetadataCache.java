package dev.estreamer.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One FMC's metadata: named tables (eNcore's cache keys, e.g. {@code devices}, {@code firewallRules}) mapping
 * a key — or a key pair, for the nested tables — to a name or a small name map.
 *
 * <p>Keys are {@code Long} (ids) or {@code String} (uuids, hashes); values are {@code String}, {@code Long}
 * or an unmodifiable {@code Map<String, String>}. Confined to one thread (see the package documentation).
 * Tables are created once and never replaced, so callers may hold on to {@link #table(String)} results.
 */
public final class MetadataCache {
    /** Told of every entry that changed, in order; used to journal the cache. */
    @FunctionalInterface
    public interface Listener {
        void changed(String table, List<Object> keys, Object value);

        Listener NONE = (t, k, v) -> { };
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<Object, Object>> tables = new HashMap<>();
    private Listener listener = Listener.NONE;
    private long version;

    private MetadataCache() {
    }

    /** An empty cache, without eNcore's built-in tables (for tests of the journal). */
    public static MetadataCache empty() {
        return new MetadataCache();
    }

    /** A cache holding the built-in default tables (protocol names, dispositions, SSL statuses, …). */
    public static MetadataCache withDefaults() {
        MetadataCache cache = new MetadataCache();
        JsonNode tables = resource("defaults.json").get("tables");
        for (Iterator<Map.Entry<String, JsonNode>> it = tables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> table = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> rows = table.getValue().fields(); rows.hasNext(); ) {
                Map.Entry<String, JsonNode> row = rows.next();
                cache.put(table.getKey(), key(row.getKey()), value(row.getValue()));
            }
        }
        return cache;
    }

    static JsonNode resource(String name) {
        try (InputStream in = MetadataCache.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new EstreamerException(Stage.ENRICH, "missing built-in table " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new EstreamerException(Stage.ENRICH, "cannot read built-in table " + name, e);
        }
    }

    /** Sets who hears about changes (the journal); defaults are loaded before it is set, so they are never journaled. */
    public void listener(Listener listener) {
        this.listener = Objects.requireNonNull(listener);
    }

    /**
     * Counts the changes: it moves whenever an entry changes (tables change only through {@code put}), so a
     * reader may keep what it looked up while the version stays the same.
     */
    public long version() {
        return version;
    }

    /** The live table (created empty when new); never replaced, so it may be kept for fast lookups. */
    public Map<Object, Object> table(String name) {
        return tables.computeIfAbsent(name, n -> new HashMap<>());
    }

    public Object get(String table, Object key) {
        Map<Object, Object> t = tables.get(table);
        return t == null || key == null ? null : t.get(key);
    }

    public Object get(String table, Object key1, Object key2) {
        return nested(get(table, key1), key2);
    }

    static Object nested(Object inner, Object key) {
        return inner instanceof Map<?, ?> m && key != null ? m.get(key) : null;
    }

    /** Stores one entry; true (and the listener is told) only when the value changed. */
    public boolean put(String table, Object key, Object value) {
        if (key == null || value == null) {
            return false;
        }
        Object old = table(table).put(key, value);
        if (value.equals(old)) {
            return false;
        }
        version++;
        listener.changed(table, List.of(key), value);
        return true;
    }

    /** Stores one entry of a nested table ({@code table[key1][key2] = value}); true when it changed. */
    @SuppressWarnings("unchecked")
    public boolean put(String table, Object key1, Object key2, Object value) {
        if (key1 == null || key2 == null || value == null) {
            return false;
        }
        Object inner = table(table).computeIfAbsent(key1, k -> new HashMap<>());
        if (!(inner instanceof Map<?, ?>)) {
            return false; // a flat entry already holds this key: tables do not mix shapes
        }
        Object old = ((Map<Object, Object>) inner).put(key2, value);
        if (value.equals(old)) {
            return false;
        }
        version++;
        listener.changed(table, List.of(key1, key2), value);
        return true;
    }

    /** Applies a journaled entry (one or two keys) without telling the listener. */
    void restore(String table, List<Object> keys, Object value) {
        Listener saved = listener;
        listener = Listener.NONE;
        try {
            if (keys.size() == 1) {
                put(table, keys.get(0), value);
            } else if (keys.size() == 2) {
                put(table, keys.get(0), keys.get(1), value);
            }
        } finally {
            listener = saved;
        }
    }

    /** Every entry as (table, keys, value), for compaction and inspection; flat entries first within a table. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        tables.forEach((table, rows) -> rows.forEach((k, v) -> {
            if (v instanceof Map<?, ?> inner && !(isValueMap(table))) {
                inner.forEach((k2, v2) -> out.add(new Entry(table, List.of(k, k2), v2)));
            } else {
                out.add(new Entry(table, List.of(k), v));
            }
        }));
        return out;
    }

    /** Tables whose values are name maps rather than nested key levels. */
    static boolean isValueMap(String table) {
        return switch (table) {
            case Tables.OS_FINGERPRINTS, Tables.CLASSIFICATIONS, Tables.CORRELATION_RULES, Tables.IOC,
                    Tables.DNS_RECORDS, Tables.DNS_RESPONSES -> true;
            default -> false;
        };
    }

    /** One cache entry. */
    public record Entry(String table, List<Object> keys, Object value) {
    }

    /** A JSON object key or value as the cache stores it: digits become a Long id, anything else stays text. */
    static Object key(String text) {
        if (!text.isEmpty() && text.length() < 19 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(text);
        }
        return text;
    }

    static Object key(JsonNode node) {
        return node.isNumber() ? (Object) node.asLong() : node.asText();
    }

    static Object value(JsonNode node) {
        if (node.isNumber()) {
            return node.asLong();
        }
        if (node.isObject()) {
            Map<String, String> map = new HashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
            return Collections.unmodifiableMap(map);
        }
        return node.asText();
    }
}
