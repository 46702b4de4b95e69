package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.estreamer.config.ConfigException;
import dev.estreamer.config.ConfigLoader;
import dev.estreamer.config.EstreamerConfig;
import dev.estreamer.config.FileCheck;
import dev.estreamer.config.Outputter;
import dev.estreamer.format.CefFormatter;
import dev.estreamer.sink.syslog.SyslogSink;
import dev.estreamer.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** cef outputters and udp/tcp/tls:// streams in a configuration become CefFormatter and syslog sinks. */
@Timeout(30)
class AssemblySyslogTest {
    @TempDir
    Path dir;

    private EstreamerConfig config(String outputter) {
        return ConfigLoader.parse("""
                {"subscription": {"servers": [{"host": "10.0.0.1"}]}, "handler": {"outputters": [%s]}}
                """.formatted(outputter), dir.resolve("estreamer.conf"), FileCheck.SKIP);
    }

    @Test
    void cefOptionsReachTheFormatter() {
        Outputter o = config("""
                {"adapter": "cef", "cef": {"encoreCompatible": true, "ipv6InSourceDestination": true, "deviceVersion": "7.4"},
                 "stream": {"uri": "udp://127.0.0.1:5514"}}""").handler().outputters().get(0);
        CefFormatter f = (CefFormatter) Assembly.formatter(o, "handler.outputters[0]");
        assertThat(f.options().encoreCompatible()).isTrue();
        assertThat(f.options().ipv6InSourceDestination()).isTrue();
        assertThat(f.options().deviceVersion()).isEqualTo("7.4");
    }

    @Test
    void eachSchemeGetsItsSyslogSink() {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        for (String uri : new String[] {"udp://127.0.0.1:5514", "tcp://127.0.0.1:5514", "tls://localhost:6514"}) {
            Outputter o = config("""
                    {"adapter": "cef", "stream": {"uri": "%s", "options": {"caFile": "%s", "framing": "octet-counting"}}}"""
                    .formatted(uri, pki.caCertificate())).handler().outputters().get(0);
            try (SyslogSink sink = Assembly.syslogSink(o, "handler.outputters[0]")) {
                assertThat(sink.toString()).isEqualTo("syslog " + uri);
            }
        }
    }

    @Test
    void tlsWithoutACaFileIsAConfigurationErrorNamingTheKey() {
        assertThatThrownBy(() -> config("""
                {"adapter": "cef", "stream": {"uri": "tls://siem:6514"}}"""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("handler.outputters[0].stream.options.caFile");
    }
}
