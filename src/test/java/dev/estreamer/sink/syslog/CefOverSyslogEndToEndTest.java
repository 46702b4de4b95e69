package dev.estreamer.sink.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.filter.RecordFilter;
import dev.estreamer.format.CefFormatter;
import dev.estreamer.format.CefParser;
import dev.estreamer.pipeline.BookmarkStore;
import dev.estreamer.pipeline.FmcPipeline;
import dev.estreamer.pipeline.Output;
import dev.estreamer.session.SessionSettings;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import dev.estreamer.sim.SyntheticGenerator;
import dev.estreamer.sink.Framing;
import dev.estreamer.sink.syslog.SyslogSinkConfig.Transport;
import dev.estreamer.testing.ClientHarness;
import dev.estreamer.testing.Rsyslog;
import dev.estreamer.testing.TestPki;
import dev.estreamer.wire.RequestFlags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * FMC simulator → real client pipeline → CEF → syslog → a real rsyslogd, per transport: every generated event
 * arrives as a well-formed CEF message carrying its identity; on TCP and TLS rsyslogd is restarted mid-stream
 * and still nothing is missing (duplicates are allowed: delivery is at-least-once).
 */
@Timeout(120)
class CefOverSyslogEndToEndTest {
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

    @Test
    void udpDeliversEveryEvent() throws Exception {
        stream(SyslogSinkConfig.defaults(Transport.UDP, "127.0.0.1", rsyslog.udpPort()), "udp", 400, 1000, false);
    }

    @Test
    void tcpSurvivesAReceiverRestart() throws Exception {
        stream(SyslogSinkConfig.defaults(Transport.TCP, "127.0.0.1", rsyslog.tcpPort())
                .withFraming(Framing.OCTET_COUNTING), "tcp", 3000, 1000, true);
    }

    @Test
    void tlsSurvivesAReceiverRestart() throws Exception {
        stream(SyslogSinkConfig.defaults(Transport.TLS, "127.0.0.1", rsyslog.tlsPort())
                .withTls(SyslogTls.context(pki.caCertificate(), pki.clientPkcs12(), pki.password())),
                "tls", 3000, 1000, true);
    }

    private static void stream(SyslogSinkConfig config, String app, int events, int rate, boolean restart)
            throws Exception {
        SyntheticGenerator generator = SyntheticGenerator.builder().seed(app.hashCode()).count(events).rate(rate)
                .allFamilies(false).build();
        SimulatorConfig simConfig = SimulatorConfig.builder(generator)
                .tls(ServerTls.server(pki.serverKeystore(), pki.password()))
                .peerCheck(PeerCheck.Mode.STRICT_IP).build();
        SyslogSink sink = config.withNames("fmc-test", app).build();
        try (Simulator sim = new Simulator(simConfig).start();
                FmcPipeline p = pipeline(sim, sink, dir.resolve("data-" + app))) {
            p.start();
            if (restart) {
                assertThat(ClientHarness.await(Duration.ofSeconds(30), () -> received(app).size() > events / 4))
                        .as("some events before the restart").isTrue();
                rsyslog.stop();
                Thread.sleep(1500); // events keep coming; the sink fails, the pipeline holds them
                rsyslog.restart();
            }
            boolean complete = ClientHarness.await(Duration.ofSeconds(60), () -> received(app).size() == events);
            Set<Long> got = received(app);
            assertThat(complete).as("%d of %d events arrived over %s", got.size(), events, app).isTrue();
            assertThat(got).allMatch(k -> k >= 0 && k < events);
            if (restart) {
                assertThat(sink.connections()).isGreaterThanOrEqualTo(2);
            }
        } finally {
            sink.close();
        }
    }

    /** Event indexes of the well-formed CEF messages rsyslog wrote for this app (a bad line fails the test). */
    private static Set<Long> received(String app) {
        Set<Long> keys = new HashSet<>();
        for (String line : rsyslog.lines()) {
            String[] parts = line.split("\\|", 4);
            if (parts.length < 4 || !parts[2].equals(app)) {
                continue;
            }
            assertThat(parts[1]).isEqualTo("fmc-test");
            CefParser.Cef cef = CefParser.parse(parts[3]);
            assertThat(cef.signatureId()).isEqualTo("RNA:1003:1");
            keys.add(SyntheticGenerator.eventIndex(cef.extension().get("request")));
        }
        return keys;
    }

    private static FmcPipeline pipeline(Simulator sim, SyslogSink sink, Path data) {
        SessionSettings settings = ClientHarness.settings(sim.port(), RequestFlags.ENCORE_DEFAULT, Duration.ofSeconds(30));
        return new FmcPipeline("cef-" + data.getFileName(), settings, ClientHarness.tls(pki), new RecordDecoder(),
                RecordFilter.all(), List.of(new Output("cef", new CefFormatter(), sink)),
                new BookmarkStore(BookmarkStore.fileFor(data, settings.host(), settings.port())), FmcPipeline.Start.BOOKMARK,
                50, 200, Duration.ofMillis(100));
    }
}
