package dev.estreamer.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;
import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;

import java.io.IOException;
import java.util.List;

/**
 * The JSON formatter as it was before its hand-tuned writer: Jackson's generator for every token. Kept as the
 * reference the fast one must match byte for byte.
 */
final class JacksonReferenceFormatter implements Formatter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    // one growing buffer per thread: formatting runs on a few pipeline threads, each many times a second
    private static final ThreadLocal<ByteArrayBuilder> BUFFER = ThreadLocal.withInitial(() -> new ByteArrayBuilder(2048));

    @Override
    public byte[] format(Record record) {
        ByteArrayBuilder out = BUFFER.get();
        out.reset();
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("recordType", record.recordType());
            g.writeNumberField("recordLength", record.recordLength());
            g.writeNumberField("archiveTimestamp", record.archiveTimestamp());
            g.writeNumberField("checksum", record.checksum());
            writeFields(g, record.fields());
            g.writeObjectFieldStart("@computed");
            g.writeStringField("recordTypeCategory", record.category());
            g.writeStringField("recordTypeDescription", record.name());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new EstreamerException(Stage.FORMAT, "cannot render record " + record.recordType() + " as JSON", e);
        }
        return out.toByteArray();
    }

    private static void writeFields(JsonGenerator g, Fields fields) throws IOException {
        for (int i = 0, n = fields.size(); i < n; i++) {
            Object v = fields.value(i);
            if (v == null) {
                continue;
            }
            g.writeFieldName(fields.name(i));
            writeValue(g, v);
        }
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Long l) {
            if (l < 0) {
                g.writeNumber(Long.toUnsignedString(l)); // u64 above Long.MAX_VALUE
            } else {
                g.writeNumber(l);
            }
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Fields f) {
            g.writeStartObject();
            writeFields(g, f);
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Number num) {
            g.writeNumber(num.longValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }
}
