package dev.estreamer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.sim.CaptureReplay;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import dev.estreamer.testing.Golden;
import dev.estreamer.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code estreamer test --config FILE} end to end: the printed report and the exit code. */
@Timeout(60)
class TestCommandTest {
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static TestPki pki;
    private static Simulator simulator;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeAll
    static void fmc() {
        pki = TestPki.create(shared.resolve("pki"), b -> b.ellipticCurve(true));
        simulator = new Simulator(SimulatorConfig.builder(CaptureReplay.load(Golden.bundles(shared)))
                .tls(ServerTls.server(pki.serverKeystore(), TestPki.PASSWORD.toCharArray()))
                .peerCheck(PeerCheck.Mode.STRICT_IP).keepAlive(Duration.ofMillis(200)).build()).start();
    }

    @AfterAll
    static void stopFmc() {
        simulator.close();
    }

    @BeforeEach
    void capture() {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original); System.err.println(captured.toString(StandardCharsets.UTF_8)); // DEBUG-TMP
    }

    private List<String> lines() {
        return Arrays.asList(captured.toString(StandardCharsets.UTF_8).split("\\R"));
    }

    private Path config(int port, String password) throws IOException {
        Files.copy(pki.clientPkcs12(), dir.resolve("client.pkcs12"));
        Path passwordFile = Files.writeString(dir.resolve("password.txt"), password + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        return Files.writeString(dir.resolve("estreamer.conf"), """
                {
                  "connectTimeout": 5,
                  "responseTimeout": 0.2,
                  "subscription": {
                    "servers": [{
                      "name": "lab-fmc",
                      "host": "127.0.0.1",
                      "port": %d,
                      "pkcs12Filepath": "client.pkcs12",
                      "pkcs12PasswordFile": "password.txt"
                    }]
                  }
                }
                """.formatted(port));
    }

    @Test
    void allOkAgainstTheSimulatorExitsZero() throws IOException {
        Path conf = config(simulator.port(), TestPki.PASSWORD);

        int code = new Main().execute(new String[] {"test", "--config", conf.toString()});

        List<String> out = lines();
        assertThat(code).as(String.join("\n", out)).isZero();
        assertThat(out).contains("Server lab-fmc (127.0.0.1:" + simulator.port() + ")", "Result: OK");
        assertThat(out).anyMatch(l -> l.startsWith("[ OK ] configuration "));
        assertThat(out).anyMatch(l -> l.matches("\\[ OK ] TLS handshake with 127\\.0\\.0\\.1:" + simulator.port()
                + ": TLSv1\\.[23] TLS_\\S+;.*"));
        assertThat(out).anyMatch(l -> l.startsWith("[ OK ] Streaming Request: accepted"));
        assertThat(out).anyMatch(l -> l.startsWith("[ OK ] request flags: 0x48900061 = w/ Packets"));
        assertThat(out).noneMatch(l -> l.startsWith("[FAIL]") || l.startsWith("[WARN]"));
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(TestPki.PASSWORD);
    }

    @Test
    void wrongPasswordPrintsTheFailAndExitsOne() throws IOException {
        Path conf = config(simulator.port(), "wrong-one");

        int code = new Main().execute(new String[] {"test", "--config", conf.toString()});

        List<String> out = lines();
        assertThat(code).isEqualTo(Main.FAILURE);
        assertThat(out).anyMatch(l -> l.startsWith("[FAIL] PKCS#12 ") && l.contains("wrong password"));
        assertThat(out).anyMatch(l -> l.startsWith("       fix: use the password entered"));
        assertThat(out).noneMatch(l -> l.contains("TCP connect"));
        assertThat(out).anyMatch(l -> l.startsWith("Result: FAIL (1 failed"));
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("wrong-one");
    }

    @Test
    void nothingListeningPrintsTheConnectFailure() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path conf = config(port, TestPki.PASSWORD);

        int code = new Main().execute(new String[] {"test", "--config", conf.toString()});

        assertThat(code).isEqualTo(Main.FAILURE);
        assertThat(lines()).anyMatch(l -> l.startsWith("[FAIL] TCP connect: could not connect to 127.0.0.1:" + port));
        assertThat(lines()).contains("       fix: check the address, that TCP " + port
                + " is allowed by firewalls, and that eStreamer is enabled on the FMC");
    }

    @Test
    void invalidConfigurationListsItsProblemsAndExitsTwo() throws IOException {
        Path conf = Files.writeString(dir.resolve("bad.conf"), """
                {"subscription": {"servers": [{"host": "127.0.0.1", "port": "abc",
                  "pkcs12Filepath": "missing.pkcs12"}]}}
                """);

        int code = new Main().execute(new String[] {"test", "--config", conf.toString()});

        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(lines()).anyMatch(l -> l.startsWith("[FAIL] configuration " + conf));
        assertThat(lines()).anyMatch(l -> l.startsWith("[FAIL] configuration: subscription.servers[0].port"));
        assertThat(lines()).noneMatch(l -> l.startsWith("Server "));
    }

    @Test
    void missingConfigOptionIsAUsageError() {
        assertThat(new Main().execute(new String[] {"test"})).isEqualTo(Main.USAGE);
    }

    @Test
    void testIsListedAfterRun() {
        new Main().execute(new String[] {"--help"});
        List<String> commands = lines().stream().filter(l -> l.startsWith("  ")).map(String::trim)
                .map(l -> l.split("\\s+")[0]).toList();
        assertThat(commands).containsSubsequence("run", "test", "flags", "decode", "pki");
    }
}
