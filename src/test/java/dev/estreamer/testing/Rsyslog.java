package dev.estreamer.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * A private rsyslogd (Debian's, with rsyslog-gnutls) on loopback: UDP (imudp), plain TCP (imptcp, LF and
 * octet-counted framing) and TLS (imtcp with gtls, RFC 5425, client certificate required) inputs, every message
 * written as {@code input|hostname|app|msg} to one file. Its own config, pid file and work directory in a
 * temporary directory; never the system daemon. Missing rsyslog is a test failure with the fix in the message.
 */
public final class Rsyslog implements AutoCloseable {
    private static final String BINARY = "/usr/sbin/rsyslogd";
    private final Path dir;
    private final Path output;
    private final int udpPort;
    private final int tcpPort;
    private final int tlsPort;
    private Process process;

    private Rsyslog(Path dir, int udpPort, int tcpPort, int tlsPort) {
        this.dir = dir;
        this.output = dir.resolve("messages.log");
        this.udpPort = udpPort;
        this.tcpPort = tcpPort;
        this.tlsPort = tlsPort;
    }

    /** Writes the configuration (and the PKI's server certificate and key as PEM) and starts rsyslogd. */
    public static Rsyslog start(Path dir, TestPki pki) throws Exception {
        requireInstalled();
        Files.createDirectories(dir.resolve("work"));
        Rsyslog r = new Rsyslog(dir, freeUdpPort(), freeTcpPort(), freeTcpPort());
        r.writePem(pki);
        r.writeConfig();
        r.launch();
        return r;
    }

    /** Fails (never skips) when rsyslogd or its TLS driver is missing: CI installs both in .ci/run. */
    public static void requireInstalled() {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new AssertionError("rsyslogd is not installed (" + BINARY + " missing); these tests need the real "
                    + "receiver: apt-get install -y rsyslog rsyslog-gnutls (.ci/run does this)");
        }
        if (!Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so"))
                && !Files.exists(Path.of("/usr/lib/rsyslog/lmnsd_gtls.so"))) {
            throw new AssertionError("rsyslog's TLS driver is missing (lmnsd_gtls.so); apt-get install -y rsyslog-gnutls");
        }
    }

    public int udpPort() {
        return udpPort;
    }

    public int tcpPort() {
        return tcpPort;
    }

    public int tlsPort() {
        return tlsPort;
    }

    /** Every complete line rsyslog wrote so far. */
    public List<String> lines() {
        if (!Files.exists(output)) {
            return List.of();
        }
        try {
            String text = Files.readString(output, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : new ArrayList<>(text.substring(0, end).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops rsyslogd (SIGTERM, as a service manager would) and waits for it to exit. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        process = null;
    }

    /** Starts it again on the same ports, appending to the same file. */
    public void restart() throws Exception {
        stop();
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void launch() throws Exception {
        Files.deleteIfExists(dir.resolve("rsyslogd.pid"));
        process = new ProcessBuilder(BINARY, "-n", "-f", dir.resolve("rsyslog.conf").toString(),
                "-i", dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!listening(tcpPort) || !listening(tlsPort)) {
            if (!process.isAlive()) {
                throw new AssertionError("rsyslogd exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("rsyslogd.out")));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("rsyslogd did not open its ports in 15 s: " + Files.readString(dir.resolve("rsyslogd.out")));
            }
            Thread.sleep(50);
        }
    }

    private static boolean listening(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void writePem(TestPki pki) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(pki.serverKeystore())) {
            ks.load(in, pki.password());
        }
        String alias = ks.aliases().nextElement();
        PrivateKey key = (PrivateKey) ks.getKey(alias, pki.password());
        X509Certificate cert = (X509Certificate) ks.getCertificate(alias);
        Files.writeString(dir.resolve("server-key.pem"), pem(key));
        Files.writeString(dir.resolve("server-cert.pem"), pem(cert));
        Files.copy(pki.caCertificate(), dir.resolve("ca.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String pem(Object o) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(o instanceof PrivateKey k ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(k, null) : o);
        }
        return w.toString();
    }

    private void writeConfig() throws IOException {
        String conf = """
                global(workDirectory="%1$s/work" maxMessageSize="64k"
                       defaultNetstreamDriverCAFile="%1$s/ca.pem"
                       defaultNetstreamDriverCertFile="%1$s/server-cert.pem"
                       defaultNetstreamDriverKeyFile="%1$s/server-key.pem")
                module(load="imudp")
                module(load="imptcp")
                module(load="imtcp" streamDriver.name="gtls" streamDriver.mode="1" streamDriver.authMode="x509/certvalid")
                template(name="line" type="string" string="%%inputname%%|%%hostname%%|%%app-name%%|%%msg%%\\n")
                input(type="imudp" address="127.0.0.1" port="%2$d" rcvbufSize="8m")
                input(type="imptcp" address="127.0.0.1" port="%3$d")
                input(type="imtcp" address="127.0.0.1" port="%4$d")
                action(type="omfile" file="%1$s/messages.log" template="line" flushOnTXEnd="on" asyncWriting="off")
                """.formatted(dir.toAbsolutePath(), udpPort, tcpPort, tlsPort);
        Files.writeString(dir.resolve("rsyslog.conf"), conf);
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
