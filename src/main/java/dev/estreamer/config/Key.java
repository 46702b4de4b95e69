package dev.estreamer.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One configuration key, declared once: path, type, default, origin and a one-sentence doc.
 *
 * <p>Paths use dots for nesting and {@code []} for the elements of a list of objects, e.g.
 * {@code subscription.servers[].port}. The default is a JSON literal parsed with the key's own
 * type, so the documented default is exactly what the loader uses.
 */
public final class Key<T> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String path;
    private final ValueType<T> type;
    private final String defaultJson;
    private final String defaultText;
    private final T defaultValue;
    private final boolean required;
    private final Origin origin;
    private final String doc;
    private final String ignoredBecause;

    private Key(String path, ValueType<T> type, String defaultJson, String defaultText, boolean required,
                Origin origin, String doc, String ignoredBecause) {
        this.path = path;
        this.type = type;
        this.defaultJson = defaultJson;
        this.defaultText = defaultText;
        this.required = required;
        this.origin = origin;
        this.doc = doc;
        this.ignoredBecause = ignoredBecause;
        this.defaultValue = defaultJson == null ? null : parseDefault(defaultJson);
    }

    /** A key that must be present. */
    static <T> Key<T> required(String path, ValueType<T> type, Origin origin, String doc) {
        return new Key<>(path, type, null, "required", true, origin, doc, null);
    }

    /** An optional key with a JSON default. */
    static <T> Key<T> optional(String path, ValueType<T> type, String defaultJson, Origin origin, String doc) {
        return new Key<>(path, type, defaultJson, defaultJson, false, origin, doc, null);
    }

    /** An optional key whose absence means something described in words (the value is then null). */
    static <T> Key<T> optionalNone(String path, ValueType<T> type, String whenAbsent, Origin origin, String doc) {
        return new Key<>(path, type, null, whenAbsent, false, origin, doc, null);
    }

    /** An eNcore key accepted for compatibility but without effect; {@code because} ends the logged note. */
    static <T> Key<T> ignored(String path, ValueType<T> type, String defaultJson, String doc, String because) {
        return new Key<>(path, type, defaultJson, defaultJson, false, Origin.ENCORE_IGNORED, doc, because);
    }

    public String path() {
        return path;
    }

    public ValueType<T> type() {
        return type;
    }

    /** The default as documented: a JSON literal, "required", or words describing the absent case. */
    public String defaultText() {
        return defaultText;
    }

    /** The parsed default, or null for required keys and keys whose absence means "none". */
    public T defaultValue() {
        return defaultValue;
    }

    public boolean required() {
        return required;
    }

    public Origin origin() {
        return origin;
    }

    public String doc() {
        return doc;
    }

    /** Why this key has no effect, or null when it has one. */
    public String ignoredBecause() {
        return ignoredBecause;
    }

    /** The last path segment, e.g. {@code port}. */
    public String name() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    @Override
    public String toString() {
        return path;
    }

    private T parseDefault(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            T value = type.parser().apply(node);
            if (value == null) {
                throw new IllegalStateException(path + ": default " + json + " is not " + type.expected());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(path + ": default is not JSON: " + json, e);
        }
    }
}
