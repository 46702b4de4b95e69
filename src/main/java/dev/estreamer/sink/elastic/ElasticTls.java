package dev.estreamer.sink.elastic;

import dev.estreamer.sink.SinkException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** SSL contexts for HTTPS to Elasticsearch: trust a PEM CA file, or a certificate fingerprint (as Beats' ca_trusted_fingerprint). */
public final class ElasticTls {
    private ElasticTls() {
    }

    /** Trusts the certificates in a PEM file. */
    public static SSLContext caFile(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + n++, c);
            }
            if (n == 0) {
                throw new SinkException("elasticsearch caFile " + pem + " holds no PEM certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            X509TrustManager pkix = null;
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    pkix = x;
                }
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new CaFileTrust(pkix, pem)}, null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new SinkException("elasticsearch caFile " + pem + " cannot be read as PEM certificates: " + e.getMessage(), e);
        }
    }

    /** Trusts a chain in which some certificate has this SHA-256 fingerprint (hex, colons and case ignored). */
    public static SSLContext fingerprint(String sha256) {
        String want = sha256.replace(":", "").toLowerCase(Locale.ROOT);
        if (!want.matches("[0-9a-f]{64}")) {
            throw new SinkException("elasticsearch caFingerprint must be 64 hex digits (SHA-256), got \"" + sha256 + "\"");
        }
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new FingerprintTrust(want)}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new SinkException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The JVM's PKIX checks against the caFile's CAs, with a refusal that names the file and the certificate. */
    static final class CaFileTrust implements X509TrustManager {
        private final X509TrustManager pkix;
        private final Path pem;

        CaFileTrust(X509TrustManager pkix, Path pem) {
            this.pkix = pkix;
            this.pem = pem;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                pkix.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                X509Certificate leaf = chain.length == 0 ? null : chain[0];
                throw new CertificateException("Elasticsearch's certificate"
                        + (leaf == null ? "" : " (" + leaf.getSubjectX500Principal().getName() + ", issued by "
                        + leaf.getIssuerX500Principal().getName() + ")")
                        + " is not signed by a CA in elasticsearch.caFile " + pem + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not checked here");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pkix.getAcceptedIssuers();
        }
    }

    /** Accepts a server chain when one of its certificates has the pinned SHA-256. */
    static final class FingerprintTrust implements X509TrustManager {
        private final String sha256;

        FingerprintTrust(String sha256) {
            this.sha256 = sha256;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            for (X509Certificate c : chain) {
                try {
                    String fp = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
                    if (fp.equals(sha256)) {
                        return;
                    }
                } catch (GeneralSecurityException e) {
                    throw new CertificateException(e);
                }
            }
            throw new CertificateException("no certificate in Elasticsearch's chain ("
                    + (chain.length == 0 ? "empty" : chain[0].getSubjectX500Principal().getName())
                    + ") has the SHA-256 fingerprint set in elasticsearch.caFingerprint");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not checked here");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
