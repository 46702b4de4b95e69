package dev.estreamer.format;

import java.util.List;

/**
 * Splunk key=value escaping, for {@code KV_MODE = auto_escaped}.
 *
 * <p>A value made only of letters, digits and {@code . _ : / @ + - %} is written bare (as eNcore does for
 * {@code src_ip=10.0.0.1} or {@code url=https://host/path}); anything else, including the empty string, is
 * double-quoted, with {@code "} and {@code \} escaped as {@code \"} and {@code \\}. Line breaks and other
 * control characters are written as {@code \n}, {@code \r}, {@code \t} or <code>&#92;u00XX</code>, so a value never
 * ends its event, never ends its quotes early and never starts a field of its own.
 * Keys are reduced to {@code [A-Za-z0-9_]}.
 */
final class KvValue {
    private KvValue() {
    }

    static void append(StringBuilder out, Object v) {
        if (v instanceof Long l) {
            out.append(l < 0 ? Long.toUnsignedString(l) : Long.toString(l));
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else {
            string(out, v instanceof List<?> ? v.toString() : String.valueOf(v));
        }
    }

    static void string(StringBuilder out, String s) {
        if (bare(s)) {
            out.append(s);
            return;
        }
        out.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static boolean bare(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '/' || c == '@' || c == '+' || c == '-' || c == '%';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A key Splunk keeps as it is: [A-Za-z0-9_], not starting with a digit. */
    static String key(String k) {
        StringBuilder out = null;
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok) {
                if (out == null) {
                    out = new StringBuilder(k.substring(0, i));
                }
                out.append('_');
            } else if (out != null) {
                out.append(c);
            }
        }
        String s = out == null ? k : out.toString();
        return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "f_" + s : s;
    }

    /** camelCase to snake_case: {@code initiatorIpAddress} becomes {@code initiator_ip_address}. */
    static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLower = i > 0 && !Character.isUpperCase(camel.charAt(i - 1));
                boolean nextLower = i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
                if (i > 0 && (prevLower || nextLower) && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
