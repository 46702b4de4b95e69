package dev.estreamer.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;
import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splunk key=value, eNcore's {@code splunk} adapter: {@code rec_type=71 event_sec=1606923302 src_ip=… …}.
 *
 * <p>Names are eNcore's (a per-record-type table of raw fields, then the {@code @computed} names, which
 * override a raw value of the same key), so existing searches keep working. The category is written both as
 * {@code rec_type_simple} (eNcore 3.5 and Cisco's dashboards) and {@code rec_type_category} (eNcore 3.8+).
 * A record type eNcore has no table for gets all its raw fields under snake_case names instead of nothing.
 *
 * <p>Unlike eNcore, values cannot forge fields: see {@link KvValue}. Lines are meant for
 * {@code KV_MODE = auto_escaped}.
 */
public final class KvFormatter implements Formatter {
    private static final Tables TABLES = Tables.load();

    @Override
    public byte[] format(Record record) {
        Map<String, Object> pairs = new LinkedHashMap<>();
        Map<String, String> raw = TABLES.records.get(record.recordType());
        if (raw != null) {
            for (Map.Entry<String, String> e : raw.entrySet()) {
                Object v = record.fields().path(e.getKey());
                if (v != null && !(v instanceof Fields) && !(v instanceof List<?>)) {
                    pairs.put(e.getValue(), v);
                }
            }
        } else {
            flatten("", record.fields(), pairs);
        }
        Fields computed = record.computed();
        if (computed.size() == 0) {
            pairs.put("rec_type_desc", record.name());
            category(record.category(), pairs);
        }
        for (int i = 0, n = computed.size(); i < n; i++) {
            String name = computed.name(i);
            Object v = computed.value(i);
            if (v == null) {
                continue;
            }
            if (name.equals("recordTypeCategory")) {
                category(v, pairs);
                continue;
            }
            String key = TABLES.computed.get(name);
            if (key == null) {
                key = KvValue.snake(name);
            }
            if (!key.isEmpty()) {
                pairs.put(key, v);
            }
        }
        StringBuilder out = new StringBuilder(1024);
        out.append("rec_type=").append(record.recordType());
        Object second = pairs.remove("event_sec");
        if (second != null) {
            out.append(" event_sec=");
            KvValue.append(out, second);
        }
        pairs.remove("rec_type");
        for (Map.Entry<String, Object> e : pairs.entrySet()) {
            out.append(' ').append(KvValue.key(e.getKey())).append('=');
            KvValue.append(out, e.getValue());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void category(Object value, Map<String, Object> pairs) {
        pairs.put("rec_type_simple", value);
        pairs.put("rec_type_category", value);
    }

    /** Raw fields of a type without a table: nested blocks as parent_child, string blocks by their text. */
    private static void flatten(String prefix, Fields fields, Map<String, Object> out) {
        for (int i = 0, n = fields.size(); i < n; i++) {
            String name = fields.name(i);
            Object v = fields.value(i);
            if (v == null || name.equals("blockType") || name.equals("blockLength") || name.equals("_")) {
                continue;
            }
            String key = prefix + KvValue.snake(name);
            if (v instanceof Fields f) {
                Object text = f.get("data");
                if (text instanceof String && f.size() <= 3) {
                    out.put(key, text);
                } else {
                    flatten(key + "_", f, out);
                }
            } else if (v instanceof List<?> list) {
                for (int k = 0; k < list.size(); k++) {
                    Object item = list.get(k);
                    if (item instanceof Fields f) {
                        flatten(key + "_" + k + "_", f, out);
                    } else if (item != null) {
                        out.put(key + "_" + k, item);
                    }
                }
            } else {
                out.put(key, v);
            }
        }
    }

    /** The name tables, from the resource {@code splunk-kv.json}. */
    private record Tables(Map<Integer, Map<String, String>> records, Map<String, String> computed) {
        static Tables load() {
            try (InputStream in = KvFormatter.class.getResourceAsStream("splunk-kv.json")) {
                if (in == null) {
                    throw new EstreamerException(Stage.FORMAT, "resource splunk-kv.json is missing from the JAR");
                }
                JsonNode root = new ObjectMapper().readTree(in);
                Map<Integer, Map<String, String>> records = new HashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = root.get("records").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    records.put(Integer.parseInt(e.getKey()), Collections.unmodifiableMap(strings(e.getValue())));
                }
                return new Tables(Map.copyOf(records), Map.copyOf(strings(root.get("computed"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Map<String, String> strings(JsonNode node) {
            Map<String, String> out = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        }
    }
}
