package dev.estreamer.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;

/**
 * The client key and certificates from the PKCS#12 an FMC issues (client certificate, its key and the FMC's internal CA).
 *
 * <p>Read with Bouncy Castle's PKCS#12 PDU API rather than the JDK keystore: it reads every vintage
 * FMCs have produced (3DES / RC2-40 legacy as well as AES-256 PBES2), and checking the MAC ourselves lets
 * us tell "wrong password" apart from "damaged file". BC is used as a local provider instance and is never
 * registered globally. The password is never logged nor put in a message.
 */
public final class Pkcs12Credentials {
    private static final Provider BC = new BouncyCastleProvider();
    private static final Map<ASN1ObjectIdentifier, String> KEY_ALGORITHMS = Map.of(
            PKCSObjectIdentifiers.rsaEncryption, "RSA",
            PKCSObjectIdentifiers.id_RSASSA_PSS, "RSASSA-PSS",
            X9ObjectIdentifiers.id_ecPublicKey, "EC",
            X9ObjectIdentifiers.id_dsa, "DSA",
            EdECObjectIdentifiers.id_Ed25519, "Ed25519",
            EdECObjectIdentifiers.id_Ed448, "Ed448");

    private final Path source;
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final List<X509Certificate> authorities;

    private Pkcs12Credentials(Path source, PrivateKey privateKey, List<X509Certificate> chain,
                              List<X509Certificate> authorities) {
        this.source = source;
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
        this.authorities = List.copyOf(authorities);
    }

    /** Reads and decrypts {@code p12}; throws {@link CredentialsException} with one sentence saying what to fix. */
    public static Pkcs12Credentials load(Path p12, char[] password) {
        char[] pw = password == null ? new char[0] : password;
        byte[] bytes = readFile(p12);
        PKCS12PfxPdu pfx = parse(p12, bytes);
        boolean terminatorEncoding = verifyMac(p12, pfx, pw);
        try {
            return fromPdu(p12, pfx, pw, terminatorEncoding);
        } catch (CredentialsException e) {
            if (pw.length == 0) {
                // BC refuses an empty password for PBES2, which the JDK (and OpenSSL 3) write; the JDK reads it.
                Pkcs12Credentials jdk = fromJdkKeyStore(p12, bytes);
                if (jdk != null) {
                    return jdk;
                }
            }
            throw e;
        }
    }

    private static Pkcs12Credentials fromPdu(Path p12, PKCS12PfxPdu pfx, char[] pw, boolean terminatorEncoding) {
        // setTryWrongPKCS12Zero: an empty password is encoded two ways in the wild (no bytes, or the
        // two-byte terminator); use the one the MAC matched.
        InputDecryptorProvider decryptor = new JcePKCSPBEInputDecryptorProviderBuilder()
                .setProvider(BC).setTryWrongPKCS12Zero(terminatorEncoding).build(pw);
        List<Bag<PrivateKeyInfo>> keys = new ArrayList<>();
        List<Bag<X509Certificate>> certs = new ArrayList<>();
        try {
            for (ContentInfo info : pfx.getContentInfos()) {
                PKCS12SafeBagFactory factory = info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)
                        ? new PKCS12SafeBagFactory(info, decryptor)
                        : new PKCS12SafeBagFactory(info);
                for (PKCS12SafeBag bag : factory.getSafeBags()) {
                    byte[] keyId = localKeyId(bag);
                    if (bag.getType().equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag)) {
                        PKCS8EncryptedPrivateKeyInfo encrypted = (PKCS8EncryptedPrivateKeyInfo) bag.getBagValue();
                        keys.add(new Bag<>(encrypted.decryptPrivateKeyInfo(decryptor), keyId));
                    } else if (bag.getType().equals(PKCSObjectIdentifiers.keyBag)) {
                        keys.add(new Bag<>((PrivateKeyInfo) bag.getBagValue(), keyId));
                    } else if (bag.getType().equals(PKCSObjectIdentifiers.certBag)
                            && bag.getBagValue() instanceof X509CertificateHolder holder) {
                        certs.add(new Bag<>(toCertificate(holder), keyId));
                    }
                }
            }
        } catch (PKCSException | RuntimeException e) {
            String why = pfx.hasMac()
                    ? "cannot decrypt PKCS#12 " + p12 + " although its password is right (" + e.getMessage()
                      + "): the file is damaged or uses an encryption this client does not know; export it again from the FMC"
                    : "cannot decrypt PKCS#12 " + p12 + ": the password is wrong or the file is damaged;"
                      + " check the password you set when creating the client on the FMC";
            throw new CredentialsException(why, e);
        }
        if (keys.isEmpty()) {
            throw new CredentialsException("PKCS#12 " + p12 + " holds no private key: use the .pkcs12 file the FMC"
                    + " generated for this client (System > Integration > eStreamer > Create Client), not a CA or certificate export");
        }
        if (certs.isEmpty()) {
            throw new CredentialsException("PKCS#12 " + p12 + " holds a private key but no certificate:"
                    + " use the .pkcs12 file the FMC generated for this client");
        }
        Bag<PrivateKeyInfo> key = keys.get(0);
        X509Certificate leaf = pickLeaf(key, certs);
        List<X509Certificate> all = certs.stream().map(Bag::value).toList();
        List<X509Certificate> chain = buildChain(leaf, all);
        return new Pkcs12Credentials(p12, toPrivateKey(p12, key.value()), chain, authoritiesOf(leaf, all, chain));
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate clientCertificate() {
        return chain.get(0);
    }

    /** Client certificate first, then its issuers as far as the file contains them. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The CA certificates inside the file (the FMC's internal CA), used to verify the FMC's certificate. */
    public List<X509Certificate> authorities() {
        return authorities;
    }

    /** The client certificate's CN: the address the FMC expects this client to connect from. */
    public String subjectCommonName() {
        return commonName(clientCertificate());
    }

    public Instant notBefore() {
        return clientCertificate().getNotBefore().toInstant();
    }

    /** When the client certificate expires; not checked here (the diagnostics command reports it). */
    public Instant notAfter() {
        return clientCertificate().getNotAfter().toInstant();
    }

    public Path source() {
        return source;
    }

    @Override
    public String toString() {
        return "Pkcs12Credentials[" + source + ", CN=" + subjectCommonName() + ", notAfter=" + notAfter() + "]";
    }

    /** The CN of a certificate's subject, or "" when it has none. */
    static String commonName(X509Certificate certificate) {
        try {
            List<Rdn> rdns = new LdapName(certificate.getSubjectX500Principal().getName()).getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if (rdns.get(i).getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdns.get(i).getValue());
                }
            }
            return "";
        } catch (InvalidNameException e) {
            return "";
        }
    }

    private record Bag<T>(T value, byte[] localKeyId) {
    }

    private static byte[] readFile(Path p12) {
        if (!Files.exists(p12)) {
            throw new CredentialsException("PKCS#12 file " + p12 + " does not exist: set"
                    + " subscription.servers[0].pkcs12Filepath to the file the FMC gave you");
        }
        if (Files.isDirectory(p12)) {
            throw new CredentialsException("PKCS#12 path " + p12 + " is a directory: set"
                    + " subscription.servers[0].pkcs12Filepath to the file the FMC gave you");
        }
        try {
            return Files.readAllBytes(p12);
        } catch (IOException e) {
            throw new CredentialsException("cannot read PKCS#12 file " + p12 + " (" + e
                    + "): check that this user may read it", e);
        }
    }

    private static PKCS12PfxPdu parse(Path p12, byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.ISO_8859_1);
        if (head.contains("-----BEGIN")) {
            throw new CredentialsException(p12 + " is a PEM file, not a PKCS#12: point"
                    + " subscription.servers[0].pkcs12Filepath at the binary .pkcs12 file the FMC gave you");
        }
        try {
            return new PKCS12PfxPdu(bytes);
        } catch (IOException | RuntimeException e) {
            throw new CredentialsException(p12 + " is not a PKCS#12 file (" + e.getMessage() + "): point"
                    + " subscription.servers[0].pkcs12Filepath at the .pkcs12 file the FMC gave you", e);
        }
    }

    /** Throws on a wrong password; returns true when the MAC matched an empty password encoded with the terminator. */
    private static boolean verifyMac(Path p12, PKCS12PfxPdu pfx, char[] pw) {
        if (!pfx.hasMac()) {
            return false; // no integrity MAC: a wrong password shows up as a decryption failure instead
        }
        boolean valid;
        try {
            valid = pfx.isMacValid(new JcePKCS12MacCalculatorBuilderProvider().setProvider(BC), pw);
        } catch (PKCSException | RuntimeException e) {
            throw new CredentialsException("cannot check the integrity of PKCS#12 " + p12 + " (MAC algorithm "
                    + pfx.getMacAlgorithmID().getAlgorithm() + ": " + e.getMessage()
                    + "): export the file again from the FMC", e);
        }
        if (valid) {
            return false;
        }
        if (pw.length == 0 && macMatchesEmptyPasswordWithTerminator(pfx)) {
            return true;
        }
        throw new CredentialsException("wrong password for PKCS#12 " + p12 + ": use the password entered when"
                + " the client was created on the FMC (environment variable, password file or prompt)");
    }

    /** The JDK's reader, for empty-password files BC cannot decrypt; null when it cannot either. */
    private static Pkcs12Credentials fromJdkKeyStore(Path p12, byte[] bytes) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), new char[0]);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getKey(alias, new char[0]) instanceof PrivateKey key) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate cert : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) cert);
                    }
                    List<X509Certificate> all = new ArrayList<>(chain);
                    for (String other : Collections.list(store.aliases())) {
                        if (store.isCertificateEntry(other) && store.getCertificate(other) instanceof X509Certificate c
                                && !all.contains(c)) {
                            all.add(c);
                        }
                    }
                    return new Pkcs12Credentials(p12, key, chain, authoritiesOf(chain.get(0), all, chain));
                }
            }
            return null;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /**
     * An empty password has two encodings: no bytes (Bouncy Castle) or the two-byte BMPString terminator
     * (OpenSSL, the JDK). BC's PDU API computes only the former, so compute the latter here.
     */
    private static boolean macMatchesEmptyPasswordWithTerminator(PKCS12PfxPdu pfx) {
        try {
            Pfx asn1 = pfx.toASN1Structure();
            MacData macData = asn1.getMacData();
            AlgorithmIdentifier digestAlgorithm = macData.getMac().getAlgorithmId();
            ExtendedDigest kdfDigest = BcDefaultDigestProvider.INSTANCE.get(digestAlgorithm);
            PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(kdfDigest);
            generator.init(new byte[2], macData.getSalt(), macData.getIterationCount().intValueExact());
            KeyParameter key = (KeyParameter) generator.generateDerivedMacParameters(kdfDigest.getDigestSize() * 8);
            HMac hmac = new HMac(BcDefaultDigestProvider.INSTANCE.get(digestAlgorithm));
            hmac.init(key);
            byte[] content = ASN1OctetString.getInstance(asn1.getAuthSafe().getContent()).getOctets();
            hmac.update(content, 0, content.length);
            byte[] computed = new byte[hmac.getMacSize()];
            hmac.doFinal(computed, 0);
            return MessageDigest.isEqual(computed, macData.getMac().getDigest());
        } catch (OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] localKeyId(PKCS12SafeBag bag) {
        Attribute[] attributes = bag.getAttributes();
        if (attributes == null) {
            return null;
        }
        for (Attribute attribute : attributes) {
            if (attribute.getAttrType().equals(PKCSObjectIdentifiers.pkcs_9_at_localKeyId)
                    && attribute.getAttrValues().size() > 0
                    && attribute.getAttrValues().getObjectAt(0) instanceof ASN1OctetString octets) {
                return octets.getOctets();
            }
        }
        return null;
    }

    private static X509Certificate pickLeaf(Bag<PrivateKeyInfo> key, List<Bag<X509Certificate>> certs) {
        if (key.localKeyId() != null) {
            for (Bag<X509Certificate> cert : certs) {
                if (Arrays.equals(key.localKeyId(), cert.localKeyId())) {
                    return cert.value();
                }
            }
        }
        // No matching local key id: the client certificate is the one that is not a CA.
        for (Bag<X509Certificate> cert : certs) {
            if (cert.value().getBasicConstraints() < 0 && !isSelfSigned(cert.value())) {
                return cert.value();
            }
        }
        return certs.get(0).value();
    }

    private static List<X509Certificate> buildChain(X509Certificate leaf, List<X509Certificate> all) {
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate current = leaf;
        while (current != null && !chain.contains(current)) {
            chain.add(current);
            if (isSelfSigned(current)) {
                break;
            }
            X509Certificate issuer = null;
            for (X509Certificate candidate : all) {
                if (candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())
                        && !candidate.equals(current)) {
                    issuer = candidate;
                    break;
                }
            }
            current = issuer;
        }
        return chain;
    }

    private static List<X509Certificate> authoritiesOf(X509Certificate leaf, List<X509Certificate> all,
                                                       List<X509Certificate> chain) {
        List<X509Certificate> authorities = new ArrayList<>();
        for (X509Certificate cert : all) {
            if (!cert.equals(leaf) && !authorities.contains(cert)
                    && (cert.getBasicConstraints() >= 0 || isSelfSigned(cert))) {
                authorities.add(cert);
            }
        }
        if (authorities.isEmpty() && chain.size() > 1) {
            authorities.addAll(chain.subList(1, chain.size()));
        }
        return authorities;
    }

    private static boolean isSelfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static X509Certificate toCertificate(X509CertificateHolder holder) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("unreadable certificate " + holder.getSubject() + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey toPrivateKey(Path p12, PrivateKeyInfo info) {
        ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
        try {
            String algorithm = KEY_ALGORITHMS.get(oid);
            if (algorithm != null) {
                // JDK key objects, so the JDK's TLS stack handles them without provider translation.
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
            }
            return BouncyCastleProvider.getPrivateKey(info);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new CredentialsException("PKCS#12 " + p12 + " holds a private key of algorithm " + oid
                    + " that cannot be used (" + e.getMessage() + "): ask the FMC for a new client certificate", e);
        }
    }
}
