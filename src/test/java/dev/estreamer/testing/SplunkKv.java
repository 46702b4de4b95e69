package dev.estreamer.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splunk's search-time key=value extraction with {@code KV_MODE = auto_escaped}, as props.conf.spec describes
 * it: scanning left to right, {@code key=value} where the key is a word, the value either a double-quoted
 * string in which {@code \"} and {@code \\} are escapes (any other backslash stays as it is), or a bare run up
 * to the next space. Text that is not a pair is skipped up to the next space. A key seen twice is reported as
 * a forged or duplicated field.
 */
public final class SplunkKv {
    private SplunkKv() {
    }

    /** The fields of one event; throws when a key occurs twice or the line holds a line break. */
    public static Map<String, String> extract(String event) {
        if (event.indexOf('\n') >= 0 || event.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("event contains a line break: " + event);
        }
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = event.length();
        while (i < n) {
            while (i < n && event.charAt(i) == ' ') {
                i++;
            }
            int keyStart = i;
            while (i < n && isWord(event.charAt(i))) {
                i++;
            }
            if (i == keyStart || i >= n || event.charAt(i) != '=') {
                while (i < n && event.charAt(i) != ' ') {
                    i++;
                }
                continue;
            }
            String key = event.substring(keyStart, i);
            i++;
            StringBuilder value = new StringBuilder();
            if (i < n && event.charAt(i) == '"') {
                i++;
                while (i < n && event.charAt(i) != '"') {
                    char c = event.charAt(i);
                    if (c == '\\' && i + 1 < n && (event.charAt(i + 1) == '"' || event.charAt(i + 1) == '\\')) {
                        value.append(event.charAt(i + 1));
                        i += 2;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
                i++; // closing quote
            } else {
                while (i < n && event.charAt(i) != ' ') {
                    value.append(event.charAt(i++));
                }
            }
            if (out.put(key, value.toString()) != null) {
                throw new IllegalArgumentException("field " + key + " occurs twice in: " + event);
            }
        }
        return out;
    }

    /**
     * A suspicious reading of the same line: a pair may start at any word boundary outside a quoted value, also
     * inside a bare value or after punctuation such as {@code &}, {@code ,} or {@code ;} (as some extractors do),
     * and a bare value is searched for further pairs. For a line that cannot forge fields this finds exactly what
     * {@link #extract} finds.
     */
    public static Map<String, String> extractAnywhere(String event) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = event.length();
        while (i < n) {
            char c = event.charAt(i);
            if (c == '"') {
                i = endOfQuoted(event, i + 1, null);
                continue;
            }
            if (!isWord(c) || (i > 0 && isWord(event.charAt(i - 1)))) {
                i++;
                continue;
            }
            int keyStart = i;
            while (i < n && isWord(event.charAt(i))) {
                i++;
            }
            if (i >= n || event.charAt(i) != '=') {
                continue;
            }
            String key = event.substring(keyStart, i);
            i++;
            String value;
            if (i < n && event.charAt(i) == '"') {
                StringBuilder v = new StringBuilder();
                i = endOfQuoted(event, i + 1, v);
                value = v.toString();
            } else {
                int end = i;
                while (end < n && event.charAt(end) != ' ') {
                    end++;
                }
                value = event.substring(i, end); // and keep scanning inside it
            }
            if (out.put(key, value) != null) {
                throw new IllegalArgumentException("field " + key + " occurs twice in: " + event);
            }
        }
        return out;
    }

    /** Index after the closing quote of a quoted value starting at {@code i}; the value into {@code into}. */
    private static int endOfQuoted(String event, int i, StringBuilder into) {
        int n = event.length();
        while (i < n && event.charAt(i) != '"') {
            char c = event.charAt(i);
            if (c == '\\' && i + 1 < n && (event.charAt(i + 1) == '"' || event.charAt(i + 1) == '\\')) {
                c = event.charAt(i + 1);
                i++;
            }
            if (into != null) {
                into.append(c);
            }
            i++;
        }
        return i + 1;
    }

    private static boolean isWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
