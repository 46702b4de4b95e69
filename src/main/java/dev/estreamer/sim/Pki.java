package dev.estreamer.sim;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12PBEOutputEncryptorBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * What an FMC hands out, made for the simulator and tests: an internal CA ({@code ca.crt}), the server's
 * keystore ({@code server.p12}) and the client's password-protected {@code client.pkcs12}.
 *
 * <p>The client file has the FMC's layout: an encrypted safe with the client and CA certificates, a
 * shrouded key bag, and a MAC. Modern files use PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) and an HMAC-SHA256
 * MAC, which both the JDK and Bouncy Castle read; {@link Builder#legacyClientEncryption(boolean)} writes what
 * older FMCs issue (3DES key bag, RC2-40 certificate safe, HMAC-SHA1 MAC), which is also what an empty password
 * gets because Bouncy Castle's PBES2 refuses empty passwords. Passwords never reach a file.
 */
public final class Pki {
    public static final String CA_FILE = "ca.crt";
    public static final String SERVER_FILE = "server.p12";
    public static final String CLIENT_FILE = "client.pkcs12";

    private static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ITERATIONS = 10_000;

    private final Path caCertificate;
    private final Path serverKeystore;
    private final Path clientPkcs12;
    private final X509Certificate ca;
    private final X509Certificate server;
    private final X509Certificate client;

    private Pki(Path caCertificate, Path serverKeystore, Path clientPkcs12, X509Certificate ca,
                X509Certificate server, X509Certificate client) {
        this.caCertificate = caCertificate;
        this.serverKeystore = serverKeystore;
        this.clientPkcs12 = clientPkcs12;
        this.ca = ca;
        this.server = server;
        this.client = client;
    }

    /** A CA, server keystore and client PKCS#12 (CN = {@code clientAddress}) in {@code dir}; both files use {@code clientPassword}. */
    public static Pki create(Path dir, String clientAddress, char[] clientPassword) {
        return builder(dir).clientAddress(clientAddress).clientPassword(clientPassword).build();
    }

    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    public Path caCertificate() {
        return caCertificate;
    }

    public Path serverKeystore() {
        return serverKeystore;
    }

    public Path clientPkcs12() {
        return clientPkcs12;
    }

    public X509Certificate ca() {
        return ca;
    }

    public X509Certificate serverCertificate() {
        return server;
    }

    public X509Certificate clientCertificate() {
        return client;
    }

    /** Paths only: the passwords are never part of a Pki's state or output. */
    @Override
    public String toString() {
        return "Pki[ca=" + caCertificate + ", server=" + serverKeystore + ", client=" + clientPkcs12 + "]";
    }

    /** Options for {@link Pki}; defaults: client 127.0.0.1, empty password, server password = client password. */
    public static final class Builder {
        private final Path dir;
        private String clientAddress = "127.0.0.1";
        private String clientCommonName;
        private char[] clientPassword = new char[0];
        private char[] serverPassword;
        private Instant clientNotBefore;
        private Instant clientNotAfter;
        private boolean legacyClientEncryption;
        private boolean ellipticCurve;
        private final List<String> serverNames = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));

        private Builder(Path dir) {
            this.dir = Objects.requireNonNull(dir, "dir");
        }

        /** The address the client connects from; becomes the client certificate's CN, as on the FMC. */
        public Builder clientAddress(String address) {
            this.clientAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** Overrides the CN (tests of the FMC's CN/IP mismatch). */
        public Builder clientCommonName(String commonName) {
            this.clientCommonName = commonName;
            return this;
        }

        public Builder clientPassword(char[] password) {
            this.clientPassword = password == null ? new char[0] : password.clone();
            return this;
        }

        public Builder serverPassword(char[] password) {
            this.serverPassword = password == null ? null : password.clone();
            return this;
        }

        /** Overrides the client certificate's validity (tests of expired or not-yet-valid certificates). */
        public Builder clientValidity(Instant notBefore, Instant notAfter) {
            this.clientNotBefore = notBefore;
            this.clientNotAfter = notAfter;
            return this;
        }

        /** Writes client.pkcs12 with 3DES (key) and RC2-40 (certificates) like older FMCs. */
        public Builder legacyClientEncryption(boolean legacy) {
            this.legacyClientEncryption = legacy;
            return this;
        }

        /** EC P-256 keys instead of RSA 2048: much faster to generate, for tests that need many PKIs. */
        public Builder ellipticCurve(boolean ec) {
            this.ellipticCurve = ec;
            return this;
        }

        /** Adds a DNS name or IP literal to the server certificate's SANs (besides localhost, 127.0.0.1, ::1). */
        public Builder serverName(String name) {
            serverNames.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        public Pki build() {
            try {
                return generate(this);
            } catch (IOException | GeneralSecurityException | OperatorCreationException | PKCSException e) {
                throw new IllegalStateException("cannot generate the simulator PKI in " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    private static Pki generate(Builder options) throws IOException, GeneralSecurityException,
            OperatorCreationException, PKCSException {
        Files.createDirectories(options.dir);
        Instant now = Instant.now();
        Instant notBefore = now.minus(Duration.ofDays(1));
        Instant notAfter = now.plus(Duration.ofDays(5 * 365));
        String suffix = HexFormat.of().formatHex(randomBytes(4));

        boolean ec = options.ellipticCurve;
        KeyPair caKeys = keyPair(ec);
        X500Name caName = name("estreamer simulator CA " + suffix);
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, serial(),
                java.util.Date.from(notBefore), java.util.Date.from(notAfter), caName, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
        X509Certificate ca = sign(caBuilder, caKeys.getPrivate());

        KeyPair serverKeys = keyPair(ec);
        X509v3CertificateBuilder serverBuilder = leaf(ca, caKeys, name("estreamer simulator " + suffix),
                serverKeys, notBefore, notAfter, KeyPurposeId.id_kp_serverAuth)
                .addExtension(Extension.subjectAlternativeName, false, serverNames(options.serverNames));
        X509Certificate server = sign(serverBuilder, caKeys.getPrivate());

        KeyPair clientKeys = keyPair(ec);
        String cn = options.clientCommonName != null ? options.clientCommonName : options.clientAddress;
        X509Certificate client = sign(leaf(ca, caKeys, name(cn), clientKeys,
                options.clientNotBefore != null ? options.clientNotBefore : notBefore,
                options.clientNotAfter != null ? options.clientNotAfter : notAfter,
                KeyPurposeId.id_kp_clientAuth), caKeys.getPrivate());

        Path caFile = options.dir.resolve(CA_FILE);
        writeAtomically(caFile, pem(ca).getBytes(StandardCharsets.US_ASCII));
        char[] serverPassword = options.serverPassword != null ? options.serverPassword : options.clientPassword;
        Path serverFile = options.dir.resolve(SERVER_FILE);
        writeAtomically(serverFile, pkcs12("estreamer-server", serverKeys.getPrivate(), server, ca, serverPassword, false));
        Path clientFile = options.dir.resolve(CLIENT_FILE);
        writeAtomically(clientFile, pkcs12(cn, clientKeys.getPrivate(), client, ca, options.clientPassword,
                options.legacyClientEncryption));
        return new Pki(caFile, serverFile, clientFile, ca, server, client);
    }

    private static X509v3CertificateBuilder leaf(X509Certificate ca, KeyPair caKeys, X500Name subject, KeyPair keys,
                                                 Instant notBefore, Instant notAfter, KeyPurposeId purpose)
            throws GeneralSecurityException, CertIOException {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        return new JcaX509v3CertificateBuilder(ca, serial(), java.util.Date.from(notBefore),
                java.util.Date.from(notAfter), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true,
                        new KeyUsage(keys.getPublic().getAlgorithm().equals("EC") ? KeyUsage.digitalSignature
                                : KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caKeys.getPublic()));
    }

    private static GeneralNames serverNames(List<String> names) {
        List<GeneralName> general = new ArrayList<>();
        for (String name : names) {
            general.add(isIpLiteral(name)
                    ? new GeneralName(GeneralName.iPAddress, name)
                    : new GeneralName(GeneralName.dNSName, name));
        }
        return new GeneralNames(general.toArray(GeneralName[]::new));
    }

    private static boolean isIpLiteral(String name) {
        if (!name.contains(":") && !name.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        try {
            InetAddress.getByName(name); // literal: no DNS lookup happens for these shapes
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static byte[] pkcs12(String friendlyName, PrivateKey key, X509Certificate leaf, X509Certificate ca,
                                 char[] password, boolean legacy)
            throws IOException, GeneralSecurityException, OperatorCreationException, PKCSException {
        OutputEncryptor keyEncryptor;
        OutputEncryptor certEncryptor;
        PKCS12MacCalculatorBuilder mac;
        // BC's PBES2 refuses an empty password (the FMC allows one), so such files use the PKCS#12 PBE algorithms.
        if (legacy || password.length == 0) {
            keyEncryptor = new BcPKCS12PBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                    CBCBlockCipher.newInstance(new DESedeEngine())).setIterationCount(2048).build(password);
            certEncryptor = new BcPKCS12PBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC,
                    CBCBlockCipher.newInstance(new RC2Engine())).setIterationCount(2048).build(password);
            mac = new BcPKCS12MacCalculatorBuilder();
        } else {
            keyEncryptor = aes256(password);
            certEncryptor = aes256(password);
            mac = new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256).setIterationCount(ITERATIONS)
                    .setProvider(BC);
        }
        DEROctetString keyId = new DEROctetString(
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(leaf.getPublicKey()).getKeyIdentifier());
        PKCS12SafeBagBuilder leafBag = new JcaPKCS12SafeBagBuilder(leaf);
        leafBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendlyName));
        leafBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
        // The CA travels as a plain certificate bag without a key id, as in the FMC's file.
        PKCS12SafeBag caBag = new JcaPKCS12SafeBagBuilder(ca).build();
        PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(key, keyEncryptor);
        keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendlyName));
        keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
        return new PKCS12PfxPduBuilder()
                .addEncryptedData(certEncryptor, new PKCS12SafeBag[] {leafBag.build(), caBag})
                .addData(keyBag.build())
                .build(mac, password)
                .getEncoded("DER");
    }

    private static OutputEncryptor aes256(char[] password) throws OperatorCreationException {
        return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                .setIterationCount(ITERATIONS)
                .setProvider(BC)
                .build(password);
    }

    private static KeyPair keyPair(boolean ec) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ec ? "EC" : "RSA");
        generator.initialize(ec ? 256 : 2048, RANDOM);
        return generator.generateKeyPair();
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "estreamer").addRDN(BCStyle.CN, commonName).build();
    }

    private static BigInteger serial() {
        return new BigInteger(1, randomBytes(9));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(signer.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA")
                        .build(signer)));
    }

    private static String pem(X509Certificate certificate) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        }
        return out.toString();
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
