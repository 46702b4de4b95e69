package dev.estreamer.format;

/** CefLine as it was before it wrote bytes (StringBuilder, then String.getBytes(UTF_8)): the reference of CefLineEquivalenceTest. */
final class ReferenceCefLine {
    private final StringBuilder out = new StringBuilder(1024);
    private boolean firstPair;

    ReferenceCefLine header(String deviceVersion, String signatureId, String name, int severity) {
        out.setLength(0);
        out.append("CEF:0|Cisco|Firepower|");
        headerField(deviceVersion);
        out.append('|');
        headerField(signatureId);
        out.append('|');
        headerField(name);
        out.append('|').append(severity).append('|');
        firstPair = true;
        return this;
    }

    /** Adds {@code key=value} unless the value is null or empty. */
    ReferenceCefLine put(String key, Object value) {
        if (value == null) {
            return this;
        }
        if (value instanceof Long l) {
            return put(key, l.longValue());
        }
        String s = value.toString();
        if (s.isEmpty()) {
            return this;
        }
        key(key);
        extensionValue(s);
        return this;
    }

    ReferenceCefLine put(String key, long value) {
        key(key);
        if (value < 0) {
            out.append(Long.toUnsignedString(value)); // u64 above Long.MAX_VALUE
        } else {
            out.append(value);
        }
        return this;
    }

    /** A custom field and its label, both or neither. */
    ReferenceCefLine custom(String key, String label, Object value) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            return this;
        }
        put(key, value);
        return put(key + "Label", label);
    }

    boolean isEmpty() {
        return firstPair;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void key(String key) {
        if (!firstPair) {
            out.append(' ');
        }
        firstPair = false;
        out.append(key).append('=');
    }

    private void headerField(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '|') {
                out.append('\\').append(c);
            } else if (control(c)) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
    }

    /** C0 and C1 controls, DEL and the Unicode line/paragraph separators: never written raw. */
    private static boolean control(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
    }

    private void extensionValue(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '=' -> out.append("\\=");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                default -> out.append(control(c) ? ' ' : c);
            }
        }
    }
}
