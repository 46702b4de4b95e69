package dev.estreamer.decode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Primitives as they were before tuning (plain loops, String.replace): the reference the fast ones must match. */
final class ReferencePrimitives {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String ZERO_UUID = "00000000-0000-0000-0000-000000000000";
    // connection events carry many all-zero hashes, ids and UUIDs: reuse their text instead of rebuilding it
    private static final String[] ZERO_HEX = new String[65];

    static {
        for (int i = 0; i < ZERO_HEX.length; i++) {
            ZERO_HEX[i] = "00".repeat(i);
        }
    }

    private static boolean zero(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private ReferencePrimitives() {
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
        char[] out = new char[len * 2];
        for (int i = 0; i < len; i++) {
            int v = b[off + i] & 0xFF;
            out[2 * i] = HEX[v >>> 4];
            out[2 * i + 1] = HEX[v & 0xF];
        }
        return new String(out);
    }

    public static String ipv4(byte[] b, int p) {
        return (b[p] & 0xFF) + "." + (b[p + 1] & 0xFF) + "." + (b[p + 2] & 0xFF) + "." + (b[p + 3] & 0xFF);
    }

    /**
     * IPv6 text as inet_ntop prints it (RFC 5952 compression), except that an IPv4-mapped address
     * {@code ::ffff:a.b.c.d} is shortened to {@code a.b.c.d} as eNcore does; all-zero is {@code ::}.
     */
    public static String ipv6(byte[] b, int p) {
        if (zero(b, p, 16)) {
            return "::";
        }
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = u16(b, p + 2 * i);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
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
        if (bestStart == 0 && bestLen == 5 && w[5] == 0xFFFF) {
            return ipv4(b, p + 12);
        }
        if (bestStart == 0 && bestLen == 6) {
            return "::" + ipv4(b, p + 12);
        }
        StringBuilder s = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(w[i]));
        }
        return s.toString();
    }

    /** Canonical lowercase UUID text of 16 bytes in RFC 4122 order. */
    public static String uuid(byte[] b, int p) {
        if (zero(b, p, 16)) {
            return ZERO_UUID;
        }
        char[] out = new char[36];
        int o = 0;
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                out[o++] = '-';
            }
            int v = b[p + i] & 0xFF;
            out[o++] = HEX[v >>> 4];
            out[o++] = HEX[v & 0xF];
        }
        return new String(out);
    }

    public static String mac(byte[] b, int p) {
        char[] out = new char[17];
        for (int i = 0; i < 6; i++) {
            int v = b[p + i] & 0xFF;
            out[3 * i] = HEX[v >>> 4];
            out[3 * i + 1] = HEX[v & 0xF];
            if (i < 5) {
                out[3 * i + 2] = ':';
            }
        }
        return new String(out);
    }

    /**
     * Text of a byte range: UTF-8 with every NUL removed; bytes that are not valid UTF-8 come back
     * as lowercase hex (eNcore's rule, so that binary data is never mangled into replacement chars).
     */
    public static String text(byte[] b, int off, int len) {
        boolean ascii = true;
        boolean nul = false;
        for (int i = off, end = off + len; i < end; i++) {
            byte c = b[i];
            if (c < 0) {
                ascii = false;
            } else if (c == 0) {
                nul = true;
            }
        }
        String s;
        if (ascii) {
            s = new String(b, off, len, StandardCharsets.ISO_8859_1);
        } else {
            try {
                s = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, off, len)).toString();
            } catch (CharacterCodingException e) {
                return hex(b, off, len);
            }
        }
        return nul ? s.replace("\0", "") : s;
    }
}
