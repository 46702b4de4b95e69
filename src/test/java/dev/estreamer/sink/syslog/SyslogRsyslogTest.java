package dev.estreamer.sink.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.sink.Framing;
import dev.estreamer.sink.syslog.SyslogSinkConfig.HeaderFormat;
import dev.estreamer.sink.syslog.SyslogSinkConfig.Transport;
import dev.estreamer.testing.ClientHarness;
import dev.estreamer.testing.RecordingBatch;
import dev.estreamer.testing.RecordingBatch.Outcome;
import dev.estreamer.testing.Rsyslog;
import dev.estreamer.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each transport, framing and header layout against a real rsyslogd: what it parses is what we sent. */
@Timeout(60)
class SyslogRsyslogTest {
    @TempDir
    static Path dir;
    static TestPki pki;
    static Rsyslog rsyslog;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(dir.resolve("pki"));
        rsyslog = Rsyslog.start(dir.resolve("rsyslog"), pki);
    }

    @AfterAll
    static void stop() throws Exception {
        if (rsyslog != null) {
            rsyslog.close();
        }
    }

    static SSLContext tls(boolean clientCertificate) {
        return SyslogTls.context(pki.caCertificate(), clientCertificate ? pki.clientPkcs12() : null, pki.password());
    }

    private static List<String> send(SyslogSinkConfig config, String tag) {
        String[] lines = {tag + " one a=b c\\=d", tag + " two ü日本 | x", tag + " three"};
        try (SyslogSink sink = config.withNames("sensor-1", "estreamer").build()) {
            RecordingBatch batch = RecordingBatch.ofLines(lines);
            sink.publish(batch);
            assertThat(batch.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
        }
        assertThat(ClientHarness.await(Duration.ofSeconds(10),
                () -> rsyslog.lines().stream().filter(l -> l.contains(tag + " ")).count() == 3)).as(tag).isTrue();
        return rsyslog.lines().stream().filter(l -> l.contains(tag + " ")).toList();
    }

    @Test
    void udpRfc5424() {
        List<String> got = send(SyslogSinkConfig.defaults(Transport.UDP, "127.0.0.1", rsyslog.udpPort()), "udp5424");
        assertThat(got).containsExactly("imudp|sensor-1|estreamer|udp5424 one a=b c\\=d",
                "imudp|sensor-1|estreamer|udp5424 two ü日本 | x", "imudp|sensor-1|estreamer|udp5424 three");
    }

    @Test
    void udpRfc3164() {
        List<String> got = send(SyslogSinkConfig.defaults(Transport.UDP, "127.0.0.1", rsyslog.udpPort())
                .withHeader(HeaderFormat.RFC3164), "udp3164");
        // RFC 3164's MSG keeps the space after "TAG:"
        assertThat(got).containsExactly("imudp|sensor-1|estreamer| udp3164 one a=b c\\=d",
                "imudp|sensor-1|estreamer| udp3164 two ü日本 | x", "imudp|sensor-1|estreamer| udp3164 three");
    }

    @Test
    void tcpNewlineAndOctetCounting() {
        List<String> lf = send(SyslogSinkConfig.defaults(Transport.TCP, "127.0.0.1", rsyslog.tcpPort()), "tcplf");
        List<String> oc = send(SyslogSinkConfig.defaults(Transport.TCP, "127.0.0.1", rsyslog.tcpPort())
                .withFraming(Framing.OCTET_COUNTING), "tcpoc");
        assertThat(lf).containsExactly("imptcp|sensor-1|estreamer|tcplf one a=b c\\=d",
                "imptcp|sensor-1|estreamer|tcplf two ü日本 | x", "imptcp|sensor-1|estreamer|tcplf three");
        assertThat(oc).containsExactly("imptcp|sensor-1|estreamer|tcpoc one a=b c\\=d",
                "imptcp|sensor-1|estreamer|tcpoc two ü日本 | x", "imptcp|sensor-1|estreamer|tcpoc three");
    }

    @Test
    void tlsWithClientCertificate() {
        List<String> got = send(SyslogSinkConfig.defaults(Transport.TLS, "127.0.0.1", rsyslog.tlsPort())
                .withTls(tls(true)), "tls");
        assertThat(got).containsExactly("imtcp|sensor-1|estreamer|tls one a=b c\\=d",
                "imtcp|sensor-1|estreamer|tls two ü日本 | x", "imtcp|sensor-1|estreamer|tls three");
    }

    @Test
    void tlsRefusesAReceiverTheCaDidNotSign() throws Exception {
        TestPki other = TestPki.create(dir.resolve("other-pki"));
        SSLContext wrongCa = SyslogTls.context(other.caCertificate(), pki.clientPkcs12(), pki.password());
        try (SyslogSink sink = SyslogSinkConfig.defaults(Transport.TLS, "127.0.0.1", rsyslog.tlsPort())
                .withTls(wrongCa).withConnectTimeout(Duration.ofSeconds(5)).build()) {
            RecordingBatch batch = RecordingBatch.ofLines("never");
            sink.publish(batch);
            assertThat(batch.outcome()).isEqualTo(Outcome.RETRIED);
            assertThat(batch.cause()).hasMessageContaining("cannot write");
        }
    }

    @Test
    void udpCutsLongMessagesAtAFieldBoundaryAndCountsThem() {
        StringBuilder cef = new StringBuilder("CEF:0|Cisco|Firepower|6.0|RNA:1003:1|CONNECTION STATISTICS|3|src=10.0.0.1");
        for (int i = 0; cef.length() < 3000; i++) {
            cef.append(" x").append(i).append("=value-").append(i).append("-a\\=b");
        }
        try (SyslogSink sink = SyslogSinkConfig.defaults(Transport.UDP, "127.0.0.1", rsyslog.udpPort())
                .withNames("sensor-1", "udpcut").withMaxDatagramSize(1000).build()) {
            RecordingBatch batch = RecordingBatch.ofLines(cef.toString(), "CEF:0|a|b|c|d|e|1|short=1");
            sink.publish(batch);
            assertThat(batch.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
            assertThat(sink.truncated()).isEqualTo(1);
        }
        assertThat(ClientHarness.await(Duration.ofSeconds(10),
                () -> rsyslog.lines().stream().filter(l -> l.startsWith("imudp|sensor-1|udpcut|")).count() == 2)).isTrue();
        List<String> got = rsyslog.lines().stream().filter(l -> l.startsWith("imudp|sensor-1|udpcut|"))
                .map(l -> l.substring("imudp|sensor-1|udpcut|".length())).toList();
        String cut = got.get(0);
        assertThat(cef.toString()).startsWith(cut);
        assertThat(cut.length()).isLessThan(1000).isGreaterThan(900);
        assertThat(cef.charAt(cut.length())).isEqualTo(' '); // ended where a field ended
        dev.estreamer.format.CefParser.parse(cut);
        assertThat(got.get(1)).isEqualTo("CEF:0|a|b|c|d|e|1|short=1");
    }
}
