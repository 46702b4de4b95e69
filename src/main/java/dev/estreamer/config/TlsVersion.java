package dev.estreamer.config;

import java.util.List;

/** The TLS protocol versions a session may negotiate with the FMC. */
public enum TlsVersion {
    TLS_1_2("1.2", List.of("TLSv1.2")),
    TLS_1_3("1.3", List.of("TLSv1.3")),
    /** The best both sides support: TLS 1.3, else 1.2. */
    AUTO("auto", List.of("TLSv1.3", "TLSv1.2"));

    private final String word;
    private final List<String> protocols;

    TlsVersion(String word, List<String> protocols) {
        this.word = word;
        this.protocols = protocols;
    }

    /** The spelling in the configuration file. */
    public String word() {
        return word;
    }

    /** JSSE protocol names, for {@code SSLParameters.setProtocols}. */
    public List<String> protocols() {
        return protocols;
    }
}
