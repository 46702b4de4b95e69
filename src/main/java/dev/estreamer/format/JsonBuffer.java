package dev.estreamer.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that writes JSON tokens exactly as Jackson's UTF-8 generator does with its default
 * features: strings escaped with {@code \" \\ \b \t \n \f \r}, other control characters and every UTF-16
 * surrogate as {@code \\uXXXX} (upper-case hex), everything else as raw UTF-8; numbers in plain decimal.
 *
 * <p>One per formatting thread, reused record after record: rendering a record allocates only its result.
 */
final class JsonBuffer {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Per ASCII char: 0 = as is, 'u' = {@code \\u00XX}, else the letter after the backslash. */
    private static final byte[] ESCAPES = new byte[128];
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
    /** Buffers grown past this by one huge record are not kept for the next one. */
    private static final int KEEP = 1 << 20;
    private static final int INITIAL = 8 * 1024;

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private byte[] buf = new byte[INITIAL];
    private int len;

    void reset() {
        if (buf.length > KEEP) {
            buf = new byte[INITIAL];
        }

        len = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private void ensure(int more) {
        if (buf.length - len < more) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    void raw(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    void raw(byte a, byte b) {
        ensure(2);
        buf[len++] = a;
        buf[len++] = b;
    }

    /** A field's {@code ,"name":} from a {@link Key}, without the comma for the first field of an object. */
    void key(Key key, boolean comma) {
        prefixed(key.name, comma);
    }

    /** {@code ,"name":0} in one copy: a zero is the most common value of a record (counters, unused ids). */
    void keyAndZero(Key key, boolean comma) {
        prefixed(key.nameAndZero, comma);
    }

    /**
     * Appends {@code k}, which starts with a comma, with or without it. {@code System.arraycopy}: an 8-byte
     * {@code VarHandle} copy was fast only when C2 inlined it, and in some JIT runs it did not (decode + JSON
     * then ran at two thirds of its usual rate).
     */
    private void prefixed(byte[] k, boolean comma) {
        int from = comma ? 0 : 1;
        int n = k.length - from;
        ensure(n);
        System.arraycopy(k, from, buf, len, n);
        len += n;
    }

    /** {@code ,"name":} and {@code ,"name":0} of one field, encoded once per layout. */
    static final class Key {
        final byte[] name;
        final byte[] nameAndZero;

        Key(String field) {
            this.name = key(field);
            this.nameAndZero = Arrays.copyOf(name, name.length + 1);
            nameAndZero[name.length] = '0';
        }
    }

    void number(long v) {
        if (v == Long.MIN_VALUE) {
            raw(MIN_LONG);
            return;
        }
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        if (v < 10) {
            buf[len++] = (byte) ('0' + v);
            return;
        }
        int digits = digits(v);
        int end = len + digits;
        int p = end;
        while (v >= 10) {
            long q = v / 10;
            buf[--p] = (byte) ('0' + (int) (v - q * 10));
            v = q;
        }
        buf[--p] = (byte) ('0' + v);
        len = end;
    }

    /** A u64 held in a long: values above Long.MAX_VALUE are negative. */
    void unsignedNumber(long v) {
        if (v >= 0) {
            number(v);
        } else {
            raw(Long.toUnsignedString(v).getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static int digits(long v) {
        long limit = 10;
        for (int d = 1; d < 19; d++) {
            if (v < limit) {
                return d;
            }
            limit *= 10;
        }
        return 19;
    }

    void bool(boolean b) {
        raw(b ? TRUE : FALSE);
    }

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    /** A quoted, escaped JSON string. */
    void string(String s) {
        int n = s.length();
        // worst case: every char a 6-byte escape; reserving it up front keeps the loop free of checks
        ensure(6 * n + 2);
        byte[] b = buf;
        int p = len;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                byte e = ESCAPES[c];
                if (e == 0) {
                    b[p++] = (byte) c;
                } else {
                    b[p++] = '\\';
                    if (e == 'u') {
                        b[p++] = 'u';
                        b[p++] = '0';
                        b[p++] = '0';
                        b[p++] = HEX[c >> 4];
                        b[p++] = HEX[c & 0xF];
                    } else {
                        b[p++] = e;
                    }
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                // Jackson (default features) escapes each surrogate instead of combining the pair
                b[p++] = '\\';
                b[p++] = 'u';
                b[p++] = HEX[(c >> 12) & 0xF];
                b[p++] = HEX[(c >> 8) & 0xF];
                b[p++] = HEX[(c >> 4) & 0xF];
                b[p++] = HEX[c & 0xF];
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[p++] = '"';
        len = p;
    }

    /** {@code ,"name":} as bytes, for names written over and over. */
    private static byte[] key(String name) {
        JsonBuffer b = new JsonBuffer();
        b.raw((byte) ',');
        b.string(name);
        b.raw((byte) ':');
        return b.toByteArray();
    }
}
