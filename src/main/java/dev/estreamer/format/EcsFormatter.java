package dev.estreamer.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;
import dev.estreamer.record.Family;
import dev.estreamer.record.Record;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Elastic Common Schema documents, one per record (see docs/elastic.md for the field table).
 *
 * <p>The initiator of a flow is {@code source}, the responder {@code destination}; {@code @timestamp}
 * is the event time; anything without an ECS home goes under {@code cisco.firepower.*} with the names
 * enrichment resolved (a name wins over the id it came from). Every record family lands in one data
 * stream, {@code logs-cisco_firepower.<family>-<namespace>}: {@link #dataStream(Record)}.
 */
public final class EcsFormatter implements Formatter {
    /** The ECS version the documents follow (the one Elastic's own Firepower package stamps). */
    public static final String ECS_VERSION = "8.17.0";
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9_]{1,100}");
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final ThreadLocal<ByteArrayBuilder> BUFFER = ThreadLocal.withInitial(() -> new ByteArrayBuilder(4096));

    private final String namespace;

    /** @throws IllegalArgumentException when the namespace is not a valid data stream namespace */
    public EcsFormatter(String namespace) {
        if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("namespace must be 1-100 characters of a-z, 0-9 and _ (no '-'), got \""
                    + namespace + "\"");
        }
        this.namespace = namespace;
    }

    /** Documents for the {@code default} namespace. */
    public EcsFormatter() {
        this("default");
    }

    public String namespace() {
        return namespace;
    }

    /** The data stream family word of a record family: intrusion, connection, file, malware, correlation, discovery, user or metadata. */
    public static String family(Family family) {
        return switch (family) {
            case INTRUSION, PACKET, EXTRA_DATA, IMPACT -> "intrusion";
            case CONNECTION -> "connection";
            case FILE -> "file";
            case MALWARE -> "malware";
            case CORRELATION -> "correlation";
            case DISCOVERY -> "discovery";
            case USER, VPN -> "user";
            case METADATA, UNKNOWN -> "metadata";
        };
    }

    /** {@code event.dataset} and {@code data_stream.dataset}, e.g. {@code cisco_firepower.intrusion}. */
    public static String dataset(Family family) {
        return "cisco_firepower." + family(family);
    }

    /** The data stream this record's document is written to, e.g. {@code logs-cisco_firepower.connection-default}. */
    public String dataStream(Record record) {
        return "logs-" + dataset(record.family()) + "-" + namespace;
    }

    @Override
    public byte[] format(Record record) {
        EcsDocument doc = new EcsMapping(record).map();
        doc.put("data_stream.type", "logs");
        doc.put("data_stream.dataset", dataset(record.family()));
        doc.put("data_stream.namespace", namespace);
        ByteArrayBuilder out = BUFFER.get();
        out.reset();
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            doc.write(g);
        } catch (IOException e) {
            throw new EstreamerException(Stage.FORMAT, "cannot render record " + record.recordType() + " as ECS", e);
        }
        return out.toByteArray();
    }
}
