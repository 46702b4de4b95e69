package dev.estreamer.pipeline;

import dev.estreamer.format.EcsFormatter;
import dev.estreamer.format.Formatter;
import dev.estreamer.record.Record;
import dev.estreamer.sink.elastic.ElasticDocument;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The ECS formatter of an Elasticsearch output: wraps each document with its data stream and a
 * deterministic {@code _id} (SHA-256 over the FMC identity and the record's bytes, 160 bits in
 * base64url), so a replay after a crash creates 409 duplicates instead of second copies.
 */
public final class ElasticRouting implements Formatter {
    private final EcsFormatter ecs;
    private final byte[] fmc;

    /** @param fmcIdentity what tells this FMC apart from the others, e.g. {@code host:port} */
    public ElasticRouting(EcsFormatter ecs, String fmcIdentity) {
        this.ecs = ecs;
        this.fmc = (fmcIdentity + "\u0000").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] format(Record record) {
        byte[] source = ecs.format(record);
        return source == null ? null : new ElasticDocument(ecs.dataStream(record), id(record.raw()), source).encode();
    }

    String id(byte[] raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(fmc);
            sha.update(raw);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha.digest(), 20));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
