package dev.estreamer.wire;

/** Lower-case hex rendering of bytes, for logs and error messages. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    public static String of(byte[] bytes, int offset, int length) {
        char[] out = new char[length * 2];
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xff;
            out[2 * i] = DIGITS[b >>> 4];
            out[2 * i + 1] = DIGITS[b & 0x0f];
        }
        return new String(out);
    }

    /** The first {@code maxBytes} bytes in hex, with a note of how many were left out. */
    public static String prefix(byte[] bytes, int maxBytes) {
        if (bytes.length <= maxBytes) {
            return of(bytes);
        }
        return of(bytes, 0, maxBytes) + "... (" + (bytes.length - maxBytes) + " more bytes)";
    }

    /** Parses hex digits; spaces, colons and underscores between digits are ignored. */
    public static byte[] parse(String text) {
        String digits = text.replaceAll("[\\s:_]", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + digits.length());
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(digits.charAt(2 * i), 16);
            int lo = Character.digit(digits.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not a hex digit at position " + (2 * i));
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }
}
