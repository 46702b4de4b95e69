package dev.estreamer.decode;

import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;
import dev.estreamer.record.Fields;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Builds EventData payloads from catalogue field values: the inverse of {@link RecordDecoder}, used by the
 * simulator's synthetic generator and by round-trip tests.
 *
 * <p>Missing fields default to zero, empty strings, the zero UUID and {@code ::}. Block, string, record
 * and id-length-name lengths are computed, never taken from the map. The record's block type is chosen by a
 * {@code blockType} entry (e.g. 160…174 for record 71); without it the catalogue's first one is used.
 */
public final class RecordEncoder {
    private static final HexFormat HEX = HexFormat.of();
    private final Catalogue catalogue;

    public RecordEncoder(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public RecordEncoder() {
        this(Catalogue.standard());
    }

    /**
     * @param body field name → value: Number for integers, String for text/addresses/UUIDs/MACs/hex;
     *             a string block may be a String or a map/Fields with "data"
     * @throws EstreamerException (DECODE) for an unknown record or block type or an unparsable value
     */
    public byte[] encode(int recordType, Map<String, ?> body, boolean archiveHeader, long archiveTimestamp) {
        RecordDef def = catalogue.def(recordType);
        if (def == null) {
            throw new EstreamerException(Stage.DECODE, "record type " + recordType + " is not in the catalogue");
        }
        Layout layout = def.single;
        if (layout == null) {
            Object chosen = body.get("blockType");
            long blockType = chosen instanceof Number n ? n.longValue() : def.variantTypes[0];
            layout = def.variant(blockType);
            if (layout == null) {
                throw new EstreamerException(Stage.DECODE, "record type " + recordType + " carries blocks "
                        + def.type.blockTypes() + ", not " + blockType);
            }
        }
        Out out = new Out(512);
        out.u32(recordType & 0xFFFFL);
        out.u32(0);
        if (archiveHeader) {
            out.u32(archiveTimestamp);
            out.u32(0);
        }
        int bodyStart = out.size;
        try {
            fields(layout, body, out);
        } catch (IllegalArgumentException | UnknownHostException | ClassCastException e) {
            throw new EstreamerException(Stage.DECODE, "record " + recordType + ": " + e.getMessage(), e);
        }
        out.patchU32(4, out.size - bodyStart);
        return out.toArray();
    }

    private void fields(Layout layout, Map<String, ?> m, Out out) throws UnknownHostException {
        Step[] steps = layout.steps();
        for (Step s : steps) {
            Object v = s.slot() >= 0 && s.kind() != Kind.MERGED ? m.get(s.name()) : null;
            if (s.slot() >= 0 && s.slot() < layout.lengthOwner().length && layout.lengthOwner()[s.slot()] >= 0
                    && s.kind() != Kind.MERGED) {
                Step owner = steps[layout.lengthOwner()[s.slot()]];
                v = (long) variableBytes(owner, m.get(owner.name())).length;
            }
            switch (s.kind()) {
                case U8 -> out.u8(number(v));
                case U16 -> out.u16(number(v));
                case U32 -> out.u32(number(v));
                case U64 -> {
                    out.u32(number(v) >>> 32);
                    out.u32(number(v));
                }
                case IPV4 -> out.bytes(ipv4(v == null ? "0.0.0.0" : v.toString()));
                case IPV6 -> out.bytes(ipv6(v == null ? "" : v.toString()));
                case UUID -> out.bytes(v == null ? new byte[16] : HEX.parseHex(v.toString().replace("-", "")), 16, s);
                case MAC -> out.bytes(v == null ? new byte[6] : HEX.parseHex(v.toString().replace(":", "")), 6, s);
                case HEX -> out.bytes(v == null ? new byte[s.size()] : HEX.parseHex(v.toString()), s.size(), s);
                case SKIP -> out.bytes(new byte[s.size()]);
                case STRING, BLOB -> {
                    Object data = v instanceof Map<?, ?> map ? map.get("data") : v instanceof Fields f ? f.get("data") : v;
                    byte[] bytes = data == null ? new byte[0] : s.kind() == Kind.STRING
                            ? data.toString().getBytes(StandardCharsets.UTF_8) : HEX.parseHex(data.toString());
                    out.u32(s.kind() == Kind.STRING ? 0 : 10);
                    out.u32(8L + bytes.length);
                    out.bytes(bytes);
                }
                case TEXT, BYTES -> out.bytes(variableBytes(s, v));
                case BLOCK -> block(s.nested(), map(v), out);
                case LIST -> {
                    Object items = v instanceof List<?> ? v : map(v).get("items");
                    int start = out.size;
                    out.u32(11);
                    out.u32(0);
                    if (items instanceof List<?> list) {
                        for (Object item : list) {
                            block(s.nested(), map(item), out);
                        }
                    }
                    out.patchU32(start + 4, out.size - start);
                }
                case MERGED -> block(s.nested(), m, out);
                case REST -> out.bytes(v == null ? new byte[0] : HEX.parseHex(v.toString()));
                default -> throw new IllegalStateException("unhandled kind " + s.kind());
            }
        }
    }

    private void block(Layout layout, Map<String, ?> m, Out out) throws UnknownHostException {
        int start = out.size;
        out.u32(layout.blockType());
        out.u32(0);
        fields(layout, m, out);
        out.patchU32(start + 4, out.size - start);
    }

    private static byte[] variableBytes(Step s, Object v) {
        if (v == null) {
            return new byte[0];
        }
        return s.kind() == Kind.TEXT ? v.toString().getBytes(StandardCharsets.UTF_8) : HEX.parseHex(v.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> map(Object v) {
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Fields f) {
            return f.toMap();
        }
        return (Map<String, ?>) v;
    }

    private static long number(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        return Long.parseUnsignedLong(v.toString());
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(parts[i]);
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            b[i] = (byte) v;
        }
        return b;
    }

    /** 16 bytes of an IPv6 literal; a dotted IPv4 becomes IPv4-mapped, as the FMC sends it. */
    static byte[] ipv6(String text) throws UnknownHostException {
        byte[] out = new byte[16];
        if (text.isEmpty()) {
            return out;
        }
        if (text.indexOf(':') < 0) {
            out[10] = (byte) 0xFF;
            out[11] = (byte) 0xFF;
            System.arraycopy(ipv4(text), 0, out, 12, 4);
            return out;
        }
        // a literal with ':' is parsed, never resolved
        InetAddress address = InetAddress.getByName(text);
        if (address instanceof Inet4Address) {
            out[10] = (byte) 0xFF;
            out[11] = (byte) 0xFF;
            System.arraycopy(address.getAddress(), 0, out, 12, 4);
            return out;
        }
        return address.getAddress();
    }

    /** A growable big-endian byte buffer with back-patching for lengths. */
    private static final class Out {
        private byte[] buf;
        private int size;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        private void ensure(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        void u8(long v) {
            ensure(1);
            buf[size++] = (byte) v;
        }

        void u16(long v) {
            ensure(2);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        void u32(long v) {
            ensure(4);
            patchU32(size, v);
            size += 4;
        }

        void patchU32(int at, long v) {
            buf[at] = (byte) (v >>> 24);
            buf[at + 1] = (byte) (v >>> 16);
            buf[at + 2] = (byte) (v >>> 8);
            buf[at + 3] = (byte) v;
        }

        void bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        void bytes(byte[] b, int expected, Step s) {
            if (b.length != expected) {
                throw new IllegalArgumentException(s.name() + " needs " + expected + " bytes, got " + b.length);
            }
            bytes(b);
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, size);
        }
    }
}
