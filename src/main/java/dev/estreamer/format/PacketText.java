package dev.estreamer.format;

import java.util.HexFormat;

/**
 * The readable part of a captured packet, as eNcore put it in CEF: the transport payload of an Ethernet/IPv4
 * TCP or UDP frame (the whole frame otherwise), printable ASCII kept and every other byte shown as {@code .}
 * (eNcore dropped them, which shifted the text), cut at a maximum length.
 */
final class PacketText {
    private PacketText() {
    }

    static String payload(long linkType, String hex, int max) {
        if (hex == null || hex.isEmpty() || (hex.length() & 1) != 0) {
            return null;
        }
        byte[] b;
        try {
            b = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null; // not hex: the decoder never produces that
        }
        int start = linkType == 1 ? transportPayload(b) : 0;
        StringBuilder s = new StringBuilder(Math.min(max, b.length - start));
        for (int i = start; i < b.length && s.length() < max; i++) {
            int c = b[i] & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
        }
        return s.toString();
    }

    /** The text of a hex-rendered blob when it is valid UTF-8 (NULs removed), else the hex as it is. */
    static String blobText(String hex) {
        if (hex == null || hex.isEmpty() || (hex.length() & 1) != 0) {
            return hex;
        }
        try {
            byte[] b = HexFormat.of().parseHex(hex);
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b)).toString().replace("\0", "");
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            return hex;
        }
    }

    /** Offset of the TCP/UDP payload in an Ethernet II frame carrying IPv4, else 0. */
    private static int transportPayload(byte[] b) {
        if (b.length < 14 + 20 || (b[12] & 0xFF) != 0x08 || b[13] != 0x00 || (b[14] & 0xF0) != 0x40) {
            return 0;
        }
        int ip = 14;
        int ihl = (b[ip] & 0x0F) * 4;
        int protocol = b[ip + 9] & 0xFF;
        int l4 = ip + ihl;
        if (protocol == 6 && b.length >= l4 + 20) {
            int offset = l4 + ((b[l4 + 12] & 0xF0) >>> 4) * 4;
            return offset <= b.length ? offset : 0;
        }
        if (protocol == 17 && b.length >= l4 + 8) {
            return l4 + 8;
        }
        return 0;
    }
}
