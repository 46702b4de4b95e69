package dev.estreamer.decode;

import dev.estreamer.record.FieldNames;
import dev.estreamer.record.Fields;
import dev.estreamer.record.Family;
import dev.estreamer.record.Record;
import dev.estreamer.record.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static dev.estreamer.decode.Primitives.u16;
import static dev.estreamer.decode.Primitives.u32;
import static dev.estreamer.decode.Primitives.u64;

/**
 * Turns one EventData payload (record header + body) into a {@link Record} with the catalogue.
 *
 * <p>Never throws: bytes that do not fit come back as a MALFORMED record, unknown record or block types
 * as UNKNOWN_TYPE, both with the body kept as hex. Blocks longer than their layout are skipped by their
 * length so a newer FMC never shifts the fields that follow. Thread-safe.
 */
public final class RecordDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(RecordDecoder.class);
    static final FieldNames STRING_NAMES = FieldNames.of("blockType", "blockLength", "data");
    static final FieldNames LIST_NAMES = FieldNames.of("listType", "listLength", "items");
    static final FieldNames RAW_BLOCK_NAMES = FieldNames.of("blockType", "blockLength", "rawData");
    private static final FieldNames RAW_NAMES = FieldNames.of("rawBody");
    private static final FieldNames MALFORMED_NAMES = FieldNames.of("rawBody", "decodeError");
    private static final int LOGGED_BYTES = 256;
    /** An empty series-1 string block; Fields are immutable, so every empty one can be this one. */
    private static final Fields EMPTY_STRING = new Fields(STRING_NAMES, new Object[] {0L, 8L, ""});
    /** Boxed small values (lengths, ports, ids, counts) shared instead of allocated for every field. */
    private static final Long[] SMALL = new Long[4096];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = (long) i;
        }
    }

    private static Long boxed(long v) {
        return v >= 0 && v < SMALL.length ? SMALL[(int) v] : Long.valueOf(v);
    }

    private final Catalogue catalogue;
    private final DecodeStats stats = new DecodeStats();
    private final Set<String> loggedOnce = ConcurrentHashMap.newKeySet();

    public RecordDecoder(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A decoder over the catalogue shipped in the JAR. */
    public RecordDecoder() {
        this(Catalogue.standard());
    }

    public DecodeStats stats() {
        return stats;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** Decodes one EventData payload; never throws, never returns null. */
    public Record decode(byte[] payload) {
        Record.Header header = Record.Header.NONE;
        int bodyStart = 0;
        try {
            if (payload == null) {
                payload = new byte[0];
            }
            if (payload.length < 8) {
                return malformed(header, payload, 0, "payload of " + payload.length + " bytes has no record header");
            }
            long word = u32(payload, 0);
            int type = (int) (word & 0xFFFF);
            int netmap = (int) ((word >>> 16) & 0x7FFF);
            long recordLength = u32(payload, 4);
            int bodyEnd;
            if (payload.length == 16 + recordLength) {
                header = new Record.Header(type, netmap, recordLength, true, u32(payload, 8), u32(payload, 12));
                bodyStart = 16;
                bodyEnd = payload.length;
            } else if (payload.length == 8 + recordLength) {
                header = new Record.Header(type, netmap, recordLength, false, 0, 0);
                bodyStart = 8;
                bodyEnd = payload.length;
            } else if (payload.length == recordLength) {
                // Some old servers put the header in the record length (PERL's get_record tolerates it)
                header = new Record.Header(type, netmap, recordLength, false, 0, 0);
                bodyStart = 8;
                bodyEnd = payload.length;
            } else {
                header = new Record.Header(type, netmap, recordLength, false, 0, 0);
                return malformed(header, payload, 8, "record length " + recordLength + " does not fit a payload of "
                        + payload.length + " bytes (expected " + (recordLength + 8) + " or " + (recordLength + 16) + ")");
            }
            RecordDef def = catalogue.def(type);
            if (def == null) {
                return unknown(header, payload, bodyStart, "record type " + type, null);
            }
            Layout layout = def.single;
            if (layout == null) {
                int at = bodyStart + def.mergeOffset;
                if (at + 8 > bodyEnd) {
                    return malformed(header, payload, bodyStart, "record " + type + " ends before its block at body offset "
                            + def.mergeOffset);
                }
                long blockType = u32(payload, at);
                layout = def.variant(blockType);
                if (layout == null) {
                    return unknown(header, payload, bodyStart, "block " + blockType + " in record type " + type, def);
                }
            }
            Object[] values = new Object[layout.names().size()];
            int end = fields(layout, payload, bodyStart, bodyEnd, values, 0);
            if (end < bodyEnd) {
                extended("record:" + type, bodyEnd - bodyStart, end - bodyStart);
            }
            stats.countDecoded();
            return new Record(header, def.type.name(), def.type.category(), def.type.family(), Status.DECODED,
                    new Fields(layout.names(), values), payload);
        } catch (Malformed e) {
            return malformed(header, payload, bodyStart, e.getMessage());
        } catch (RuntimeException e) {
            // a layout bug must not stop the stream: report the record, keep going
            return malformed(header, payload, bodyStart, "decoder error: " + e);
        }
    }

    private int fields(Layout layout, byte[] b, int p, int end, Object[] out, int base) throws Malformed {
        for (Step s : layout.steps()) {
            switch (s.kind()) {
                case U8 -> {
                    need(p, 1, end, s);
                    out[base + s.slot()] = SMALL[b[p] & 0xFF];
                    p += 1;
                }
                case U16 -> {
                    need(p, 2, end, s);
                    out[base + s.slot()] = boxed(u16(b, p));
                    p += 2;
                }
                case U32 -> {
                    need(p, 4, end, s);
                    out[base + s.slot()] = boxed(u32(b, p));
                    p += 4;
                }
                case U64 -> {
                    need(p, 8, end, s);
                    out[base + s.slot()] = boxed(u64(b, p));
                    p += 8;
                }
                case IPV4 -> {
                    need(p, 4, end, s);
                    out[base + s.slot()] = Primitives.ipv4(b, p);
                    p += 4;
                }
                case IPV6 -> {
                    need(p, 16, end, s);
                    out[base + s.slot()] = Primitives.ipv6(b, p);
                    p += 16;
                }
                case UUID -> {
                    need(p, 16, end, s);
                    out[base + s.slot()] = Primitives.uuid(b, p);
                    p += 16;
                }
                case MAC -> {
                    need(p, 6, end, s);
                    out[base + s.slot()] = Primitives.mac(b, p);
                    p += 6;
                }
                case HEX -> {
                    need(p, s.size(), end, s);
                    out[base + s.slot()] = Primitives.hex(b, p, s.size());
                    p += s.size();
                }
                case SKIP -> {
                    need(p, s.size(), end, s);
                    p += s.size();
                }
                case STRING, BLOB -> p = stringBlock(s, b, p, end, out, base);
                case TEXT, BYTES -> p = sized(s, b, p, end, out, base);
                case BLOCK -> p = nestedBlock(s, b, p, end, out, base);
                case LIST -> p = list(s, b, p, end, out, base);
                case MERGED -> p = block(s.nested(), b, p, end, out, base + s.slot(), s);
                case REST -> {
                    out[base + s.slot()] = Primitives.hex(b, p, end - p);
                    p = end;
                }
                default -> throw new IllegalStateException("unhandled kind " + s.kind());
            }
        }
        return p;
    }

    // The kinds below are written out of fields() so that its loop, run for every field of every record, stays
    // small: C2 then compiles it the same way from one JVM to the next.

    /** The length of the series-1 header (type, length) at {@code p}: at least the header, at most what is left. */
    private static long headerLength(Step s, String what, byte[] b, int p, int end) throws Malformed {
        need(p, 8, end, s);
        long length = u32(b, p + 4);
        if (length < 8 || length > end - p) {
            throw new Malformed(s.name() + ": " + what + " length " + length + " at offset " + p + " outside 8.."
                    + (end - p));
        }
        return length;
    }

    private static int stringBlock(Step s, byte[] b, int p, int end, Object[] out, int base) throws Malformed {
        long length = headerLength(s, "string block", b, p, end);
        long type = u32(b, p);
        int n = (int) length - 8;
        if (n == 0 && type == 0) {
            out[base + s.slot()] = EMPTY_STRING; // most string fields of an event are unused
        } else {
            String data = s.kind() == Kind.STRING ? Primitives.text(b, p + 8, n) : Primitives.hex(b, p + 8, n);
            out[base + s.slot()] = new Fields(STRING_NAMES, new Object[] {boxed(type), boxed(length), data});
        }
        return p + (int) length;
    }

    /** TEXT/BYTES: as many bytes as an earlier field of the layout says. */
    private static int sized(Step s, byte[] b, int p, int end, Object[] out, int base) throws Malformed {
        long n = (Long) out[base + s.lenSlot()];
        if (n > end - p) {
            throw new Malformed(s.name() + ": length " + n + " at offset " + p + " exceeds the "
                    + (end - p) + " bytes left");
        }
        out[base + s.slot()] = s.kind() == Kind.TEXT ? Primitives.text(b, p, (int) n) : Primitives.hex(b, p, (int) n);
        return p + (int) n;
    }

    private int nestedBlock(Step s, byte[] b, int p, int end, Object[] out, int base) throws Malformed {
        Layout nested = s.nested();
        if (otherBlock(nested, b, p, end)) {
            out[base + s.slot()] = rawBlock(nested, b, p, end, s);
            return p + (int) u32(b, p + 4);
        }
        Object[] values = new Object[nested.names().size()];
        int next = block(nested, b, p, end, values, 0, s);
        out[base + s.slot()] = new Fields(nested.names(), values);
        return next;
    }

    private int list(Step s, byte[] b, int p, int end, Object[] out, int base) throws Malformed {
        long length = headerLength(s, "list", b, p, end);
        long type = u32(b, p);
        int listEnd = p + (int) length;
        List<Object> items = new ArrayList<>();
        int q = p + 8;
        Layout item = s.nested();
        while (q < listEnd) {
            if (otherBlock(item, b, q, listEnd)) {
                items.add(rawBlock(item, b, q, listEnd, s));
                q += (int) u32(b, q + 4);
                continue;
            }
            Object[] values = new Object[item.names().size()];
            q = block(item, b, q, listEnd, values, 0, s);
            items.add(new Fields(item.names(), values));
        }
        out[base + s.slot()] = new Fields(LIST_NAMES, new Object[] {boxed(type), boxed(length), List.copyOf(items)});
        return listEnd;
    }

    /** Decodes a block bounded by its own length; bytes beyond the known fields are skipped. */
    private int block(Layout layout, byte[] b, int p, int end, Object[] out, int base, Step owner) throws Malformed {
        need(p, 8, end, owner);
        long type = u32(b, p);
        long length = u32(b, p + 4);
        if (length < 8 || length > end - p) {
            throw new Malformed("block " + layout.id() + " (" + owner.name() + "): length " + length + " at offset " + p
                    + " outside 8.." + (end - p));
        }
        out[base] = boxed(type);
        out[base + 1] = boxed(length);
        int blockEnd = p + (int) length;
        int q = fields(layout, b, p + 8, blockEnd, out, base);
        if (q < blockEnd) {
            extended(layout.id(), (int) length, q - p);
        }
        return blockEnd;
    }

    /** True when the block at p has a well-formed header but another type than the one declared here. */
    private static boolean otherBlock(Layout expected, byte[] b, int p, int end) {
        if (end - p < 8) {
            return false; // block() reports the short read
        }
        long length = u32(b, p + 4);
        return u32(b, p) != expected.blockType() && length >= 8 && length <= end - p;
    }

    /** A block of a type the catalogue does not expect here: kept as hex, skipped by its length. */
    private Fields rawBlock(Layout expected, byte[] b, int p, int end, Step owner) {
        long type = u32(b, p);
        long length = u32(b, p + 4);
        String key = expected.series() + ":" + type + " in " + owner.name();
        stats.countUnexpectedBlock(key);
        if (loggedOnce.add("block " + key)) {
            LOG.warn("block type {} where {} expects {}: kept as hex and skipped by its length (logged once)",
                    type, owner.name(), expected.id());
        }
        return new Fields(RAW_BLOCK_NAMES, new Object[] {type, length, Primitives.hex(b, p + 8, (int) length - 8)});
    }

    private void extended(String id, int length, int known) {
        if (stats.countExtended(id + "/" + length)) {
            LOG.info("{} is {} bytes, the catalogue layout ends at {}: decoded the known fields and skipped {} bytes"
                    + " (newer FMC version?)", id, length, known, length - known);
        }
    }

    private static void need(int p, int n, int end, Step s) throws Malformed {
        if (n > end - p) {
            throw new Malformed(s.name() + ": needs " + n + " bytes at offset " + p + ", " + (end - p) + " left");
        }
    }

    private Record unknown(Record.Header header, byte[] payload, int bodyStart, String what, RecordDef def) {
        stats.countUnknownType();
        if (loggedOnce.add("unknown " + what)) {
            LOG.warn("{} is not in the catalogue: records of it are passed on with the body as hex (logged once)", what);
        }
        String name = def == null ? "Unknown" : def.type.name();
        String category = def == null ? "UNKNOWN" : def.type.category();
        Family family = def == null ? Family.UNKNOWN : def.type.family();
        return new Record(header, name, category, family, Status.UNKNOWN_TYPE,
                new Fields(RAW_NAMES, new Object[] {Primitives.hex(payload, bodyStart, payload.length - bodyStart)}),
                payload);
    }

    private Record malformed(Record.Header header, byte[] payload, int bodyStart, String why) {
        stats.countMalformed();
        if (loggedOnce.add("malformed " + header.recordType())) {
            LOG.warn("malformed record (type {}): {}; first {} bytes: {} (logged once per record type)",
                    header.recordType(), why, Math.min(LOGGED_BYTES, payload.length),
                    Primitives.hex(payload, 0, Math.min(LOGGED_BYTES, payload.length)));
        } else {
            LOG.debug("malformed record (type {}): {}", header.recordType(), why);
        }
        RecordDef def = header == Record.Header.NONE ? null : catalogue.def(header.recordType());
        String name = def == null ? "Unknown" : def.type.name();
        String category = def == null ? "UNKNOWN" : def.type.category();
        Family family = def == null ? Family.UNKNOWN : def.type.family();
        return new Record(header, name, category, family, Status.MALFORMED,
                new Fields(MALFORMED_NAMES, new Object[] {
                        Primitives.hex(payload, bodyStart, payload.length - bodyStart), why}), payload);
    }
}
