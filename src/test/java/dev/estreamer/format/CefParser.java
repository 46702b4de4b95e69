package dev.estreamer.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict CEF reader for tests, written from the specification rather than from our writer: the header is split
 * on unescaped pipes, extension keys are found at the last space before an unescaped {@code =}, then escapes are
 * undone. Anything a real receiver could read two ways is an error.
 */
public final class CefParser {
    /** A parsed message: the seven header fields (unescaped) and the extension (keys in order, values unescaped). */
    public record Cef(List<String> header, Map<String, String> extension) {
        public String signatureId() {
            return header.get(4);
        }

        public String name() {
            return header.get(5);
        }

        public String severity() {
            return header.get(6);
        }
    }

    private CefParser() {
    }

    public static Cef parse(String line) {
        if (!line.startsWith("CEF:")) {
            throw new IllegalArgumentException("no CEF: prefix: " + line);
        }
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("raw line break in " + line);
        }
        List<String> header = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (header.size() < 7) {
            if (i >= line.length()) {
                throw new IllegalArgumentException("only " + header.size() + " header fields in " + line);
            }
            char c = line.charAt(i++);
            if (c == '\\') {
                if (i >= line.length()) {
                    throw new IllegalArgumentException("dangling backslash in header of " + line);
                }
                char e = line.charAt(i++);
                if (e != '\\' && e != '|') {
                    throw new IllegalArgumentException("bad header escape \\" + e + " in " + line);
                }
                field.append(e);
            } else if (c == '|') {
                header.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (!header.get(0).equals("CEF:0")) {
            throw new IllegalArgumentException("version " + header.get(0));
        }
        if (!header.get(6).matches("\\d|10")) {
            throw new IllegalArgumentException("severity " + header.get(6) + " is not 0-10");
        }
        return new Cef(header, extension(line.substring(i)));
    }

    /** Extension: every unescaped '=' ends a key that starts after the last space before it. */
    static Map<String, String> extension(String ext) {
        Map<String, String> out = new LinkedHashMap<>();
        if (ext.isEmpty()) {
            return out;
        }
        List<Integer> equals = new ArrayList<>();
        for (int i = 0; i < ext.length(); i++) {
            char c = ext.charAt(i);
            if (c == '\\') {
                if (i + 1 >= ext.length()) {
                    throw new IllegalArgumentException("dangling backslash in " + ext);
                }
                char e = ext.charAt(i + 1);
                if (e != '\\' && e != '=' && e != 'n' && e != 'r') {
                    throw new IllegalArgumentException("bad extension escape \\" + e + " in " + ext);
                }
                i++;
            } else if (c == '=') {
                equals.add(i);
            }
        }
        if (equals.isEmpty()) {
            throw new IllegalArgumentException("extension without a key: " + ext);
        }
        int keyStart = 0;
        for (int k = 0; k < equals.size(); k++) {
            int eq = equals.get(k);
            String key = ext.substring(keyStart, eq);
            if (!key.matches("[A-Za-z][A-Za-z0-9]*")) {
                throw new IllegalArgumentException("bad key \"" + key + "\" in " + ext);
            }
            int valueEnd;
            int nextKeyStart;
            if (k + 1 < equals.size()) {
                int space = ext.lastIndexOf(' ', equals.get(k + 1));
                if (space <= eq) {
                    throw new IllegalArgumentException("no space before the key ending at " + equals.get(k + 1) + " in " + ext);
                }
                valueEnd = space;
                nextKeyStart = space + 1;
            } else {
                valueEnd = ext.length();
                nextKeyStart = ext.length();
            }
            String value = unescape(ext.substring(eq + 1, valueEnd));
            if (out.put(key, value) != null) {
                throw new IllegalArgumentException("key " + key + " twice in " + ext);
            }
            keyStart = nextKeyStart;
        }
        return out;
    }

    private static String unescape(String v) {
        StringBuilder s = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\') {
                char e = v.charAt(++i);
                s.append(switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
