package dev.estreamer.testing;

import dev.estreamer.sim.Pki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** A fresh FMC-like PKI in a temporary directory: CA, server keystore, client PKCS#12 with CN 127.0.0.1. */
public final class TestPki {
    public static final String PASSWORD = "test-pass";
    public static final String CLIENT_ADDRESS = "127.0.0.1";

    private final Path dir;
    private final Pki pki;

    private TestPki(Path dir, Pki pki) {
        this.dir = dir;
        this.pki = pki;
    }

    /** In a new temporary directory. */
    public static TestPki create() {
        try {
            return create(Files.createTempDirectory("estreamer-pki-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestPki create(Path dir) {
        return create(dir, UnaryOperator.identity());
    }

    /** With extra options (CN override, validity, legacy encryption) applied to the builder. */
    public static TestPki create(Path dir, UnaryOperator<Pki.Builder> options) {
        Pki.Builder builder = Pki.builder(dir).clientAddress(CLIENT_ADDRESS).clientPassword(PASSWORD.toCharArray());
        return new TestPki(dir, options.apply(builder).build());
    }

    public Path dir() {
        return dir;
    }

    public Pki pki() {
        return pki;
    }

    public Path caCertificate() {
        return pki.caCertificate();
    }

    public Path serverKeystore() {
        return pki.serverKeystore();
    }

    public Path clientPkcs12() {
        return pki.clientPkcs12();
    }

    /** A fresh copy each call, so a test that wipes it cannot affect another. */
    public char[] password() {
        return PASSWORD.toCharArray();
    }

    public String clientAddress() {
        return CLIENT_ADDRESS;
    }
}
