package dev.estreamer.sink.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.estreamer.sim.ServerTls;
import dev.estreamer.sink.SinkException;
import dev.estreamer.testing.RecordingBatch;
import dev.estreamer.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ElasticSink over HTTPS to a MockWebServer serving a certificate from the test PKI: a CA file or a pinned
 * fingerprint lets it through, a wrong one is refused with a sentence naming the setting, and the
 * Authorization header carries the API key or basic credentials.
 */
@Timeout(60)
class ElasticTlsTest {
    private static TestPki pki;
    private static TestPki otherPki;
    @TempDir
    static Path pkiDir;
    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();

    @BeforeAll
    static void pki() {
        pki = TestPki.create(pkiDir.resolve("es"), b -> b.ellipticCurve(true)); // EC keys: fast to make
        otherPki = TestPki.create(pkiDir.resolve("other"), b -> b.ellipticCurve(true));
    }

    @BeforeEach
    void start() throws Exception {
        SSLContext tls = ServerTls.server(pki.serverKeystore(), pki.password());
        server.useHttps(tls.getSocketFactory());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ElasticSinkConfig https(SSLContext trust) {
        return ElasticSinkConfig.defaults(List.of("https://127.0.0.1:" + server.getPort()), dir.resolve("dead.ndjson"))
                .withBulk(100, 1 << 20, 1, false, Duration.ofSeconds(5)).withTls(trust);
    }

    private static String sha256(byte[] der) throws Exception {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }

    @Test
    void caFileVerifiesTheServerAndTheApiKeyIsSent() throws Exception {
        server.enqueue(ElasticSinkFaultTest.items(201, 201));
        try (ElasticSink sink = https(ElasticTls.caFile(pki.caCertificate())).withAuth("c2VjcmV0LWlkOnNlY3JldC1rZXk=", null, null)
                .build()) {
            RecordingBatch batch = new RecordingBatch(ElasticSinkFaultTest.docs(2));
            sink.publish(batch);
            assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.ACKNOWLEDGED);
        }
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).isNotNull();
        assertThat(r.getHandshake()).as("the request came over TLS").isNotNull();
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("ApiKey c2VjcmV0LWlkOnNlY3JldC1rZXk=");
    }

    @Test
    void aCaFileThatDidNotSignTheServerIsRefusedWithTheFileNamed() {
        try (ElasticSink sink = https(ElasticTls.caFile(otherPki.caCertificate())).build()) {
            RecordingBatch batch = new RecordingBatch(ElasticSinkFaultTest.docs(1));
            sink.publish(batch);
            assertThat(batch.outcome()).as("never acknowledged, retried once trust is fixed").isEqualTo(RecordingBatch.Outcome.RETRIED);
            assertThat(batch.cause().getMessage()).contains("TLS handshake").contains("elasticsearch.caFile")
                    .contains(otherPki.caCertificate().toString()).contains("not signed by a CA");
            ElasticHealthCheck.Health health = new ElasticHealthCheck(sink).check();
            assertThat(health.healthy()).isFalse();
            assertThat(health.message()).contains("elasticsearch.caFile");
        }
        assertThat(server.getRequestCount()).as("nothing reached the untrusted server").isZero();
    }

    @Test
    void aPinnedFingerprintOfTheCaOrTheServerCertificateIsTrusted() throws Exception {
        for (String pin : List.of(sha256(pki.pki().ca().getEncoded()),
                sha256(pki.pki().serverCertificate().getEncoded()).replace(":", "").toLowerCase())) {
            server.enqueue(ElasticSinkFaultTest.items(201));
            try (ElasticSink sink = https(ElasticTls.fingerprint(pin)).withAuth(null, "elastic", "pa55-word").build()) {
                RecordingBatch batch = new RecordingBatch(ElasticSinkFaultTest.docs(1));
                sink.publish(batch);
                assertThat(batch.outcome()).as("pin %s", pin).isEqualTo(RecordingBatch.Outcome.ACKNOWLEDGED);
            }
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(r.getHeaders().get("Authorization")).isEqualTo("Basic ZWxhc3RpYzpwYTU1LXdvcmQ="); // elastic:pa55-word
        }
    }

    @Test
    void aWrongFingerprintIsRefusedWithTheSettingNamed() throws Exception {
        try (ElasticSink sink = https(ElasticTls.fingerprint(sha256(otherPki.pki().ca().getEncoded()))).build()) {
            RecordingBatch batch = new RecordingBatch(ElasticSinkFaultTest.docs(1));
            sink.publish(batch);
            assertThat(batch.outcome()).isEqualTo(RecordingBatch.Outcome.RETRIED);
            assertThat(batch.cause().getMessage()).contains("TLS handshake").contains("elasticsearch.caFingerprint");
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void badTrustSettingsAreRefusedUpFront() throws Exception {
        assertThatThrownBy(() -> ElasticTls.fingerprint("12:34")).isInstanceOf(SinkException.class)
                .hasMessageContaining("caFingerprint must be 64 hex digits");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "no certificate here\n");
        assertThatThrownBy(() -> ElasticTls.caFile(empty)).isInstanceOf(SinkException.class)
                .hasMessageContaining("caFile").hasMessageContaining(empty.toString());
        assertThatThrownBy(() -> ElasticTls.caFile(dir.resolve("missing.pem"))).isInstanceOf(SinkException.class)
                .hasMessageContaining("missing.pem");
    }

    @Test
    void cloudIdDecodesToTheHttpsEndpointOfTheDeployment() {
        // name:base64("eu-west-1.aws.found.io:443$abc123$kib456")
        String id = "prod:" + java.util.Base64.getEncoder().encodeToString(
                "eu-west-1.aws.found.io:443$abc123$kib456".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(ElasticSinkConfig.cloudHost(id)).isEqualTo("https://abc123.eu-west-1.aws.found.io:443");
        String noPort = "x:" + java.util.Base64.getEncoder().encodeToString(
                "us-east-1.aws.found.io$es9$kb9".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(ElasticSinkConfig.cloudHost(noPort)).isEqualTo("https://es9.us-east-1.aws.found.io:443");
        assertThatThrownBy(() -> ElasticSinkConfig.cloudHost("prod:%%%")).isInstanceOf(SinkException.class)
                .hasMessageContaining("cloudId");
        assertThatThrownBy(() -> ElasticSinkConfig.cloudHost("prod:" + java.util.Base64.getEncoder()
                .encodeToString("only-a-host".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isInstanceOf(SinkException.class).hasMessageContaining("host$es-uuid$kibana-uuid");
    }
}
