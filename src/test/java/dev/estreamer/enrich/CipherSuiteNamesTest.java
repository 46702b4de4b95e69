package dev.estreamer.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The built-in sslCipherSuite table names code points as the IANA TLS registry does. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CipherSuiteNamesTest {
    @Test
    void ianaNamesByCodePoint() {
        MetadataCache cache = MetadataCache.withDefaults();
        assertThat(cache.get(Tables.SSL_CIPHER_SUITES, 0L)).isEqualTo("TLS_NULL_WITH_NULL_NULL");
        assertThat(cache.get(Tables.SSL_CIPHER_SUITES, 0x000AL)).isEqualTo("TLS_RSA_WITH_3DES_EDE_CBC_SHA");
        assertThat(cache.get(Tables.SSL_CIPHER_SUITES, 0x002FL)).isEqualTo("TLS_RSA_WITH_AES_128_CBC_SHA");
        assertThat(cache.get(Tables.SSL_CIPHER_SUITES, 0x1301L)).isEqualTo("TLS_AES_128_GCM_SHA256");
        assertThat(cache.get(Tables.SSL_CIPHER_SUITES, 0xC02FL)).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(cache.get(Tables.SSL_CIPHER_SUITES, 0xCCA8L)).isEqualTo("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
        assertThat(cache.table(Tables.SSL_CIPHER_SUITES)).hasSizeGreaterThan(300)
                .allSatisfy((k, v) -> assertThat((String) v).startsWith("TLS_"));
    }
}
