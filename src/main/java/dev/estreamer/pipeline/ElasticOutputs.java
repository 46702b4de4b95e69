package dev.estreamer.pipeline;

import dev.estreamer.config.ConfigException;
import dev.estreamer.config.ElasticOutput;
import dev.estreamer.config.Outputter;
import dev.estreamer.config.StreamUri;
import dev.estreamer.sink.elastic.ElasticHealthCheck;
import dev.estreamer.sink.elastic.ElasticSink;
import dev.estreamer.sink.elastic.ElasticSinkConfig;
import dev.estreamer.sink.elastic.ElasticTls;
import dev.estreamer.sink.elastic.TemplateInstaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Maps an {@code elasticsearch://} outputter's options onto an {@link ElasticSink}, resolving secrets and running set-up. */
public final class ElasticOutputs {
    private static final Logger log = LoggerFactory.getLogger(ElasticOutputs.class);

    private ElasticOutputs() {
    }

    /** The sink's settings; secrets are read from the environment or files here and nowhere else. */
    public static ElasticSinkConfig config(ElasticOutput o, String key, Path dataDirectory, String outputName,
                                           Map<String, String> env) {
        List<String> hosts = o.cloudId() != null ? List.of(ElasticSinkConfig.cloudHost(o.cloudId())) : o.hosts();
        Path dead = o.deadLetterFile() != null ? o.deadLetterFile()
                : dataDirectory.resolve(outputName + "-dead-letter.ndjson");
        ElasticSinkConfig c = ElasticSinkConfig.defaults(hosts, dead)
                .withBulk(o.bulkMaxSize(), o.bulkMaxBytes(), o.workers(), o.compression(), o.timeout())
                .withAuth(secret(o.apiKey(), key + ".elasticsearch.apiKey", env), o.username(),
                        secret(o.password(), key + ".elasticsearch.password", env));
        if (o.caFile() != null) {
            c = c.withTls(ElasticTls.caFile(o.caFile()));
        } else if (o.caFingerprint() != null) {
            c = c.withTls(ElasticTls.fingerprint(o.caFingerprint()));
        }
        return c.validate();
    }

    /** Builds the sink, checks the cluster and, unless disabled, installs the templates. */
    public static ElasticSink sink(ElasticOutput o, String key, Path dataDirectory, String outputName) {
        ElasticSink sink = config(o, key, dataDirectory, outputName, System.getenv()).build();
        ElasticHealthCheck.Health health = new ElasticHealthCheck(sink).check();
        if (health.healthy()) {
            log.info("{}", health.message());
        } else {
            log.warn("{}; events wait until it is back", health.message());
        }
        if (o.setup() && health.healthy()) {
            try {
                TemplateInstaller.of(sink).install(o.retention());
            } catch (RuntimeException e) {
                sink.close();
                throw e;
            }
        } else if (o.setup()) {
            sink.setUpBeforeFirstDocument(o.retention());
            log.warn("Elasticsearch set-up postponed until the cluster answers; no document is sent before it");
        }
        return sink;
    }

    /**
     * Records per pipeline batch: the configured batchSize, raised for an elasticsearch outputter to
     * bulkMaxSize x workers, so that a full batch is one full bulk request per worker (Beats' bulk_max_size).
     */
    public static int batchSize(List<Outputter> outputters, int configured) {
        int batch = configured;
        for (Outputter o : outputters) {
            if (o.uri().scheme() == StreamUri.Scheme.ELASTICSEARCH && o.elasticsearch() != null) {
                batch = Math.max(batch, Math.min(o.elasticsearch().bulkMaxSize() * o.elasticsearch().workers(), 100_000));
            }
        }
        return batch;
    }

    /** How long a partial batch waits for more records: the shortest flushTimeout of the elasticsearch outputters, else zero. */
    public static Duration batchWait(List<Outputter> outputters) {
        Duration wait = null;
        for (Outputter o : outputters) {
            if (o.uri().scheme() == StreamUri.Scheme.ELASTICSEARCH && o.elasticsearch() != null) {
                Duration d = o.elasticsearch().flushTimeout();
                wait = wait == null || d.compareTo(wait) < 0 ? d : wait;
            }
        }
        return wait == null ? Duration.ZERO : wait;
    }

    static String secret(String reference, String key, Map<String, String> env) {
        if (reference == null) {
            return null;
        }
        if (reference.startsWith("env:")) {
            String v = env.get(reference.substring(4));
            if (v == null || v.isEmpty()) {
                throw new ConfigException("configuration", List.of(key + ": environment variable "
                        + reference.substring(4) + " is not set"));
            }
            return v.strip();
        }
        Path file = Path.of(reference.substring(5));
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigException("configuration", List.of(key + ": cannot read " + file + " (" + e.getMessage() + ")"));
        }
    }
}
