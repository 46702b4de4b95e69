package dev.estreamer.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real mutual TLS on loopback between the simulator's server context and the client's context. */
@Timeout(60)
class MutualTlsTest {
    private static final int TIMEOUT_MS = 5_000;

    @TempDir
    static Path dir;
    static TestPki fmc;
    static TestPki stranger;
    static ExecutorService executor;

    @BeforeAll
    static void setUp() {
        fmc = TestPki.create(dir.resolve("fmc"));
        stranger = TestPki.create(dir.resolve("other-ca"), b -> b.ellipticCurve(true));
        executor = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void tearDown() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    /** What the server side saw: the client's CN, the FMC-style peer check, the protocol, or why it failed. */
    record ServerView(String clientCn, Optional<String> peerCheck, String protocol, Exception failure) {
    }

    @ParameterizedTest
    @CsvSource({"1.2, TLSv1.2", "1.3, TLSv1.3"})
    void handshakeSucceedsAndServerSeesTheClientAddressAsCn(String tlsVersion, String expected) throws Exception {
        // tlsVersion 1.2 also allows 1.3, so restrict the server to prove the 1.2 path really works
        String[] serverProtocols = {expected};
        Pkcs12Credentials creds = Pkcs12Credentials.load(fmc.clientPkcs12(), fmc.password());
        try (SSLServerSocket server = listen(ServerTls.server(fmc.serverKeystore(), fmc.password()), serverProtocols)) {
            CompletableFuture<ServerView> view = serveOnce(server);

            int reply = exchange(TlsContexts.client(creds, true), server.getLocalPort(), tlsVersion);

            ServerView seen = view.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertThat(seen.failure()).isNull();
            assertThat(reply).isEqualTo(42);
            assertThat(seen.clientCn()).isEqualTo("127.0.0.1");
            assertThat(seen.protocol()).isEqualTo(expected);
            assertThat(seen.peerCheck()).isEmpty();
        }
    }

    @Test
    void defaultVersionNegotiatesTls13WhenTheServerOffersIt() throws Exception {
        Pkcs12Credentials creds = Pkcs12Credentials.load(fmc.clientPkcs12(), fmc.password());
        try (SSLServerSocket server = listen(ServerTls.server(fmc.serverKeystore(), fmc.password()), null)) {
            CompletableFuture<ServerView> view = serveOnce(server);
            assertThat(exchange(TlsContexts.client(creds, true), server.getLocalPort(), "1.2")).isEqualTo(42);
            assertThat(view.get(TIMEOUT_MS, TimeUnit.MILLISECONDS).protocol()).isEqualTo("TLSv1.3");
        }
    }

    @Test
    void legacyEncryptedCredentialsWorkForTls(@TempDir Path legacyDir) throws Exception {
        TestPki legacy = TestPki.create(legacyDir, b -> b.legacyClientEncryption(true));
        Pkcs12Credentials creds = Pkcs12Credentials.load(legacy.clientPkcs12(), legacy.password());
        try (SSLServerSocket server = listen(ServerTls.server(legacy.serverKeystore(), legacy.password()), null)) {
            CompletableFuture<ServerView> view = serveOnce(server);
            assertThat(exchange(TlsContexts.client(creds, true), server.getLocalPort(), "1.2")).isEqualTo(42);
            assertThat(view.get(TIMEOUT_MS, TimeUnit.MILLISECONDS).failure()).isNull();
        }
    }

    @Test
    void clientRejectsAServerFromAnotherCaWhenVerifying() throws Exception {
        Pkcs12Credentials creds = Pkcs12Credentials.load(fmc.clientPkcs12(), fmc.password());
        try (SSLServerSocket server = listen(impostor(), null)) {
            CompletableFuture<ServerView> view = serveOnce(server);

            assertThatThrownBy(() -> exchange(TlsContexts.client(creds, true), server.getLocalPort(), "1.2"))
                    .isInstanceOf(SSLHandshakeException.class);
            assertThat(view.get(TIMEOUT_MS, TimeUnit.MILLISECONDS).failure()).isNotNull();
        }
    }

    @Test
    void clientAcceptsAServerFromAnotherCaWhenVerificationIsOff() throws Exception {
        Pkcs12Credentials creds = Pkcs12Credentials.load(fmc.clientPkcs12(), fmc.password());
        try (SSLServerSocket server = listen(impostor(), null)) {
            CompletableFuture<ServerView> view = serveOnce(server);

            assertThat(exchange(TlsContexts.client(creds, false), server.getLocalPort(), "1.2")).isEqualTo(42);
            assertThat(view.get(TIMEOUT_MS, TimeUnit.MILLISECONDS).clientCn()).isEqualTo("127.0.0.1");
        }
    }

    /** A server whose certificate comes from another CA but which accepts the FMC's clients. */
    private static SSLContext impostor() throws Exception {
        java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(stranger.serverKeystore())) {
            keys.load(in, stranger.password());
        }
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance("PKIX");
        kmf.init(keys, stranger.password());
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("fmc-ca", fmc.pki().ca());
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    @Test
    void serverRejectsAClientFromAnotherCa() throws Exception {
        Pkcs12Credentials intruder = Pkcs12Credentials.load(stranger.clientPkcs12(), stranger.password());
        try (SSLServerSocket server = listen(ServerTls.server(fmc.serverKeystore(), fmc.password()), null)) {
            CompletableFuture<ServerView> view = serveOnce(server);

            // verification off on the client so that only the server's judgement is tested
            try {
                exchange(TlsContexts.client(intruder, false), server.getLocalPort(), "1.2");
            } catch (IOException expected) {
                // TLS 1.3: the client may learn of the rejection only on its first read
            }

            ServerView seen = view.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertThat(seen.failure()).isInstanceOf(SSLHandshakeException.class);
            assertThat(seen.clientCn()).isNull();
        }
    }

    @Test
    void peerCheckFailsForACertificateMadeForAnotherAddress(@TempDir Path natDir) throws Exception {
        TestPki natted = TestPki.create(natDir, b -> b.ellipticCurve(true).clientCommonName("10.20.30.40"));
        Pkcs12Credentials creds = Pkcs12Credentials.load(natted.clientPkcs12(), natted.password());
        try (SSLServerSocket server = listen(ServerTls.server(natted.serverKeystore(), natted.password()), null)) {
            CompletableFuture<ServerView> view = serveOnce(server);
            exchange(TlsContexts.client(creds, true), server.getLocalPort(), "1.2");
            ServerView seen = view.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertThat(seen.clientCn()).isEqualTo("10.20.30.40");
            assertThat(seen.peerCheck()).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("10.20.30.40").contains("127.0.0.1"));
        }
    }

    private static SSLServerSocket listen(SSLContext context, String[] protocols) throws IOException {
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerTls.configure(server);
        if (protocols != null) {
            server.setEnabledProtocols(protocols);
        }
        server.setSoTimeout(TIMEOUT_MS);
        return server;
    }

    private static CompletableFuture<ServerView> serveOnce(SSLServerSocket server) {
        return CompletableFuture.supplyAsync(() -> {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.setSoTimeout(TIMEOUT_MS);
                try {
                    socket.startHandshake();
                    SSLSession session = socket.getSession();
                    X509Certificate peer = (X509Certificate) session.getPeerCertificates()[0];
                    Optional<String> check = PeerCheck.verify(PeerCheck.Mode.STRICT_IP, session, socket.getInetAddress());
                    socket.getOutputStream().write(42);
                    socket.getOutputStream().flush();
                    return new ServerView(Pkcs12Credentials.commonName(peer), check, session.getProtocol(), null);
                } catch (IOException e) {
                    return new ServerView(null, Optional.empty(), null, e);
                }
            } catch (IOException e) {
                return new ServerView(null, Optional.empty(), null, e);
            }
        }, executor);
    }

    /** Connects, handshakes and reads the server's one byte. */
    private static int exchange(SSLContext context, int port, String tlsVersion) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            TlsContexts.configure(socket, tlsVersion);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.startHandshake();
            return socket.getInputStream().read();
        }
    }
}
