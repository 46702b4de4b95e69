package dev.estreamer.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.estreamer.Stage;
import dev.estreamer.testing.TestPki;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class Pkcs12CredentialsTest {
    @TempDir
    static Path shared;
    static TestPki pki;

    @BeforeAll
    static void createPki() {
        pki = TestPki.create(shared.resolve("modern"));
    }

    @Test
    void loadsKeyClientCertificateAndFmcCa() throws Exception {
        Pkcs12Credentials creds = Pkcs12Credentials.load(pki.clientPkcs12(), pki.password());

        assertThat(creds.subjectCommonName()).isEqualTo("127.0.0.1");
        assertThat(creds.clientCertificate()).isEqualTo(pki.pki().clientCertificate());
        assertThat(creds.chain()).containsExactly(pki.pki().clientCertificate(), pki.pki().ca());
        assertThat(creds.authorities()).containsExactly(pki.pki().ca());
        assertThat(creds.privateKey().getAlgorithm()).isEqualTo("RSA");
        // the key belongs to the certificate: a signature made with it verifies with the certificate
        java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
        signer.initSign(creds.privateKey());
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
        verifier.initVerify(creds.clientCertificate());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(creds.toString()).doesNotContain(TestPki.PASSWORD);
    }

    @Test
    void modernFileUsesAes256AndIsReadableByTheJdk() throws Exception {
        assertThat(encryptionAlgorithms(pki.clientPkcs12(), pki.password()))
                .containsOnly(PKCSObjectIdentifiers.id_PBES2);
        KeyStore jdk = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pki.clientPkcs12())) {
            jdk.load(in, pki.password());
        }
        String alias = jdk.aliases().nextElement();
        assertThat(jdk.isKeyEntry(alias)).isTrue();
        assertThat(jdk.getCertificateChain(alias)).hasSize(2);
    }

    @Test
    void filesNeverContainThePassword() throws Exception {
        for (Path file : List.of(pki.clientPkcs12(), pki.serverKeystore(), pki.caCertificate())) {
            String content = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
            String utf16 = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_16BE);
            assertThat(content).doesNotContain(TestPki.PASSWORD);
            assertThat(utf16).doesNotContain(TestPki.PASSWORD);
        }
    }

    @Test
    void wrongPasswordIsReportedAsSuchWithoutLeakingIt() {
        char[] wrong = "Sup3r-Secret-Guess".toCharArray();
        assertThatThrownBy(() -> Pkcs12Credentials.load(pki.clientPkcs12(), wrong))
                .isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("wrong password for PKCS#12 " + pki.clientPkcs12())
                .satisfies(e -> assertThat(((CredentialsException) e).stage()).isEqualTo(Stage.SESSION))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Sup3r-Secret-Guess", TestPki.PASSWORD));
    }

    @Test
    void missingFileNamesThePathAndTheSetting(@TempDir Path dir) {
        Path missing = dir.resolve("client.pkcs12");
        assertThatThrownBy(() -> Pkcs12Credentials.load(missing, pki.password()))
                .isInstanceOf(CredentialsException.class)
                .hasMessage("PKCS#12 file " + missing + " does not exist: set subscription.servers[0].pkcs12Filepath"
                        + " to the file the FMC gave you");
    }

    @Test
    void pemAndGarbageAreNotPkcs12(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Pkcs12Credentials.load(pki.caCertificate(), pki.password()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("is a PEM file, not a PKCS#12");
        Path garbage = Files.write(dir.resolve("garbage.p12"), "hello, not ASN.1".getBytes());
        assertThatThrownBy(() -> Pkcs12Credentials.load(garbage, pki.password()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining(garbage + " is not a PKCS#12 file");
    }

    @Test
    void legacyEncryptedFileLoads(@TempDir Path dir) throws Exception {
        TestPki legacy = TestPki.create(dir, b -> b.legacyClientEncryption(true));
        assertThat(encryptionAlgorithms(legacy.clientPkcs12(), legacy.password())).containsExactlyInAnyOrder(
                PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC, PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC);

        Pkcs12Credentials creds = Pkcs12Credentials.load(legacy.clientPkcs12(), legacy.password());

        assertThat(creds.subjectCommonName()).isEqualTo("127.0.0.1");
        assertThat(creds.authorities()).containsExactly(legacy.pki().ca());
        assertThatThrownBy(() -> Pkcs12Credentials.load(legacy.clientPkcs12(), "nope".toCharArray()))
                .hasMessageStartingWith("wrong password");
    }

    @Test
    void expiredCertificateLoadsAndExposesNotAfter(@TempDir Path dir) {
        Instant notAfter = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        TestPki expired = TestPki.create(dir, b -> b.ellipticCurve(true).clientValidity(notAfter.minus(Duration.ofDays(30)), notAfter));

        Pkcs12Credentials creds = Pkcs12Credentials.load(expired.clientPkcs12(), expired.password());

        assertThat(creds.notAfter()).isEqualTo(notAfter);
        assertThat(creds.notAfter()).isBefore(Instant.now());
    }

    @Test
    void emptyPasswordIsAllowedAndCommonNameCanBeOverridden(@TempDir Path dir) {
        TestPki open = TestPki.create(dir, b -> b.ellipticCurve(true).clientPassword(new char[0]).clientCommonName("10.1.2.3"));

        Pkcs12Credentials creds = Pkcs12Credentials.load(open.clientPkcs12(), new char[0]);

        assertThat(creds.subjectCommonName()).isEqualTo("10.1.2.3");
        assertThat(creds.privateKey().getAlgorithm()).isEqualTo("EC");
        assertThatThrownBy(() -> Pkcs12Credentials.load(open.clientPkcs12(), "x".toCharArray()))
                .hasMessageStartingWith("wrong password");
    }

    @Test
    void emptyPasswordWrittenByTheJdkLoads(@TempDir Path dir) throws Exception {
        // The JDK (like OpenSSL) encodes an empty password with the BMPString terminator, BC without it.
        Pkcs12Credentials source = Pkcs12Credentials.load(pki.clientPkcs12(), pki.password());
        KeyStore jdk = KeyStore.getInstance("PKCS12");
        jdk.load(null, null);
        jdk.setKeyEntry("client", source.privateKey(), new char[0],
                source.chain().toArray(new java.security.cert.Certificate[0]));
        Path file = dir.resolve("jdk-empty.p12");
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            jdk.store(out, new char[0]);
        }

        Pkcs12Credentials creds = Pkcs12Credentials.load(file, new char[0]);

        assertThat(creds.clientCertificate()).isEqualTo(source.clientCertificate());
        assertThat(creds.authorities()).containsExactly(pki.pki().ca());
    }

    @Test
    void jdkWrittenFileWithoutCaLoadsButCannotVerifyTheServer(@TempDir Path dir) throws Exception {
        Pkcs12Credentials source = Pkcs12Credentials.load(pki.clientPkcs12(), pki.password());
        KeyStore jdk = KeyStore.getInstance("PKCS12");
        jdk.load(null, null);
        jdk.setKeyEntry("client", source.privateKey(), pki.password(),
                new java.security.cert.Certificate[] {source.clientCertificate()});
        Path file = dir.resolve("leaf-only.p12");
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            jdk.store(out, pki.password());
        }

        Pkcs12Credentials creds = Pkcs12Credentials.load(file, pki.password());

        assertThat(creds.chain()).containsExactly(source.clientCertificate());
        assertThat(creds.authorities()).isEmpty();
        assertThatThrownBy(() -> TlsContexts.client(creds, true)).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("contains no CA certificate");
        assertThat(TlsContexts.client(creds, false)).isNotNull();
    }

    /** The PBE algorithms protecting the certificate safe and the key bag. */
    private static List<ASN1ObjectIdentifier> encryptionAlgorithms(Path p12, char[] password) throws Exception {
        PKCS12PfxPdu pfx = new PKCS12PfxPdu(Files.readAllBytes(p12));
        List<ASN1ObjectIdentifier> algorithms = new ArrayList<>();
        for (ContentInfo info : pfx.getContentInfos()) {
            if (info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)) {
                algorithms.add(EncryptedData.getInstance(info.getContent()).getEncryptionAlgorithm().getAlgorithm());
            } else {
                for (PKCS12SafeBag bag : new PKCS12SafeBagFactory(info).getSafeBags()) {
                    if (bag.getBagValue() instanceof PKCS8EncryptedPrivateKeyInfo key) {
                        algorithms.add(key.getEncryptionAlgorithm().getAlgorithm());
                    }
                }
            }
        }
        return algorithms;
    }
}
