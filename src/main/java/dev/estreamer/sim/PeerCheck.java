package dev.estreamer.sim;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The FMC's post-handshake check: the client's certificate CN must be the address the connection comes from
 * (an FMC closes the connection without an error message when it is not, e.g. behind NAT).
 */
public final class PeerCheck {
    /** How strictly the simulator applies the check. */
    public enum Mode {
        /** CN must be an IP literal equal to the peer address (any loopback form matches any loopback). */
        STRICT_IP,
        /** No check, like an FMC with host-name verification disabled. */
        OFF
    }

    private PeerCheck() {
    }

    /** Empty when the peer passes; otherwise the reason the FMC would have closed the connection. */
    public static Optional<String> verify(Mode mode, SSLSession session, InetAddress remote) {
        if (mode == Mode.OFF) {
            return Optional.empty();
        }
        try {
            Certificate[] peer = session.getPeerCertificates();
            if (peer.length == 0 || !(peer[0] instanceof X509Certificate cert)) {
                return Optional.of("the client presented no X.509 certificate");
            }
            return verify(mode, cert, remote);
        } catch (SSLPeerUnverifiedException e) {
            return Optional.of("the client presented no certificate");
        }
    }

    /** Empty when {@code certificate}'s CN matches {@code remote} under {@code mode}; otherwise the reason. */
    public static Optional<String> verify(Mode mode, X509Certificate certificate, InetAddress remote) {
        if (mode == Mode.OFF) {
            return Optional.empty();
        }
        String cn = commonName(certificate);
        if (cn.isEmpty()) {
            return Optional.of("client certificate has no CN (subject " + certificate.getSubjectX500Principal() + ")");
        }
        InetAddress expected = ipLiteral(cn);
        if (expected == null) {
            return Optional.of("client certificate CN '" + cn + "' is not an IP address, but the connection comes from "
                    + remote.getHostAddress() + " and the check requires the CN to be that IP");
        }
        InetAddress actual = unmap(remote);
        expected = unmap(expected);
        if (actual.equals(expected) || (actual.isLoopbackAddress() && expected.isLoopbackAddress())) {
            return Optional.empty();
        }
        return Optional.of("client certificate CN " + cn + " does not match the connection's source address "
                + actual.getHostAddress() + " (NAT in between, or a certificate made for another host)");
    }

    private static String commonName(X509Certificate certificate) {
        try {
            List<Rdn> rdns = new LdapName(certificate.getSubjectX500Principal().getName()).getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if (rdns.get(i).getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdns.get(i).getValue()).trim();
                }
            }
        } catch (InvalidNameException e) {
            return "";
        }
        return "";
    }

    /** Parses an IPv4/IPv6 literal without touching DNS; null when {@code text} is a host name. */
    static InetAddress ipLiteral(String text) {
        String candidate = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!candidate.contains(":") && !candidate.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        try {
            return InetAddress.getByName(candidate);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** ::ffff:a.b.c.d is the IPv4 address a.b.c.d. */
    private static InetAddress unmap(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
                try {
                    return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    return address;
                }
            }
        }
        return address;
    }
}
