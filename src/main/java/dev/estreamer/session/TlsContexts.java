package dev.estreamer.session;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.Security;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;

/**
 * Client TLS for an FMC session: the client key and certificate from the FMC's PKCS#12, and trust in the FMC's
 * internal CA only.
 *
 * <p><b>No host-name verification.</b> The FMC's server certificate is issued by its own internal CA and
 * often does not name the address clients use to reach it (management IP, NAT, DNS alias), so matching the
 * host name would reject legitimate FMCs. Trusting <em>only</em> the CA shipped in the client's PKCS#12
 * (never the JDK's public CAs) already pins the session to that FMC; this is the check Cisco recommends.
 *
 * <p><b>TLS versions</b> ({@code subscription.servers[0].tlsVersion}, see {@link #protocols(String)}):
 * <ul>
 *   <li>{@code 1.2} (default, also when empty): TLS 1.2 and 1.3; 1.3 is used when the FMC offers it.</li>
 *   <li>{@code 1.3}: TLS 1.3 only.</li>
 *   <li>{@code 1.1}, {@code 1.0}: that version and every newer one, an opt-in for very old appliances. The
 *       JDK disables both by default ({@code jdk.tls.disabledAlgorithms} in
 *       {@code $JAVA_HOME/conf/security/java.security}); {@link #configure} warns when it does.</li>
 * </ul>
 * A {@code TLSv} prefix is accepted ({@code TLSv1.2}), and {@code 1} means 1.0.
 */
public final class TlsContexts {
    private static final Logger LOG = LoggerFactory.getLogger(TlsContexts.class);
    private static final String ALIAS = "fmc-client";
    private static final List<String> ORDER = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");

    private TlsContexts() {
    }

    /**
     * A client context presenting {@code creds}; with {@code verifyServer} the FMC's certificate must chain
     * to a CA inside the PKCS#12, without it every server certificate is accepted (the caller logs a warning).
     */
    public static SSLContext client(Pkcs12Credentials creds, boolean verifyServer) {
        try {
            TrustManager trust = verifyServer ? authoritiesOnly(creds) : new AcceptAnyServer();
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new X509ExtendedKeyManager[] {new ClientKey(creds)}, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new EstreamerException(Stage.SESSION, "cannot set up TLS with the client certificate from "
                    + creds.source() + ": " + e.getMessage(), e);
        }
    }

    /** The JSSE protocol names enabled for a configured {@code tlsVersion}; rules in the class comment. */
    public static String[] protocols(String tlsVersion) {
        String version = tlsVersion == null ? "" : tlsVersion.trim().toLowerCase(Locale.ROOT);
        if (version.startsWith("tlsv")) {
            version = version.substring(4);
        }
        String lowest = switch (version) {
            case "", "1.2" -> "TLSv1.2";
            case "1.3" -> "TLSv1.3";
            case "1.1" -> "TLSv1.1";
            case "1", "1.0" -> "TLSv1";
            default -> throw new EstreamerException(Stage.CONFIG, "tlsVersion \"" + tlsVersion
                    + "\" is not supported: use 1.2 (default: TLS 1.2 and 1.3), 1.3 (TLS 1.3 only), or 1.1 / 1.0"
                    + " for very old appliances");
        };
        return ORDER.subList(0, ORDER.indexOf(lowest) + 1).toArray(String[]::new);
    }

    /** Enables the protocols for {@code tlsVersion} on {@code socket}, warning when the JDK disables some of them. */
    public static SSLSocket configure(SSLSocket socket, String tlsVersion) {
        String[] wanted = protocols(tlsVersion);
        List<String> disabled = disabledByJdk(wanted);
        if (!disabled.isEmpty()) {
            LOG.warn("tlsVersion {} asks for {} but this JDK disables {} (jdk.tls.disabledAlgorithms in"
                            + " $JAVA_HOME/conf/security/java.security); a server that only speaks them will fail the"
                            + " handshake", tlsVersion, String.join(", ", wanted), String.join(", ", disabled));
        }
        List<String> supported = Arrays.asList(socket.getSupportedProtocols());
        String[] usable = Arrays.stream(wanted).filter(supported::contains).toArray(String[]::new);
        if (usable.length == 0) {
            throw new EstreamerException(Stage.SESSION, "this JDK supports none of " + String.join(", ", wanted)
                    + " asked for by tlsVersion " + tlsVersion + ": use tlsVersion 1.2");
        }
        socket.setEnabledProtocols(usable);
        return socket;
    }

    /** Those of {@code protocols} that the JDK's security policy ({@code jdk.tls.disabledAlgorithms}) turns off. */
    public static List<String> disabledByJdk(String[] protocols) {
        return disabledBy(Security.getProperty("jdk.tls.disabledAlgorithms"), protocols);
    }

    static List<String> disabledBy(String disabledAlgorithms, String[] protocols) {
        List<String> disabled = new ArrayList<>();
        if (disabledAlgorithms == null) {
            return disabled;
        }
        List<String> entries = Arrays.stream(disabledAlgorithms.split(",")).map(String::trim).toList();
        for (String protocol : protocols) {
            if (entries.contains(protocol)) {
                disabled.add(protocol);
            }
        }
        return disabled;
    }

    private static TrustManager authoritiesOnly(Pkcs12Credentials creds) throws GeneralSecurityException {
        if (creds.authorities().isEmpty()) {
            throw new CredentialsException("PKCS#12 " + creds.source() + " contains no CA certificate to verify the"
                    + " FMC with: use the file the FMC generated (it includes the FMC's internal CA), or set"
                    + " verification off for this server");
        }
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        try {
            anchors.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (X509Certificate ca : creds.authorities()) {
            anchors.setCertificateEntry("fmc-ca-" + i++, ca);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(anchors);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager) {
                return manager;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }

    /**
     * Always offers the one client certificate, whatever CA names the server lists: the FMC knows its own
     * CA, and a key manager that filtered by issuer would silently send no certificate on a mismatch, which the
     * FMC reports only by closing the connection.
     */
    private static final class ClientKey extends X509ExtendedKeyManager {
        private final PrivateKey key;
        private final X509Certificate[] chain;

        ClientKey(Pkcs12Credentials creds) {
            this.key = creds.privateKey();
            this.chain = creds.chain().toArray(X509Certificate[]::new);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return ALIAS;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
            return ALIAS;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[0];
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return ALIAS.equals(alias) ? chain.clone() : null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return ALIAS.equals(alias) ? key : null;
        }
    }

    /** Verification switched off by configuration: every server certificate is accepted. */
    private static final class AcceptAnyServer extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("this trust manager only checks servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // accepted on purpose: server verification is disabled in the configuration
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("this trust manager only checks servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // accepted on purpose: server verification is disabled in the configuration
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this trust manager only checks servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // accepted on purpose: server verification is disabled in the configuration
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
