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
    /** Tens and ones digit of 0..99: numbers are written two digits per division. */
    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];
    /** Per byte: 1 when JSON needs it escaped (control chars, quote, backslash) or it is not ASCII. */
    private static final byte[] NEEDS_ESCAPE = new byte[256];
    /**
     * Strings at least this long that passed {@link #asciiString}'s check are remembered (UUIDs, hex); shorter
     * ones (IPv4 addresses, new with every record) cost less to check than to remember.
     */
    private static final int REMEMBERED = 32;
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
    /** Buffers grown past this by one huge record are not kept for the next one. */
    private static final int KEEP = 1 << 20;
    private static final int INITIAL = 8 * 1024;

    static {
        for (int c = 0; c < 256; c++) {
            NEEDS_ESCAPE[c] = (byte) (c < 0x20 || c >= 0x80 || c == '"' || c == '\\' ? 1 : 0);
        }
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
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

    /** A field's {@code ,"name":} from a {@link Layout}, without the comma for the first field of an object. */
    void key(Layout layout, int i, boolean comma) {
        slice(layout.keys, layout.keyAt[i] + (comma ? 0 : 1), layout.keyAt[i + 1]);
    }

    /**
     * {@code ,"a":0,"b":0,…} for fields {@code from} (inclusive) to {@code to} (exclusive), all zero, in one copy:
     * zero is the most common value of a record (counters, unused ids), and zeros come in runs.
     */
    void zeros(Layout layout, int from, int to, boolean comma) {
        slice(layout.zeros, layout.zeroAt[from] + (comma ? 0 : 1), layout.zeroAt[to]);
    }

    /**
     * Appends {@code bytes[from, to)}. {@code System.arraycopy}: an 8-byte {@code VarHandle} copy was fast only
     * when C2 inlined it, and in some JIT runs it did not (decode + JSON then ran at two thirds of its usual rate).
     */
    private void slice(byte[] bytes, int from, int to) {
        int n = to - from;
        ensure(n);
        System.arraycopy(bytes, from, buf, len, n);
        len += n;
    }

    /**
     * The field names of one layout encoded once: {@code ,"name":} of every field back to back, and
     * {@code ,"name":0} of every field back to back, with where each starts, so that a run of zero fields is
     * one slice; and per field the last string {@link #asciiString} checked. Shared by every formatting thread.
     */
    static final class Layout {
        final byte[] keys;
        final int[] keyAt;
        final byte[] zeros;
        final int[] zeroAt;
        final String[] checked;

        Layout(String[] names) {
            checked = new String[names.length];
            JsonBuffer k = new JsonBuffer();
            JsonBuffer z = new JsonBuffer();
            keyAt = new int[names.length + 1];
            zeroAt = new int[names.length + 1];
            for (int i = 0; i < names.length; i++) {
                keyAt[i] = k.len;
                zeroAt[i] = z.len;
                k.raw((byte) ',');
                k.string(names[i]);
                k.raw((byte) ':');
                z.raw((byte) ',');
                z.string(names[i]);
                z.raw((byte) ':', (byte) '0');
            }
            keyAt[names.length] = k.len;
            zeroAt[names.length] = z.len;
            keys = k.toByteArray();
            zeros = z.toByteArray();
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
        int end = len + digits(v);
        int p = end;
        while (v > Integer.MAX_VALUE) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            buf[--p] = ONES[r];
            buf[--p] = TENS[r];
            v = q;
        }
        int w = (int) v; // int division from here: ports, ids, timestamps and most counters start here
        while (w >= 100) {
            int q = w / 100;
            int r = w - q * 100;
            buf[--p] = ONES[r];
            buf[--p] = TENS[r];
            w = q;
        }
        if (w >= 10) {
            buf[--p] = ONES[w];
            buf[--p] = TENS[w];
        } else {
            buf[--p] = (byte) ('0' + w);
        }
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

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** Decimal digits of {@code v} (positive): log10 from the bit length (1233 / 4096 ~ log10(2)), then one compare. */
    static int digits(long v) {
        int t = ((64 - Long.numberOfLeadingZeros(v)) * 1233) >>> 12;
        return t + (v >= POWERS_OF_TEN[t] ? 1 : 0);
    }

    void bool(boolean b) {
        raw(b ? TRUE : FALSE);
    }

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    /**
     * Field {@code slot}'s value {@code s}, which the layout says is printable ASCII without quotes or backslashes
     * (a rendering the decoder made, see {@code FieldNames.asciiText}): copied in bulk, then checked, and written
     * by {@link #string} instead when the copy holds a byte that would need escaping. The check keeps every line
     * well-formed whatever the string; the layout's word is still needed for fidelity, because the bulk copy keeps
     * only the low byte of each char (a string with chars above U+00FF would come out altered, never unquoted).
     *
     * <p>Zones, interfaces, policies and unused hex fields are the same String instances record after record (the
     * decoder caches their renderings), so the last long string that passed the check is remembered per field and
     * copied unchecked when it comes again: strings are immutable, and any thread's check holds for every thread.
     */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): a Latin-1 string's bytes in one arraycopy
    void asciiString(Layout layout, int slot, String s) {
        int n = s.length();
        ensure(n + 2);
        byte[] b = buf;
        int start = len + 1;
        s.getBytes(0, n, b, start);
        if (layout.checked[slot] != s) {
            int bad = 0;
            for (int i = start, end = start + n; i < end; i++) {
                bad |= NEEDS_ESCAPE[b[i] & 0xFF];
            }
            if (bad != 0) {
                string(s);
                return;
            }
            if (n >= REMEMBERED) {
                layout.checked[slot] = s;
            }
        }
        b[len] = '"';
        b[start + n] = '"';
        len = start + n + 1;
    }

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

}
