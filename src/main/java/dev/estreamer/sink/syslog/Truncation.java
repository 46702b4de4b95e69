package dev.estreamer.sink.syslog;

import java.util.Arrays;

/**
 * Shortens a message to a byte limit at a field boundary: a pure function on bytes, so the sink needs no
 * knowledge of the format. The cut is made before the last space that starts a {@code key=} pair and ends the
 * text before the limit; failing that, at the last unescaped space; failing that, at the limit itself. The cut
 * never splits a UTF-8 character and never leaves a dangling escape backslash.
 */
public final class Truncation {
    private Truncation() {
    }

    /** The message itself when it fits, else a shorter copy of at most {@code max} bytes. */
    public static byte[] cut(byte[] message, int max) {
        if (message.length <= max) {
            return message;
        }
        int fieldSpace = -1;
        int anySpace = -1;
        for (int i = max; i > 0; i--) {
            if (message[i] == ' ' && !escaped(message, i)) {
                if (anySpace < 0) {
                    anySpace = i;
                }
                if (startsKey(message, i + 1)) {
                    fieldSpace = i;
                    break;
                }
            }
        }
        int end = fieldSpace > 0 ? fieldSpace : anySpace > 0 ? anySpace : max;
        end = characterBoundary(message, end);
        while (end > 0 && escaped(message, end) && message[end - 1] == '\\') {
            end--; // do not end on the escaping half of "\x"
        }
        return Arrays.copyOf(message, end);
    }

    /** Whether the byte at {@code i} follows an odd number of backslashes. */
    private static boolean escaped(byte[] b, int i) {
        int n = 0;
        for (int j = i - 1; j >= 0 && b[j] == '\\'; j--) {
            n++;
        }
        return (n & 1) == 1;
    }

    /** {@code [A-Za-z0-9_]+=} at {@code p}. */
    private static boolean startsKey(byte[] b, int p) {
        int i = p;
        while (i < b.length && ((b[i] >= 'a' && b[i] <= 'z') || (b[i] >= 'A' && b[i] <= 'Z') || (b[i] >= '0' && b[i] <= '9')
                || b[i] == '_')) {
            i++;
        }
        return i > p && i < b.length && b[i] == '=';
    }

    /** Moves back to the start of a UTF-8 character. */
    private static int characterBoundary(byte[] b, int end) {
        while (end > 0 && end < b.length && (b[end] & 0xC0) == 0x80) {
            end--;
        }
        return end;
    }
}
