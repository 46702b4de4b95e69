package dev.estreamer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The JSON shape a key accepts and how it becomes a Java value.
 *
 * <p>The parser returns null when the node has the wrong shape (the loader then reports
 * "expected {@link #expected()}, got ..."), or throws {@link IllegalArgumentException} for a
 * more specific message.
 */
public record ValueType<T>(String expected, Function<JsonNode, T> parser) {

    static final ValueType<Boolean> BOOLEAN =
            new ValueType<>("true or false", n -> n.isBoolean() ? n.booleanValue() : null);

    static final ValueType<String> STRING =
            new ValueType<>("a non-empty string", n -> n.isTextual() && !n.textValue().isBlank() ? n.textValue() : null);

    /** A string that may be empty (eNcore uses "" to switch a feature off). */
    static final ValueType<String> TEXT = new ValueType<>("a string", n -> n.isTextual() ? n.textValue() : null);

    static final ValueType<List<String>> STRINGS = new ValueType<>("a list of strings", n -> {
        if (!n.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                return null;
            }
            out.add(e.textValue());
        }
        return List.copyOf(out);
    });

    /** Names or numeric ids (device or domain selectors); numbers are kept as their decimal text. */
    static final ValueType<List<String>> NAMES_OR_IDS = new ValueType<>("a list of names or non-negative integer ids", n -> {
        if (!n.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (e.isTextual() && !e.textValue().isBlank()) {
                out.add(e.textValue().trim());
            } else if (e.canConvertToLong() && e.isIntegralNumber() && e.longValue() >= 0) {
                out.add(Long.toString(e.longValue()));
            } else {
                return null;
            }
        }
        return List.copyOf(out);
    });

    /** A list of objects; its elements are read through their own keys. */
    static final ValueType<Integer> OBJECTS =
            new ValueType<>("a list of objects", n -> n.isArray() ? n.size() : null);

    static ValueType<Integer> integer(int min, int max) {
        return new ValueType<>("an integer " + min + "-" + max, n -> {
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                return null;
            }
            long v = n.longValue();
            return v >= min && v <= max ? (int) v : null;
        });
    }

    static ValueType<Duration> seconds(double min, double max) {
        return new ValueType<>("a number of seconds " + trim(min) + "-" + trim(max), n -> {
            if (!n.isNumber()) {
                return null;
            }
            double v = n.doubleValue();
            return v >= min && v <= max ? Duration.ofMillis(Math.round(v * 1000)) : null;
        });
    }

    static ValueType<List<Integer>> integers(int min, int max) {
        return new ValueType<>("a list of integers " + min + "-" + max, n -> {
            if (!n.isArray()) {
                return null;
            }
            List<Integer> out = new ArrayList<>();
            for (JsonNode e : n) {
                if (!e.isIntegralNumber() || !e.canConvertToLong() || e.longValue() < min || e.longValue() > max) {
                    return null;
                }
                out.add(e.intValue());
            }
            return List.copyOf(out);
        });
    }

    /** One of a fixed set of words, matched case-insensitively; returns the canonical spelling. */
    static ValueType<String> choice(String... words) {
        String expected = "one of " + String.join(", ", Arrays.stream(words).map(w -> '"' + w + '"').toList());
        return new ValueType<>(expected, n -> {
            if (!n.isTextual()) {
                return null;
            }
            for (String w : words) {
                if (w.equalsIgnoreCase(n.textValue().trim())) {
                    return w;
                }
            }
            return null;
        });
    }

    /** A word or a number, e.g. eNcore writes {@code "tlsVersion": 1.2}; returns the canonical word. */
    static ValueType<String> wordOrNumber(String... words) {
        ValueType<String> named = choice(words);
        return new ValueType<>(named.expected(), n -> named.parser().apply(n.isNumber() ? TextNode.valueOf(decimal(n)) : n));
    }

    private static String decimal(JsonNode n) {
        String s = n.decimalValue().stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d).toLowerCase(Locale.ROOT);
    }
}
