package dev.estreamer.format;

/**
 * Builds one CEF message: the seven header fields, then {@code key=value} extension pairs separated by single
 * spaces. All escaping lives here, so no event text can add a header field, an extension key or a line.
 *
 * <ul>
 *   <li>header fields: {@code \} → {@code \\}, {@code |} → {@code \|}; CR, LF and other control characters
 *       (C0, DEL, C1, U+2028/2029) become a space (the header has no escape for them and a raw line break would start a new syslog message);
 *   <li>extension values: {@code \} → {@code \\}, {@code =} → {@code \=}, CR → {@code \r}, LF → {@code \n};
 *       other control characters become a space; a pipe is legal and left alone;
 *   <li>a null or empty value adds nothing (CEF has no "empty"); a zero is a value and is written.
 * </ul>
 *
 * <p>The message is built as UTF-8 bytes in a reused buffer (one per thread, through the formatter): ASCII text,
 * which is nearly all of it, is escaped and copied straight in; a value or header field with any other character
 * is escaped as a string and encoded with {@link String#getBytes(java.nio.charset.Charset)}, so the bytes are
 * exactly those of encoding the whole message at once.
 */
final class CefLine {
    private byte[] buf = new byte[1024];
    private int len;
    private boolean firstPair;
    private final StringBuilder scratch = new StringBuilder(256);

    CefLine header(String deviceVersion, String signatureId, String name, int severity) {
        len = 0;
        ascii("CEF:0|Cisco|Firepower|");
        headerField(deviceVersion);
        byte1('|');
        headerField(signatureId);
        byte1('|');
        headerField(name);
        byte1('|');
        number(severity);
        byte1('|');
        firstPair = true;
        return this;
    }

    /** Adds {@code key=value} unless the value is null or empty. */
    CefLine put(String key, Object value) {
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

    CefLine put(String key, long value) {
        key(key);
        if (value < 0) {
            ascii(Long.toUnsignedString(value)); // u64 above Long.MAX_VALUE
        } else {
            number(value);
        }
        return this;
    }

    /** A custom field and its label, both or neither. */
    CefLine custom(String key, String label, Object value) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            return this;
        }
        put(key, value);
        return put(key + "Label", label);
    }

    boolean isEmpty() {
        return firstPair;
    }

    /** The message as UTF-8. */
    byte[] bytes() {
        return java.util.Arrays.copyOf(buf, len);
    }

    /** The message as text (a lone UTF-16 surrogate in event text reads as {@code ?}, as in {@link #bytes()}). */
    @Override
    public String toString() {
        return new String(buf, 0, len, java.nio.charset.StandardCharsets.UTF_8);
    }

    private void key(String key) {
        if (!firstPair) {
            byte1(' ');
        }
        firstPair = false;
        ascii(key);
        byte1('=');
    }

    private void headerField(String s) {
        int n = s.length();
        if (!ascii(s, n)) {
            StringBuilder t = scratch;
            t.setLength(0);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c == '\\' || c == '|') {
                    t.append('\\').append(c);
                } else if (control(c)) {
                    t.append(' ');
                } else {
                    t.append(c);
                }
            }
            utf8(t);
            return;
        }
        ensure(2 * n);
        byte[] b = buf;
        int p = len;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '|') {
                b[p++] = '\\';
                b[p++] = (byte) c;
            } else if (c < 0x20 || c == 0x7F) {
                b[p++] = ' ';
            } else {
                b[p++] = (byte) c;
            }
        }
        len = p;
    }

    /** C0 and C1 controls, DEL and the Unicode line/paragraph separators: never written raw. */
    private static boolean control(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
    }

    private void extensionValue(String s) {
        int n = s.length();
        if (!ascii(s, n)) {
            StringBuilder t = scratch;
            t.setLength(0);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> t.append("\\\\");
                    case '=' -> t.append("\\=");
                    case '\r' -> t.append("\\r");
                    case '\n' -> t.append("\\n");
                    default -> t.append(control(c) ? ' ' : c);
                }
            }
            utf8(t);
            return;
        }
        ensure(2 * n);
        byte[] b = buf;
        int p = len;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '\\' && c != '=' && c != 0x7F) {
                b[p++] = (byte) c;
            } else if (c == '\\' || c == '=') {
                b[p++] = '\\';
                b[p++] = (byte) c;
            } else if (c == '\r') {
                b[p++] = '\\';
                b[p++] = 'r';
            } else if (c == '\n') {
                b[p++] = '\\';
                b[p++] = 'n';
            } else {
                b[p++] = ' ';
            }
        }
        len = p;
    }

    /** True when every character is below 0x80. */
    private static boolean ascii(String s, int n) {
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void utf8(CharSequence text) {
        byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    /** Text known to be ASCII (keys, numbers, constants), copied as is. */
    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        byte[] b = buf;
        int p = len;
        for (int i = 0; i < n; i++) {
            b[p++] = (byte) s.charAt(i);
        }
        len = p;
    }

    private void byte1(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    /** A non-negative number in decimal, as Long.toString writes it; negative ones through Long.toString. */
    private void number(long v) {
        if (v < 0) {
            ascii(Long.toString(v));
            return;
        }
        ensure(20);
        if (v == 0) {
            buf[len++] = '0';
            return;
        }
        int digits = 0;
        for (long t = v; t > 0; t /= 10) {
            digits++;
        }
        int p = len + digits;
        len = p;
        for (long t = v; t > 0; t /= 10) {
            buf[--p] = (byte) ('0' + (t % 10));
        }
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
