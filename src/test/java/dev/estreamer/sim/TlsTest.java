package dev.estreamer.sim;

import dev.estreamer.testing.Golden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.testing.TestPki;
import dev.estreamer.wire.RequestFlags;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Mutual TLS as on an FMC, with its silent post-connection CN/IP check. */
@Timeout(60)
class TlsTest {
    Simulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    void start(TestPki pki, PeerCheck.Mode mode) {
        SSLContext server = ServerTls.server(pki.serverKeystore(), pki.password());
        simulator = new Simulator(SimulatorConfig.builder(CaptureReplay.load(Golden.capture()))
                .tls(server).peerCheck(mode).build()).start();
    }

    @Test
    void mutualTlsSessionReplaysTheCapture(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.create(dir);
        start(pki, PeerCheck.Mode.STRICT_IP);
        SSLContext client = RawClient.tls(pki.clientPkcs12(), pki.password(), pki.caCertificate());
        try (RawClient c = RawClient.connect(simulator.port(), client)) {
            c.request(0, RequestFlags.ENCORE_DEFAULT);
            assertThat(c.records(69, Duration.ofSeconds(2), true)).hasSize(69);
            assertThat(c.bundleSequences).containsExactly(1L, 2L);
        }
    }

    @Test
    void certificateForAnotherAddressIsClosedSilently(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.create(dir, b -> b.clientAddress("10.1.2.3"));
        start(pki, PeerCheck.Mode.STRICT_IP);
        SSLContext client = RawClient.tls(pki.clientPkcs12(), pki.password(), pki.caCertificate());
        try (RawClient c = RawClient.connect(simulator.port(), client)) {
            c.request(0, RequestFlags.ENCORE_DEFAULT.without(RequestFlags.EXTENDED));
            assertThat(c.records(100, Duration.ofSeconds(2), true)).isEmpty();
            assertThat(c.lastError).as("an FMC says nothing").isNull();
            assertThat(c.closedWithin(Duration.ofSeconds(2))).isTrue();
        } catch (java.io.IOException expected) {
            // the close can also surface as a failed write of the request
        }
        assertThat(simulator.recordsSent()).isZero();
        assertThat(simulator.connections()).isEqualTo(1);
    }

    @Test
    void peerCheckOffAcceptsAnyIssuedCertificate(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.create(dir, b -> b.clientAddress("10.1.2.3"));
        start(pki, PeerCheck.Mode.OFF);
        SSLContext client = RawClient.tls(pki.clientPkcs12(), pki.password(), pki.caCertificate());
        try (RawClient c = RawClient.connect(simulator.port(), client)) {
            c.request(0, RequestFlags.ENCORE_DEFAULT);
            assertThat(c.records(69, Duration.ofSeconds(2), true)).hasSize(69);
        }
    }
}
