package dev.estreamer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An eNcore 3.8.4 estreamer.conf, as its setup writes it for Splunk, loads unchanged. */
@Timeout(10)
class EncoreConfigTest {
    @TempDir
    Path dir;

    private Path fixture() throws IOException {
        Path conf = dir.resolve("estreamer.conf");
        try (InputStream in = getClass().getResourceAsStream("encore-3.8.4.conf")) {
            Files.write(conf, in.readAllBytes());
        }
        return conf;
    }

    @Test
    void loadsWithEveryValueMapped() throws IOException {
        Path conf = fixture();
        Files.writeString(dir.resolve("client.pkcs12"), "not read by the loader", StandardCharsets.UTF_8);

        EstreamerConfig c = ConfigLoader.load(conf);

        assertThat(c.source()).isEqualTo(conf.toAbsolutePath().normalize());
        assertThat(c.enabled()).isTrue();
        assertThat(c.start()).isEqualTo(StartMode.BOOKMARK);
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.responseTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.queues()).isEqualTo(new Queues(100, 200, 32));
        assertThat(c.dataDirectory()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(c.maxMessageLength()).isEqualTo(16_777_216);
        assertThat(c.monitor()).isEqualTo(new Monitor(Duration.ofSeconds(120), true, false, false));
        assertThat(c.logging().file()).isEqualTo(dir.resolve("estreamer.log").toAbsolutePath().normalize());
        assertThat(c.logging().level()).isEqualTo(LogLevel.INFO);
        assertThat(c.logging().format()).isEqualTo("%(asctime)s %(name)-12s %(levelname)-8s %(message)s");
        assertThat(c.logging().stdOut()).isTrue();
        assertThat(c.logging().stdErr()).isFalse();

        Server server = c.subscription().servers().get(0);
        assertThat(c.subscription().servers()).hasSize(1);
        assertThat(server.host()).isEqualTo("10.20.30.40");
        assertThat(server.port()).isEqualTo(8302);
        assertThat(server.name()).isEqualTo("10.20.30.40:8302");
        assertThat(server.fileStem()).isEqualTo("10.20.30.40-8302");
        assertThat(server.pkcs12File()).isEqualTo(dir.resolve("client.pkcs12").toAbsolutePath().normalize());
        assertThat(server.tlsVersion()).isEqualTo(TlsVersion.TLS_1_2);
        assertThat(server.verifyServerCertificate()).isTrue();
        assertThat(server.pkcs12PasswordEnv()).isEqualTo("ESTREAMER_PKCS12_PASSWORD");
        assertThat(server.pkcs12PasswordFile()).isNull();
        assertThat(c.subscription().records()).isEqualTo(new SubscriptionRecords(
                true, true, true, true, true, true, true, PacketEncoding.HEX, true));
        assertThat(c.subscription().events()).isEmpty();

        assertThat(c.handler().records()).isEqualTo(new HandlerRecords(
                true, true, true, true, true, true, true, java.util.List.of(), java.util.List.of()));
        Outputter out = c.handler().outputters().get(0);
        assertThat(c.handler().enabledOutputters()).containsExactly(out);
        assertThat(out.adapter()).isEqualTo(Adapter.SPLUNK);
        assertThat(out.name()).isEqualTo("splunk");
        assertThat(out.uri().scheme()).isEqualTo(StreamUri.Scheme.RELFILE);
        assertThat(out.uri().directory()).isEqualTo(dir.resolve("data/splunk").toAbsolutePath().normalize());
        assertThat(out.uri().fileNameAt(1606955501L)).isEqualTo("encore.1606955501.log");
        assertThat(out.options()).isEqualTo(new StreamOptions(true, 10000, Flush.BATCH, false));
    }

    @Test
    void notesEveryIgnoredEncoreKeyPresent() throws IOException {
        EstreamerConfig c = ConfigLoader.load(fixture(), FileCheck.SKIP);

        assertThat(c.notes()).containsExactlyInAnyOrder(
                "workerProcesses=4 ignored: estreamer sizes its own threads",
                "alwaysAttemptToContinue=false ignored: estreamer always reconnects with backoff (see reconnect.*)",
                "conditions=[] ignored: estreamer has no run conditions",
                "monitor.velocity=false ignored: unused, as in eNcore",
                "monitor.subscribed=true ignored: unused, as in eNcore");
    }
}
