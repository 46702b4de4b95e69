package dev.estreamer.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reports keys that no declaration knows, at any depth, and parents that are not objects.
 * Keys ending in {@code @comment} are comments, as in eNcore's shipped configuration.
 */
final class KeyTree {
    static final String COMMENT_SUFFIX = "@comment";

    private final List<Key<?>> keys;

    KeyTree(List<Key<?>> keys) {
        this.keys = keys;
    }

    void check(JsonNode root, Problems problems) {
        if (!root.isObject()) {
            problems.add("", "expected a JSON object, got " + Section.show(root));
            return;
        }
        walk(root, "", "", problems);
    }

    private void walk(JsonNode object, String template, String concrete, Problems problems) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            if (name.endsWith(COMMENT_SUFFIX)) {
                continue;
            }
            String childTemplate = join(template, name);
            String childConcrete = join(concrete, name);
            JsonNode value = field.getValue();
            Key<?> declared = declared(childTemplate);
            if (declared != null) {
                if (declared.type() == ValueType.OBJECTS && value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        if (value.get(i).isObject()) {
                            walk(value.get(i), childTemplate + "[]", childConcrete + "[" + i + "]", problems);
                        }
                    }
                }
            } else if (isParent(childTemplate)) {
                if (value.isObject()) {
                    walk(value, childTemplate, childConcrete, problems);
                } else if (!value.isNull()) {
                    problems.add(childConcrete, "expected an object, got " + Section.show(value));
                }
            } else {
                problems.add(childConcrete, "unknown key" + suggestion(template, name));
            }
        }
    }

    private Key<?> declared(String template) {
        for (Key<?> k : keys) {
            if (k.path().equals(template)) {
                return k;
            }
        }
        return null;
    }

    private boolean isParent(String template) {
        return keys.stream().anyMatch(k -> k.path().startsWith(template + "."));
    }

    /** A sibling that differs only in case, e.g. pkcs12FilePath for pkcs12Filepath. */
    private String suggestion(String template, String name) {
        List<String> siblings = new ArrayList<>();
        String prefix = template.isEmpty() ? "" : template + ".";
        for (Key<?> k : keys) {
            if (k.path().startsWith(prefix)) {
                String rest = k.path().substring(prefix.length());
                String sibling = rest.split("[.\\[]", 2)[0];
                if (sibling.equalsIgnoreCase(name) && !siblings.contains(sibling)) {
                    siblings.add(sibling);
                }
            }
        }
        return siblings.isEmpty() ? "" : " (did you mean \"" + siblings.get(0) + "\"?)";
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }
}
