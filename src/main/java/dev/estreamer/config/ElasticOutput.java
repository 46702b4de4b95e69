package dev.estreamer.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Options of an {@code elasticsearch://} outputter ({@code handler.outputters[].elasticsearch.*}).
 * Secrets are references ({@code env:NAME} or {@code file:PATH}), resolved only when the sink is built.
 *
 * @param hosts base URLs, e.g. {@code https://es1:9200}
 * @param cloudId Elastic Cloud id (replaces hosts), or null
 * @param apiKey reference to the API key, or null
 * @param username basic-auth user, or null
 * @param password reference to the basic-auth password, or null
 * @param caFile PEM file of the CA(s) to trust, or null
 * @param caFingerprint SHA-256 (hex) of a certificate in the server's chain to trust, or null
 * @param deadLetterFile where permanently refused documents go, or null for the data directory's default
 * @param flushTimeout how long a partial batch waits for more events (zero: sent when the pipeline is idle)
 */
public record ElasticOutput(List<String> hosts, String cloudId, String namespace, String apiKey, String username,
                            String password, Path caFile, String caFingerprint, int bulkMaxSize, int bulkMaxBytes,
                            int workers, boolean compression, Duration timeout, boolean setup, String retention,
                            Path deadLetterFile, Duration flushTimeout) {

    @Override
    public String toString() {
        return "ElasticOutput[hosts=" + hosts + ", namespace=" + namespace + "]"; // never the secret references
    }
}
