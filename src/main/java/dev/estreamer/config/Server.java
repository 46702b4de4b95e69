package dev.estreamer.config;

import java.nio.file.Path;

/**
 * One FMC to subscribe to ({@code subscription.servers[]}).
 *
 * @param name label used in logs and metrics; "host:port" when not configured
 * @param pkcs12File the client PKCS#12 from the FMC, absolute
 * @param pkcs12PasswordEnv name of the environment variable that may hold the PKCS#12 password
 * @param pkcs12PasswordFile file whose first line is the password, absolute; null when not configured
 */
public record Server(String name, String host, int port, Path pkcs12File, String pkcs12PasswordEnv,
                     Path pkcs12PasswordFile, TlsVersion tlsVersion, boolean verifyServerCertificate) {

    /** eNcore's file prefix for this server's state files, e.g. {@code 10.1.2.3-8302}. */
    public String fileStem() {
        return host + "-" + port;
    }
}
