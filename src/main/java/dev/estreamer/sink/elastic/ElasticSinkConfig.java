package dev.estreamer.sink.elastic;

import dev.estreamer.sink.Observer;
import dev.estreamer.sink.SinkException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Settings of an {@link ElasticSink}, filled in by the pipeline from the configuration file. Secrets
 * are already resolved here and never appear in {@link #toString()}.
 *
 * @param tls the SSL context for https hosts (see {@link ElasticTls}), or null for the JVM default
 */
public record ElasticSinkConfig(List<String> hosts, String apiKey, String username, String password, SSLContext tls,
                                boolean compression, Duration timeout, int bulkMaxSize, int bulkMaxBytes, int workers,
                                Path deadLetterFile, Observer observer) {

    /** Defaults close to Beats': 1,600 documents or 5 MiB per request, one request in flight, 90 s timeout. */
    public static ElasticSinkConfig defaults(List<String> hosts, Path deadLetterFile) {
        return new ElasticSinkConfig(hosts, null, null, null, null, false, Duration.ofSeconds(90), 1600,
                5 * 1024 * 1024, 1, deadLetterFile, Observer.NONE);
    }

    public ElasticSinkConfig withAuth(String apiKey, String username, String password) {
        return new ElasticSinkConfig(hosts, apiKey, username, password, tls, compression, timeout, bulkMaxSize,
                bulkMaxBytes, workers, deadLetterFile, observer);
    }

    public ElasticSinkConfig withTls(SSLContext tls) {
        return new ElasticSinkConfig(hosts, apiKey, username, password, tls, compression, timeout, bulkMaxSize,
                bulkMaxBytes, workers, deadLetterFile, observer);
    }

    public ElasticSinkConfig withBulk(int maxSize, int maxBytes, int workers, boolean compression, Duration timeout) {
        return new ElasticSinkConfig(hosts, apiKey, username, password, tls, compression, timeout, maxSize,
                maxBytes, workers, deadLetterFile, observer);
    }

    public ElasticSinkConfig withObserver(Observer observer) {
        return new ElasticSinkConfig(hosts, apiKey, username, password, tls, compression, timeout, bulkMaxSize,
                bulkMaxBytes, workers, deadLetterFile, observer);
    }

    /** @throws SinkException naming the first bad setting */
    public ElasticSinkConfig validate() {
        if (hosts == null || hosts.isEmpty()) {
            throw new SinkException("elasticsearch: at least one host is needed");
        }
        for (String h : hosts) {
            if (!h.matches("https?://[^/\\s]+/?")) {
                throw new SinkException("elasticsearch host must be http://host:port or https://host:port, got \"" + h + "\"");
            }
        }
        if (bulkMaxSize < 1 || bulkMaxBytes < 1024 || workers < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new SinkException("elasticsearch: bulkMaxSize, workers and timeout must be positive, bulkMaxBytes at least 1024");
        }
        if (deadLetterFile == null) {
            throw new SinkException("elasticsearch: a dead-letter file is needed");
        }
        if (apiKey != null && username != null) {
            throw new SinkException("elasticsearch: use an API key or a username and password, not both");
        }
        return this;
    }

    public ElasticSink build() {
        validate();
        return new ElasticSink(this);
    }

    /** The https URL of an Elastic Cloud id ({@code name:base64(host$es-uuid$kibana-uuid)}). */
    public static String cloudHost(String cloudId) {
        int colon = cloudId.indexOf(':');
        String encoded = colon < 0 ? cloudId : cloudId.substring(colon + 1);
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SinkException("elasticsearch cloudId is not name:base64 (" + e.getMessage() + ")");
        }
        String[] parts = decoded.split("\\$");
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new SinkException("elasticsearch cloudId does not decode to host$es-uuid$kibana-uuid");
        }
        String host = parts[0];
        String port = "443";
        int p = host.lastIndexOf(':');
        if (p > 0) {
            port = host.substring(p + 1);
            host = host.substring(0, p);
        }
        return "https://" + parts[1] + "." + host + ":" + port;
    }

    @Override
    public String toString() {
        return "ElasticSinkConfig[hosts=" + hosts + ", auth=" + (apiKey != null ? "api key" : username != null
                ? "basic " + username : "none") + ", workers=" + workers + ", bulkMaxSize=" + bulkMaxSize + "]";
    }
}
