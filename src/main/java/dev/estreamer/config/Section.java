package dev.estreamer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON object and the key paths that address it: the template ({@code subscription.servers[]})
 * used to match declarations, and the concrete path ({@code subscription.servers[0]}) used in messages.
 */
final class Section {
    private static final int SHOWN_VALUE_LENGTH = 60;

    private final JsonNode node;
    private final String template;
    private final String concrete;
    private final Problems problems;

    Section(JsonNode node, String template, String concrete, Problems problems) {
        this.node = node;
        this.template = template;
        this.concrete = concrete;
        this.problems = problems;
    }

    /** The key's value, its default when absent or null, or its default after reporting a bad value. */
    <T> T get(Key<T> key) {
        JsonNode value = raw(key);
        if (value.isMissingNode() || value.isNull()) {
            if (key.required()) {
                problems.add(path(key), "required key is missing");
            }
            return key.defaultValue();
        }
        try {
            T parsed = key.type().parser().apply(value);
            if (parsed != null) {
                return parsed;
            }
            problems.add(path(key), "expected " + key.type().expected() + ", got " + show(value));
        } catch (IllegalArgumentException e) {
            problems.add(path(key), e.getMessage());
        }
        return key.defaultValue();
    }

    boolean has(Key<?> key) {
        JsonNode value = raw(key);
        return !value.isMissingNode() && !value.isNull();
    }

    /** The node at the key's path, or a missing node (also when a parent is not an object). */
    JsonNode raw(Key<?> key) {
        JsonNode n = node;
        for (String segment : relative(key).split("\\.")) {
            n = n.isObject() ? n.path(segment) : MissingNode.getInstance();
        }
        return n;
    }

    /** The object elements of a list-of-objects key; non-objects are reported and skipped. */
    List<Section> elements(Key<Integer> listKey) {
        if (get(listKey) == null) {
            return List.of();
        }
        JsonNode list = raw(listKey);
        if (!list.isArray()) {
            return List.of();
        }
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = path(listKey) + "[" + i + "]";
            if (list.get(i).isObject()) {
                out.add(new Section(list.get(i), listKey.path() + "[]", at, problems));
            } else {
                problems.add(at, "expected an object, got " + show(list.get(i)));
            }
        }
        return out;
    }

    /** The concrete path of a key in this section, for messages. */
    String path(Key<?> key) {
        String rel = relative(key);
        return concrete.isEmpty() ? rel : concrete + "." + rel;
    }

    void problem(Key<?> key, String message) {
        problems.add(path(key), message);
    }

    private String relative(Key<?> key) {
        if (template.isEmpty()) {
            return key.path();
        }
        if (!key.path().startsWith(template + ".")) {
            throw new IllegalArgumentException(key + " is not in section " + template);
        }
        return key.path().substring(template.length() + 1);
    }

    static String show(JsonNode value) {
        String text = value.toString();
        return text.length() <= SHOWN_VALUE_LENGTH ? text : text.substring(0, SHOWN_VALUE_LENGTH) + "...";
    }
}
