package dev.estreamer.sink.syslog;

import dev.estreamer.sink.SinkException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS contexts for syslog receivers: trust only the given CA file; optionally present a client certificate. */
public final class SyslogTls {
    private SyslogTls() {
    }

    /**
     * @param caFile PEM (or DER) certificates of the authorities that may sign the receiver's certificate
     * @param clientPkcs12 a PKCS#12 with the client key and certificate, or null for none
     * @param password the PKCS#12 password (ignored without a PKCS#12)
     */
    public static SSLContext context(Path caFile, Path clientPkcs12, char[] password) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            Collection<? extends Certificate> cas;
            try (InputStream in = Files.newInputStream(caFile)) {
                cas = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (cas.isEmpty()) {
                throw new SinkException("no certificate in the syslog CA file " + caFile);
            }
            int i = 0;
            for (Certificate c : cas) {
                trust.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (clientPkcs12 != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(clientPkcs12)) {
                    keys.load(in, password);
                }
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new SinkException("cannot read syslog TLS file: " + e.getMessage()
                    + " (check the CA file, the client PKCS#12 and its password)", e);
        } catch (GeneralSecurityException e) {
            throw new SinkException("cannot set up syslog TLS: " + e.getMessage(), e);
        }
    }
}
