package dev.estreamer.sink.elastic;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * I/O only: HTTP requests to Elasticsearch through the Java client's {@link Rest5Client} (host
 * round-robin and dead-host skipping, TLS, optional gzip). Every reply, whatever its status, comes back
 * as a {@link Reply}; only a failure to get one throws.
 */
final class ElasticTransport implements AutoCloseable {
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson");

    /** Status and body of one HTTP exchange. */
    record Reply(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Rest5Client client;
    private final String description;

    ElasticTransport(ElasticSinkConfig config) {
        List<String> hosts = config.hosts();
        HttpHost[] nodes = new HttpHost[hosts.size()];
        for (int i = 0; i < nodes.length; i++) {
            URI u = URI.create(hosts.get(i));
            int port = u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 9200;
            nodes[i] = new HttpHost(u.getScheme(), u.getHost(), port);
        }
        Rest5ClientBuilder builder = Rest5Client.builder(nodes)
                .setCompressionEnabled(config.compression())
                .setMetaHeaderEnabled(false)
                .setRequestConfigCallback(b -> b.setResponseTimeout(Timeout.of(config.timeout()))
                        .setConnectionRequestTimeout(Timeout.of(config.timeout())))
                .setConnectionConfigCallback(b -> b.setConnectTimeout(Timeout.ofSeconds(10)))
                // HttpClient would silently re-send a request answered 429 or 503 after 1 s; retries are the
                // pipeline's (exponential backoff, counted, logged), so the client's own are off
                .setHttpClientConfigCallback(b -> b.disableAutomaticRetries())
                .setConnectionManagerCallback(b -> b.setMaxConnPerRoute(config.workers() + 2)
                        .setMaxConnTotal((config.workers() + 2) * nodes.length));
        Header auth = authorization(config);
        if (auth != null) {
            builder.setDefaultHeaders(new Header[] {auth});
        }
        if (config.tls() != null) {
            builder.setSSLContext(config.tls());
        }
        this.client = builder.build();
        this.description = String.join(",", hosts);
    }

    private static Header authorization(ElasticSinkConfig c) {
        if (c.apiKey() != null) {
            return new BasicHeader("Authorization", "ApiKey " + c.apiKey());
        }
        if (c.username() != null) {
            String pair = c.username() + ":" + c.password();
            return new BasicHeader("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return null;
    }

    /** POST /_bulk with an NDJSON body; only the fields the classifier reads come back. */
    Reply bulk(byte[] ndjson) throws IOException {
        Request r = new Request("POST", "/_bulk");
        r.addParameter("filter_path", "errors,items.*.status,items.*.error.type,items.*.error.reason");
        r.setEntity(new ByteArrayEntity(ndjson, NDJSON));
        return perform(r);
    }

    /** Any JSON request (set-up and health); body may be null. */
    Reply request(String method, String path, String json) throws IOException {
        Request r = new Request(method, path);
        if (json != null) {
            r.setJsonEntity(json);
        }
        return perform(r);
    }

    private Reply perform(Request r) throws IOException {
        Response response;
        try {
            response = client.performRequest(r);
        } catch (ResponseException e) {
            response = e.getResponse();
        } catch (SSLException e) {
            throw new IOException("TLS handshake with Elasticsearch at " + description + " failed: " + tlsReason(e), e);
        }
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
        return new Reply(response.getStatusCode(), body);
    }

    /** The most specific sentence in the chain: our trust managers' refusals name the setting to fix. */
    private static String tlsReason(Throwable e) {
        String reason = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException && t.getMessage() != null) {
                return t.getMessage();
            }
            if (t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        return reason;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // nothing left to do with a client that will not close
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
