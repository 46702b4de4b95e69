package dev.estreamer.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

class TlsContextsTest {
    @Test
    void versionRules() {
        assertThat(TlsContexts.protocols("1.2")).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsContexts.protocols(null)).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsContexts.protocols(" ")).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsContexts.protocols("TLSv1.2")).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsContexts.protocols("1.3")).containsExactly("TLSv1.3");
        assertThat(TlsContexts.protocols("1.1")).containsExactly("TLSv1.3", "TLSv1.2", "TLSv1.1");
        assertThat(TlsContexts.protocols("1.0")).containsExactly("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");
        assertThat(TlsContexts.protocols("1")).containsExactly("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");
    }

    @Test
    void unknownVersionIsAConfigurationError() {
        assertThatThrownBy(() -> TlsContexts.protocols("1.4"))
                .isInstanceOf(EstreamerException.class)
                .hasMessageContaining("tlsVersion \"1.4\" is not supported")
                .satisfies(e -> assertThat(((EstreamerException) e).stage()).isEqualTo(Stage.CONFIG));
    }

    @Test
    void configureEnablesExactlyTheChosenProtocols() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            TlsContexts.configure(socket, "1.3");
            assertThat(socket.getEnabledProtocols()).containsExactly("TLSv1.3");
            TlsContexts.configure(socket, "1.2");
            assertThat(socket.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        }
    }

    @Test
    void reportsLegacyProtocolsTheJdkDisables() {
        String policy = "SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4";
        assertThat(TlsContexts.disabledBy(policy, TlsContexts.protocols("1.0"))).containsExactly("TLSv1.1", "TLSv1");
        assertThat(TlsContexts.disabledBy(policy, TlsContexts.protocols("1.2"))).isEmpty();
        assertThat(TlsContexts.disabledBy(null, TlsContexts.protocols("1.0"))).isEmpty();
    }
}
