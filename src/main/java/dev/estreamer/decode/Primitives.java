package dev.estreamer.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Big-endian readers and the text renderings eNcore uses for addresses, UUIDs, MACs and strings. */
public final class Primitives {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String ZERO_UUID = "00000000-0000-0000-0000-000000000000";
    private static final String ZERO_MAC = "00:00:00:00:00:00";
    // connection events carry many all-zero hashes, ids and UUIDs: reuse their text instead of rebuilding it
    private static final String[] ZERO_HEX = new String[65];
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final TextCache UUIDS = new TextCache();
    private static final TextCache IPV6 = new TextCache();

    static {
        for (int i = 0; i < ZERO_HEX.length; i++) {
            ZERO_HEX[i] = "00".repeat(i);
        }
    }

    /** Zeros to compare against: {@code Arrays.mismatch} is a vectorized intrinsic, a byte loop is not. */
    private static final byte[] ZEROS = new byte[ZERO_HEX.length - 1];

    /** Whether {@code len} (at most 64: the zero renderings cached) bytes at {@code off} are all zero. */
    private static boolean zero(byte[] b, int off, int len) {
        return Arrays.mismatch(b, off, off + len, ZEROS, 0, len) < 0;
    }

    private Primitives() {
    }

    public static int u8(byte[] b, int p) {
        return b[p] & 0xFF;
    }

    public static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
    }

    public static long u32(byte[] b, int p) {
        return ((long) (b[p] & 0xFF) << 24) | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }

    /** Unsigned 64-bit value in a long (negative above Long.MAX_VALUE). */
    public static long u64(byte[] b, int p) {
        return u32(b, p) << 32 | u32(b, p + 4);
    }

    /** Lowercase hex of a byte range. */
    public static String hex(byte[] b, int off, int len) {
        if (len < ZERO_HEX.length && zero(b, off, len)) {
            return ZERO_HEX[len];
        }
        byte[] out = new byte[len * 2];
        for (int i = 0; i < len; i++) {
            int v = b[off + i] & 0xFF;
            out[2 * i] = HEX[v >>> 4];
            out[2 * i + 1] = HEX[v & 0xF];
        }
        return latin1(out, out.length);
    }

    // Renderings build Latin-1 bytes and wrap them: a String made from a byte[] is one copy, one made from a
    // char[] is a compression pass as well (compact strings).
    private static String latin1(byte[] out, int n) {
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
    }

    public static String ipv4(byte[] b, int p) {
        byte[] out = new byte[15];
        int n = 0;
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                out[n++] = '.';
            }
            n = decimal(b[p + i] & 0xFF, out, n);
        }
        return latin1(out, n);
    }

    private static int decimal(int v, byte[] out, int n) {
        if (v >= 100) {
            out[n++] = (byte) ('0' + v / 100);
            v %= 100;
            out[n++] = (byte) ('0' + v / 10);
        } else if (v >= 10) {
            out[n++] = (byte) ('0' + v / 10);
        }
        out[n++] = (byte) ('0' + v % 10);
        return n;
    }

    /**
     * IPv6 text as inet_ntop prints it (RFC 5952 compression), except that an IPv4-mapped address
     * {@code ::ffff:a.b.c.d} is shortened to {@code a.b.c.d} as eNcore does; all-zero is {@code ::}.
     */
    public static String ipv6(byte[] b, int p) {
        long hi = (long) LONG.get(b, p);
        long lo = (long) LONG.get(b, p + 8);
        if (hi == 0 && lo == 0) {
            return "::";
        }
        String known = IPV6.get(hi, lo);
        return known != null ? known : IPV6.put(hi, lo, renderIpv6(b, p));
    }

    private static String renderIpv6(byte[] b, int p) {
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (u16(b, p + 2 * i) != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && u16(b, p + 2 * j) == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        if (bestStart == 0 && bestLen == 5 && u16(b, p + 10) == 0xFFFF) {
            return ipv4(b, p + 12);
        }
        if (bestStart == 0 && bestLen == 6) {
            return "::" + ipv4(b, p + 12);
        }
        byte[] out = new byte[39];
        int n = 0;
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out[n++] = ':';
                out[n++] = ':';
                i += bestLen - 1;
                continue;
            }
            if (n > 0 && out[n - 1] != ':') {
                out[n++] = ':';
            }
            int w = u16(b, p + 2 * i);
            boolean started = false;
            for (int shift = 12; shift >= 0; shift -= 4) {
                int d = (w >>> shift) & 0xF;
                if (d != 0 || started || shift == 0) {
                    out[n++] = HEX[d];
                    started = true;
                }
            }
        }
        return latin1(out, n);
    }

    /** Canonical lowercase UUID text of 16 bytes in RFC 4122 order. */
    public static String uuid(byte[] b, int p) {
        long hi = (long) LONG.get(b, p);
        long lo = (long) LONG.get(b, p + 8);
        if (hi == 0 && lo == 0) {
            return ZERO_UUID;
        }
        String known = UUIDS.get(hi, lo);
        return known != null ? known : UUIDS.put(hi, lo, renderUuid(b, p));
    }

    private static String renderUuid(byte[] b, int p) {
        byte[] out = new byte[36];
        int o = 0;
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                out[o++] = '-';
            }
            int v = b[p + i] & 0xFF;
            out[o++] = HEX[v >>> 4];
            out[o++] = HEX[v & 0xF];
        }
        return latin1(out, 36);
    }

    public static String mac(byte[] b, int p) {
        if (zero(b, p, 6)) {
            return ZERO_MAC;
        }
        byte[] out = new byte[17];
        for (int i = 0; i < 6; i++) {
            int v = b[p + i] & 0xFF;
            out[3 * i] = HEX[v >>> 4];
            out[3 * i + 1] = HEX[v & 0xF];
            if (i < 5) {
                out[3 * i + 2] = ':';
            }
        }
        return latin1(out, 17);
    }

    /**
     * Text of a byte range: UTF-8 with every NUL removed; bytes that are not valid UTF-8 come back
     * as lowercase hex (eNcore's rule, so that binary data is never mangled into replacement chars).
     */
    public static String text(byte[] b, int off, int len) {
        int n = len;
        while (n > 0 && b[off + n - 1] == 0) {
            n--; // FMC strings end in a NUL
        }
        if (n == 0) {
            return "";
        }
        // The JDK's UTF-8 constructor checks for non-ASCII bytes with a vectorised intrinsic and copies ASCII in
        // bulk (the byte-by-byte scan this replaces was the largest single cost of decode + JSON). It replaces
        // malformed input with U+FFFD, so a U+FFFD in the result sends the bytes through the strict decoder,
        // which tells a real U+FFFD from a replacement.
        String s = new String(b, off, n, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) {
            try {
                s = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, off, len)).toString();
            } catch (CharacterCodingException e) {
                return hex(b, off, len);
            }
        }
        return s.indexOf('\0') >= 0 ? s.replace("\0", "") : s;
    }
}
