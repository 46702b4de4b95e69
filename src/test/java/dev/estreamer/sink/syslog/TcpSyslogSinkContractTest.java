package dev.estreamer.sink.syslog;

import dev.estreamer.sink.Sink;
import dev.estreamer.sink.SinkContractTest;
import dev.estreamer.sink.syslog.SyslogSinkConfig.Transport;
import dev.estreamer.testing.ClientHarness;
import dev.estreamer.testing.Rsyslog;
import dev.estreamer.testing.TestPki;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The sink contract for the TCP syslog sink, read back from a real rsyslogd; the failing target is a closed port. */
class TcpSyslogSinkContractTest extends SinkContractTest {
    private static final AtomicInteger RUN = new AtomicInteger();
    private static Path dir;
    private static Rsyslog rsyslog;
    private String app;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("estreamer-syslog-contract");
        rsyslog = Rsyslog.start(dir.resolve("rsyslog"), TestPki.create(dir.resolve("pki")));
    }

    @AfterAll
    static void stop() throws Exception {
        rsyslog.close();
    }

    @Override
    protected Sink newWorkingSink() {
        app = "contract" + RUN.incrementAndGet();
        return SyslogSinkConfig.defaults(Transport.TCP, "127.0.0.1", rsyslog.tcpPort()).withNames("h", app).build();
    }

    @Override
    protected List<String> readBack() {
        String prefix = "imptcp|h|" + app + "|";
        int[] last = {-1};
        // what was acknowledged is in rsyslog's hands; wait until its file stops growing for this app
        ClientHarness.await(Duration.ofSeconds(5), () -> {
            int n = (int) rsyslog.lines().stream().filter(l -> l.startsWith(prefix)).count();
            boolean stable = n == last[0] && n > 0;
            last[0] = n;
            if (!stable) {
                sleep();
            }
            return stable;
        });
        return rsyslog.lines().stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected Sink newFailingSink() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        return SyslogSinkConfig.defaults(Transport.TCP, "127.0.0.1", closed).withConnectTimeout(Duration.ofSeconds(1))
                .build();
    }
}
