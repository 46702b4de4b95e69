package dev.estreamer.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The simulator's TLS side: its key from {@code server.p12}, trusting only the CA inside that file, like an
 * FMC that accepts only clients its internal CA issued.
 *
 * <p>Loaded with the JDK's own PKCS#12 reader on purpose: the simulator must not depend on the client's
 * session package, and it doubles as a check that {@link Pki}'s files are readable by the JDK.
 */
public final class ServerTls {
    /** What the simulator offers: TLS 1.3 and 1.2, as current FMCs do. */
    public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private ServerTls() {
    }

    /** A server context from {@code serverP12}; callers must also apply {@link #configure(SSLServerSocket)}. */
    public static SSLContext server(Path serverP12, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(serverP12)) {
                store.load(in, password);
            }
            List<X509Certificate> authorities = authorities(store);
            if (authorities.isEmpty()) {
                throw new IllegalStateException("server keystore " + serverP12
                        + " contains no CA certificate to verify clients with; regenerate it with Pki");
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < authorities.size(); i++) {
                trust.setCertificateEntry("ca-" + i, authorities.get(i));
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            TrustManagerFactory trusts = TrustManagerFactory.getInstance("PKIX");
            trusts.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trusts.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the simulator's server keystore " + serverP12 + ": "
                    + e.getMessage(), e);
        }
    }

    /** Mutual TLS as on the FMC: the client must present a certificate; TLS 1.2 and 1.3. */
    public static SSLServerSocket configure(SSLServerSocket socket) {
        socket.setNeedClientAuth(true);
        socket.setEnabledProtocols(PROTOCOLS.clone());
        return socket;
    }

    /** The CA certificates in the store: trusted entries, and the issuers in each key's chain. */
    private static List<X509Certificate> authorities(KeyStore store) throws GeneralSecurityException {
        List<X509Certificate> result = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isCertificateEntry(alias) && store.getCertificate(alias) instanceof X509Certificate cert) {
                add(result, cert);
            }
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain != null) {
                for (int i = 1; i < chain.length; i++) {
                    add(result, (X509Certificate) chain[i]);
                }
            }
        }
        return result;
    }

    private static void add(List<X509Certificate> list, X509Certificate cert) {
        if (!list.contains(cert)) {
            list.add(cert);
        }
    }
}
