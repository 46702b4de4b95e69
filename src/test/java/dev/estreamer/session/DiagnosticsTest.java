package dev.estreamer.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.config.Server;
import dev.estreamer.config.TlsVersion;
import dev.estreamer.session.Diagnostics.Check;
import dev.estreamer.session.Diagnostics.Probe;
import dev.estreamer.session.Diagnostics.Status;
import dev.estreamer.sim.CaptureReplay;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import dev.estreamer.testing.Golden;
import dev.estreamer.testing.TestPki;
import dev.estreamer.wire.ErrorMessage;
import dev.estreamer.wire.Frame;
import dev.estreamer.wire.FrameReader;
import dev.estreamer.wire.FrameWriter;
import dev.estreamer.wire.RequestFlags;
import dev.estreamer.wire.StreamingInformation;
import dev.estreamer.wire.StreamingService;
import dev.estreamer.wire.StreamingRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each diagnostic step against the real simulator over mutual TLS, with each misconfiguration a TAC case sees. */
@Timeout(60)
class DiagnosticsTest {
    private static final Probe PROBE = new Probe(RequestFlags.ENCORE_DEFAULT, StreamingRequest.defaultEvents(),
            Duration.ofSeconds(5), Duration.ofMillis(200), 16 * 1024 * 1024);

    @TempDir
    static Path shared;

    private static TestPki pki;
    private static CaptureReplay capture;
    private Simulator simulator;

    @BeforeAll
    static void pki() {
        pki = TestPki.create(shared.resolve("pki"), b -> b.ellipticCurve(true));
        capture = CaptureReplay.load(Golden.bundles(shared));
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private Simulator simulate(TestPki serverSide) {
        simulator = new Simulator(SimulatorConfig.builder(capture)
                .tls(ServerTls.server(serverSide.serverKeystore(), TestPki.PASSWORD.toCharArray()))
                .peerCheck(PeerCheck.Mode.STRICT_IP).keepAlive(Duration.ofMillis(200)).build()).start();
        return simulator;
    }

    private static Server server(TestPki client, int port) {
        return new Server("sim", "127.0.0.1", port, client.clientPkcs12(), "ESTREAMER_TEST_UNSET_VARIABLE", null,
                TlsVersion.AUTO, true);
    }

    private static Diagnostics diagnostics(String password) {
        return new Diagnostics(s -> password.toCharArray(), Clock.systemUTC());
    }

    private static Check named(List<Check> checks, String prefix) {
        return checks.stream().filter(c -> c.name().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no check named " + prefix + " in " + checks));
    }

    private static List<Status> statuses(List<Check> checks) {
        return checks.stream().map(Check::status).toList();
    }

    @Test
    void everyStepPassesAgainstTheSimulator() {
        Simulator sim = simulate(pki);
        List<Check> checks = diagnostics(TestPki.PASSWORD).server(server(pki, sim.port()), PROBE);

        assertThat(checks).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(Status.OK));
        assertThat(checks).extracting(Check::name).containsExactly("PKCS#12 " + pki.clientPkcs12(),
                "client certificate", "FMC CA certificate", "source address", "TCP connect",
                "TLS handshake with 127.0.0.1:" + sim.port(), "Event Stream Request", "Streaming Request");
        assertThat(named(checks, "TLS handshake").detail()).matches("TLSv1\\.[23] TLS_\\S+; FMC certificate .*"
                + "verified against the CA in the PKCS#12");
        assertThat(named(checks, "Event Stream Request").detail()).contains("0x48900061", "6667");
        assertThat(named(checks, "Streaming Request").detail()).startsWith("accepted; the FMC sent ");
        assertThat(named(checks, "source address").detail()).contains("from 127.0.0.1");
        assertThat(sim.connections()).isEqualTo(1);
    }

    @Test
    void withoutTheExtendedBitTheFirstMessageIsEnough() {
        Simulator sim = simulate(pki);
        Probe legacy = new Probe(RequestFlags.ENCORE_DEFAULT.without(RequestFlags.EXTENDED),
                StreamingRequest.defaultEvents(), Duration.ofSeconds(5), Duration.ofMillis(200), 1 << 24);
        List<Check> checks = diagnostics(TestPki.PASSWORD).server(server(pki, sim.port()), legacy);

        Check request = checks.get(checks.size() - 1);
        assertThat(request.name()).isEqualTo("Event Stream Request");
        assertThat(request.status()).as(request.toString()).isIn(Status.OK, Status.WARN);
        assertThat(statuses(checks)).doesNotContain(Status.FAIL);
    }

    @Test
    void wrongPasswordStopsAtThePkcs12() {
        List<Check> checks = diagnostics("not-the-password").server(server(pki, 1), PROBE);

        assertThat(checks).hasSize(1);
        Check p12 = checks.get(0);
        assertThat(p12.status()).isEqualTo(Status.FAIL);
        assertThat(p12.detail()).startsWith("wrong password").doesNotContain("not-the-password");
        assertThat(p12.fix()).contains("password entered when the client was created");
    }

    @Test
    void nothingListeningFailsTheTcpConnect() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<Check> checks = diagnostics(TestPki.PASSWORD).server(server(pki, port), PROBE);

        Check last = checks.get(checks.size() - 1);
        assertThat(last.name()).isEqualTo("TCP connect");
        assertThat(last.status()).isEqualTo(Status.FAIL);
        assertThat(last.detail()).startsWith("could not connect to 127.0.0.1:" + port + ": ");
        assertThat(last.fix()).isEqualTo("check the address, that TCP " + port + " is allowed by firewalls, and that"
                + " eStreamer is enabled on the FMC");
        assertThat(statuses(checks.subList(0, checks.size() - 1))).containsOnly(Status.OK);
    }

    @Test
    void certificateForAnotherAddressWarnsThenTheFmcClosesSilently() {
        TestPki other = TestPki.create(shared.resolve("cn"), b -> b.ellipticCurve(true).clientCommonName("10.9.9.9"));
        Simulator sim = simulate(other);
        List<Check> checks = diagnostics(TestPki.PASSWORD).server(server(other, sim.port()), PROBE);

        Check source = named(checks, "source address");
        assertThat(source.status()).isEqualTo(Status.WARN);
        assertThat(source.detail()).contains("CN is 10.9.9.9", "from 127.0.0.1",
                "the FMC compares the CN with the source address it sees");
        assertThat(source.fix()).contains("post-NAT address", "create a new client on the FMC");
        assertThat(named(checks, "TLS handshake").status()).isEqualTo(Status.OK);
        Check request = checks.get(checks.size() - 1);
        assertThat(request.name()).isEqualTo("Event Stream Request");
        assertThat(request.status()).isEqualTo(Status.FAIL);
        assertThat(request.detail()).startsWith("the FMC closed the connection right after the TLS handshake: most"
                + " often the client certificate's address does not match the source address the FMC sees (NAT)");
    }

    @Test
    void serverFromAnotherCaFailsTheHandshakeWithTheReason() {
        TestPki otherFmc = TestPki.create(shared.resolve("other-fmc"), b -> b.ellipticCurve(true));
        Simulator sim = simulate(otherFmc);
        List<Check> checks = diagnostics(TestPki.PASSWORD).server(server(pki, sim.port()), PROBE);

        Check tls = checks.get(checks.size() - 1);
        assertThat(tls.name()).startsWith("TLS handshake with");
        assertThat(tls.status()).isEqualTo(Status.FAIL);
        assertThat(tls.detail()).startsWith("the FMC's certificate is not signed by the CA in the PKCS#12");
        assertThat(tls.fix()).contains("create a new client on the FMC");
        assertThat(sim.recordsSent()).isZero();
    }

    @Test
    void clientCertificateTheFmcDoesNotKnowIsReportedAsRejected() {
        // A client deleted on the FMC, or a PKCS#12 from another FMC: the FMC refuses the client certificate.
        TestPki stranger = TestPki.create(shared.resolve("stranger"), b -> b.ellipticCurve(true));
        Simulator sim = simulate(pki);
        Server unverified = new Server("sim", "127.0.0.1", sim.port(), stranger.clientPkcs12(), null, null,
                TlsVersion.AUTO, false);
        List<Check> checks = diagnostics(TestPki.PASSWORD).server(unverified, PROBE);

        assertThat(named(checks, "FMC CA certificate").status()).isEqualTo(Status.WARN);
        Check last = checks.get(checks.size() - 1);
        assertThat(last.status()).as(checks.toString()).isEqualTo(Status.FAIL);
        // the FMC's alert or, when the JDK loses that race, the reset that follows it
        assertThat(last.detail()).contains("rejected the client certificate", "revoked or deleted");
        assertThat(last.fix()).startsWith("create a new client on the FMC");
        assertThat(sim.recordsSent()).isZero();
    }

    @Test
    void passwordFileReadableByOthersWarns() throws IOException {
        Path file = Files.writeString(shared.resolve("pw-open.txt"), TestPki.PASSWORD + "\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Server s = new Server("sim", "127.0.0.1", 1, pki.clientPkcs12(), null, file, TlsVersion.AUTO, true);
        List<Check> checks = Diagnostics.system().server(s, PROBE);

        Check warning = named(checks, "password file");
        assertThat(warning.status()).isEqualTo(Status.WARN);
        assertThat(warning.fix()).isEqualTo("chmod 600 " + file);
        assertThat(checks.toString()).doesNotContain(TestPki.PASSWORD);

        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(Diagnostics.system().server(s, PROBE)).noneMatch(c -> c.name().startsWith("password file"));
    }

    /**
     * A one-connection FMC stand-in over the test PKI's TLS (no peer check) that reads the Event Stream Request,
     * answers with {@code replies} and then holds the connection open until the client leaves.
     */
    private static int scriptedFmc(Frame... replies) throws IOException {
        SSLServerSocket listener = ServerTls.configure((SSLServerSocket) ServerTls.server(pki.serverKeystore(),
                TestPki.PASSWORD.toCharArray()).getServerSocketFactory().createServerSocket(0, 1,
                InetAddress.getLoopbackAddress()));
        Thread fmc = new Thread(() -> {
            try (listener; Socket s = listener.accept()) {
                FrameReader in = new FrameReader(s.getInputStream(), 1 << 16);
                FrameWriter out = new FrameWriter(s.getOutputStream());
                in.read();
                for (Frame reply : replies) {
                    out.write(reply);
                }
                while (in.read() != null) {
                    // hold the connection until the client closes it
                }
            } catch (IOException e) {
                // the client went away: the script is over
            }
        }, "scripted-fmc");
        fmc.setDaemon(true);
        fmc.start();
        return listener.getLocalPort();
    }

    @Test
    void anErrorFromTheFmcIsShownWithItsCodeAndText() throws IOException {
        int port = scriptedFmc(new ErrorMessage(19, "No space").toFrame());
        List<Check> checks = diagnostics(TestPki.PASSWORD).server(server(pki, port), PROBE);

        Check last = checks.get(checks.size() - 1);
        assertThat(last.name()).isEqualTo("Event Stream Request");
        assertThat(last.status()).isEqualTo(Status.FAIL);
        assertThat(last.detail()).isEqualTo("the FMC answered with error 19: No space");
    }

    @Test
    void streamingInformationWithoutTheEstreamerServiceFails() throws IOException {
        Frame onlyOthers = new StreamingInformation(List.of(new StreamingService(5000, new byte[8]))).toFrame();
        int port = scriptedFmc(onlyOthers);
        List<Check> checks = diagnostics(TestPki.PASSWORD).server(server(pki, port), PROBE);

        Check last = checks.get(checks.size() - 1);
        assertThat(last.status()).isEqualTo(Status.FAIL);
        assertThat(last.detail()).contains("offers services 5000 but not 6667");
    }

    @Test
    void silenceAfterTheStreamingRequestIsOnlyAWarning() throws IOException {
        int port = scriptedFmc(StreamingInformation.fmcDefault().toFrame());
        List<Check> checks = diagnostics(TestPki.PASSWORD).server(server(pki, port), PROBE);

        Check last = checks.get(checks.size() - 1);
        assertThat(last.name()).isEqualTo("Streaming Request");
        assertThat(last.status()).isEqualTo(Status.WARN);
        assertThat(last.detail()).contains("neither data nor a keep-alive arrived within 1 s");
        assertThat(statuses(checks)).doesNotContain(Status.FAIL);
    }

    @Test
    void silenceAfterAnExtendedRequestFails() throws IOException {
        int port = scriptedFmc();
        List<Check> checks = diagnostics(TestPki.PASSWORD).server(server(pki, port), PROBE);

        Check last = checks.get(checks.size() - 1);
        assertThat(last.status()).isEqualTo(Status.FAIL);
        assertThat(last.detail()).startsWith("no answer to the request within 1 s");
    }

    @Test
    void expiredCertificateStopsBeforeTheNetwork() {
        Instant now = Instant.now();
        TestPki expired = TestPki.create(shared.resolve("expired"), b -> b.ellipticCurve(true)
                .clientValidity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1))));
        List<Check> checks = diagnostics(TestPki.PASSWORD).server(server(expired, 1), PROBE);

        assertThat(statuses(checks)).containsExactly(Status.OK, Status.FAIL);
        assertThat(checks.get(1).name()).isEqualTo("client certificate");
        assertThat(checks.get(1).detail()).startsWith("expired on ");
    }

    @Test
    void certificateExpiringWithinThirtyDaysWarns() {
        Instant now = Instant.now();
        TestPki soon = TestPki.create(shared.resolve("soon"), b -> b.ellipticCurve(true)
                .clientValidity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10))));
        Simulator sim = simulate(soon);
        List<Check> checks = diagnostics(TestPki.PASSWORD).server(server(soon, sim.port()), PROBE);

        Check cert = named(checks, "client certificate");
        assertThat(cert.status()).isEqualTo(Status.WARN);
        assertThat(cert.detail()).contains("in 9 day(s)", "expires on");
        assertThat(statuses(checks)).doesNotContain(Status.FAIL);
    }

    @Test
    void notYetValidCertificateFails() {
        Instant now = Instant.now();
        List<Check> checks = new Diagnostics(s -> TestPki.PASSWORD.toCharArray(),
                Clock.fixed(now.minus(Duration.ofDays(3650)), java.time.ZoneOffset.UTC))
                .server(server(pki, 1), PROBE);

        assertThat(checks.get(checks.size() - 1).status()).isEqualTo(Status.FAIL);
        assertThat(checks.get(checks.size() - 1).detail()).startsWith("not valid before ");
    }

    @Test
    void passwordFileIsNamedButNeverPrinted() throws IOException {
        Path file = Files.writeString(shared.resolve("pw-wrong.txt"), "s3cret-wrong\n");
        Server s = new Server("sim", "127.0.0.1", 1, pki.clientPkcs12(), null, file, TlsVersion.AUTO, true);
        List<Check> checks = Diagnostics.system().server(s, PROBE);

        assertThat(checks.get(0).detail()).contains("password file " + file).doesNotContain("s3cret");
    }

    @Test
    void cnMatchingUnderstandsLoopbackAndLiterals() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        assertThat(Diagnostics.matches("127.0.0.1", loopback)).isTrue();
        assertThat(Diagnostics.matches("localhost", loopback)).isTrue();
        assertThat(Diagnostics.matches("10.9.9.9", loopback)).isFalse();
        assertThat(Diagnostics.matches("", loopback)).isFalse();
        assertThat(Diagnostics.matches("10.1.2.3", InetAddress.getByName("10.1.2.3"))).isTrue();
    }

    @Test
    void requestIsShownInTheFmcsWording() {
        List<Check> checks = Diagnostics.request(RequestFlags.ENCORE_DEFAULT, StreamingRequest.defaultEvents());

        assertThat(checks).extracting(Check::status).containsOnly(Status.OK);
        assertThat(checks.get(0).detail()).startsWith("0x48900061 = w/ Packets w/ Impact Alerts");
        assertThat(checks.get(1).detail()).contains("v");
    }
}
