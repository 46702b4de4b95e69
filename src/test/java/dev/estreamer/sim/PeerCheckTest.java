package dev.estreamer.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.testing.TestPki;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerCheckTest {
    @TempDir
    static Path dir;
    static X509Certificate loopbackCn;
    static X509Certificate lanCn;
    static X509Certificate v6Cn;
    static X509Certificate hostCn;

    @BeforeAll
    static void certificates() {
        loopbackCn = TestPki.create(dir.resolve("a"), b -> b.ellipticCurve(true)).pki().clientCertificate();
        lanCn = TestPki.create(dir.resolve("b"), b -> b.ellipticCurve(true).clientCommonName("192.168.50.50")).pki().clientCertificate();
        v6Cn = TestPki.create(dir.resolve("c"), b -> b.ellipticCurve(true).clientCommonName("2001:db8::7")).pki().clientCertificate();
        hostCn = TestPki.create(dir.resolve("d"), b -> b.ellipticCurve(true).clientCommonName("siem.example.org")).pki().clientCertificate();
    }

    @Test
    void matchingCnPasses() throws Exception {
        assertThat(PeerCheck.verify(PeerCheck.Mode.STRICT_IP, lanCn, InetAddress.getByName("192.168.50.50"))).isEmpty();
        assertThat(PeerCheck.verify(PeerCheck.Mode.STRICT_IP, v6Cn, InetAddress.getByName("2001:db8:0:0:0:0:0:7")))
                .isEmpty();
    }

    @Test
    void ipv4MappedAndLoopbackFormsAreTreatedAsTheSameHost() throws Exception {
        assertThat(PeerCheck.verify(PeerCheck.Mode.STRICT_IP, lanCn, InetAddress.getByName("::ffff:192.168.50.50")))
                .isEmpty();
        assertThat(PeerCheck.verify(PeerCheck.Mode.STRICT_IP, loopbackCn, InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(PeerCheck.verify(PeerCheck.Mode.STRICT_IP, loopbackCn, InetAddress.getByName("::1"))).isEmpty();
        assertThat(PeerCheck.verify(PeerCheck.Mode.STRICT_IP, loopbackCn, InetAddress.getByName("::ffff:127.0.0.1")))
                .isEmpty();
    }

    @Test
    void mismatchFailsWithAReason() throws Exception {
        assertThat(PeerCheck.verify(PeerCheck.Mode.STRICT_IP, lanCn, InetAddress.getByName("10.0.0.9")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("192.168.50.50").contains("10.0.0.9"));
        assertThat(PeerCheck.verify(PeerCheck.Mode.STRICT_IP, loopbackCn, InetAddress.getByName("192.168.50.50")))
                .isPresent();
        assertThat(PeerCheck.verify(PeerCheck.Mode.STRICT_IP, hostCn, InetAddress.getByName("127.0.0.1")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("siem.example.org").contains("not an IP"));
    }

    @Test
    void offAcceptsAnything() throws Exception {
        assertThat(PeerCheck.verify(PeerCheck.Mode.OFF, hostCn, InetAddress.getByName("10.0.0.9"))).isEmpty();
    }
}
