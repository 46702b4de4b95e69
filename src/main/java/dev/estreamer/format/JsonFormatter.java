package dev.estreamer.format;

import dev.estreamer.record.FieldNames;
import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * eNcore-shaped JSON, one object per record: header keys, the body in wire order (the record's block
 * merged at top level, string blocks as {blockType, blockLength, data}), then {@code @computed}.
 *
 * <p>Written by {@link JsonBuffer}, byte for byte what Jackson's generator writes (a test holds it to that), with
 * every string escaped so that no value can break out of its string or add a line. It is hand-written because
 * the generator spent most of its time re-encoding the same field names: here each layout's names are encoded
 * once and copied.
 */
public final class JsonFormatter implements Formatter {
    private static final byte[] RECORD_TYPE = ascii("{\"recordType\":");
    private static final byte[] RECORD_LENGTH = ascii(",\"recordLength\":");
    private static final byte[] ARCHIVE_TIMESTAMP = ascii(",\"archiveTimestamp\":");
    private static final byte[] CHECKSUM = ascii(",\"checksum\":");
    private static final byte[] CATEGORY = ascii(",\"@computed\":{\"recordTypeCategory\":");
    private static final byte[] DESCRIPTION = ascii(",\"recordTypeDescription\":");
    private static final byte[] COMPUTED = ascii(",\"@computed\":{");
    private static final byte[] END = ascii("}}");
    /** Each layout's encoded keys, kept with the layout (one array read per record, no map lookup). */
    private static final int KEYS = FieldNames.attachmentSlot();
    // one buffer per thread: formatting runs on a few pipeline threads, each many times a second
    private static final ThreadLocal<JsonBuffer> BUFFER = ThreadLocal.withInitial(JsonBuffer::new);

    @Override
    public byte[] format(Record record) {
        JsonBuffer out = BUFFER.get();
        out.reset();
        out.raw(RECORD_TYPE);
        out.number(record.recordType());
        out.raw(RECORD_LENGTH);
        out.number(record.recordLength());
        out.raw(ARCHIVE_TIMESTAMP);
        out.number(record.archiveTimestamp());
        out.raw(CHECKSUM);
        out.number(record.checksum());
        writeFields(out, record.fields(), true);
        if (record.computed().size() > 0) {
            out.raw(COMPUTED);
            writeFields(out, record.computed(), false);
            out.raw(END);
        } else {
            out.raw(CATEGORY);
            out.string(record.category());
            out.raw(DESCRIPTION);
            out.string(record.name());
            out.raw(END);
        }
        return out.toByteArray();
    }

    /**
     * The fields as {@code "name":value} pairs, each after a comma when {@code comma} or not the first. Numbers
     * and strings, nearly every value, are written here, a run of zeros in one copy; the rest (blocks, lists)
     * through {@link #writeOther}, kept out of line so that this loop stays small enough for the JIT to compile the
     * same way every run.
     */
    private static void writeFields(JsonBuffer out, Fields fields, boolean comma) {
        FieldNames names = fields.names();
        JsonBuffer.Layout layout = layout(names);
        int n = fields.size();
        int i = 0;
        while (i < n) {
            Object v = fields.value(i);
            if (v instanceof Long l) {
                long x = l;
                if (x == 0L) {
                    int to = i + 1;
                    while (to < n && isZero(fields.value(to))) {
                        to++;
                    }
                    out.zeros(layout, i, to, comma);
                    i = to;
                    comma = true;
                    continue;
                }
                out.key(layout, i, comma);
                out.unsignedNumber(x); // u64 above Long.MAX_VALUE is negative in the long
            } else if (v instanceof String s) {
                out.key(layout, i, comma);
                if (names.asciiText(i)) {
                    out.asciiString(layout, i, s);
                } else {
                    out.string(s);
                }
            } else if (v != null) {
                out.key(layout, i, comma);
                writeOther(out, v);
            } else {
                i++;
                continue;
            }
            comma = true;
            i++;
        }
    }

    private static boolean isZero(Object v) {
        return v instanceof Long l && l == 0L;
    }

    private static void writeValue(JsonBuffer out, Object v) {
        if (v instanceof Long l) {
            out.unsignedNumber(l); // u64 above Long.MAX_VALUE is negative in the long
        } else if (v instanceof String s) {
            out.string(s);
        } else {
            writeOther(out, v);
        }
    }

    private static void writeOther(JsonBuffer out, Object v) {
        if (v instanceof Fields f) {
            out.raw((byte) '{');
            writeFields(out, f, false);
            out.raw((byte) '}');
        } else if (v instanceof List<?> list) {
            out.raw((byte) '[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.raw((byte) ',');
                }
                first = false;
                writeValue(out, item);
            }
            out.raw((byte) ']');
        } else if (v instanceof Number num) {
            out.number(num.longValue());
        } else if (v instanceof Boolean b) {
            out.bool(b);
        } else {
            out.string(v.toString());
        }
    }

    private static JsonBuffer.Layout layout(FieldNames names) {
        JsonBuffer.Layout layout = (JsonBuffer.Layout) names.attachment(KEYS);
        if (layout == null) {
            String[] all = new String[names.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = names.name(i);
            }
            layout = new JsonBuffer.Layout(all);
            names.attach(KEYS, layout);
        }
        return layout;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
