package dev.estreamer.sink.syslog;

import dev.estreamer.sink.Sink;
import dev.estreamer.sink.SinkContractTest;
import dev.estreamer.sink.syslog.SyslogSinkConfig.Transport;
import dev.estreamer.testing.ClientHarness;
import dev.estreamer.testing.Rsyslog;
import dev.estreamer.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The sink contract for the UDP syslog sink, read back from a real rsyslogd. The failing target is a host name
 * that cannot resolve (a UDP send to a closed port only fails on a later send, after the ICMP error came back).
 */
class UdpSyslogSinkContractTest extends SinkContractTest {
    private static final AtomicInteger RUN = new AtomicInteger();
    private static Rsyslog rsyslog;
    private String app;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("estreamer-udp-contract");
        rsyslog = Rsyslog.start(dir.resolve("rsyslog"), TestPki.create(dir.resolve("pki")));
    }

    @AfterAll
    static void stop() throws Exception {
        rsyslog.close();
    }

    @Override
    protected Sink newWorkingSink() {
        app = "udpcontract" + RUN.incrementAndGet();
        return SyslogSinkConfig.defaults(Transport.UDP, "127.0.0.1", rsyslog.udpPort()).withNames("h", app).build();
    }

    @Override
    protected List<String> readBack() {
        String prefix = "imudp|h|" + app + "|";
        int[] last = {-1};
        ClientHarness.await(Duration.ofSeconds(5), () -> {
            int n = (int) rsyslog.lines().stream().filter(l -> l.startsWith(prefix)).count();
            boolean stable = n == last[0] && n > 0;
            last[0] = n;
            if (!stable) {
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return stable;
        });
        return rsyslog.lines().stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    @Override
    protected Sink newFailingSink() {
        return SyslogSinkConfig.defaults(Transport.UDP, "no-such-host.invalid", 514).build();
    }
}
