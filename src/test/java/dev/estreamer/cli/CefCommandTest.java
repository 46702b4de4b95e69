package dev.estreamer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.estreamer.config.Adapter;
import dev.estreamer.config.EstreamerConfig;
import dev.estreamer.config.Outputter;
import dev.estreamer.config.StreamUri;
import dev.estreamer.format.CefParser;
import dev.estreamer.testing.Golden;
import dev.estreamer.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code estreamer cef} (behind bin/estreamer-cef) and {@code decode --format cef}. */
@Timeout(60)
class CefCommandTest {
    @TempDir
    Path dir;

    private static EstreamerConfig config(String... args) throws Exception {
        CommandLine line = new DefaultParser().parse(new CefCommand().options(), args);
        return CefCommand.config(line);
    }

    @Test
    void worksWithoutAConfigurationFile() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        EstreamerConfig c = config("--host", "siem.example", "--port", "1514", "--protocol", "tcp",
                "--fmc", "fmc.example:8303", "--pkcs12", pki.clientPkcs12().toString(), "--data-dir", dir.toString(),
                "--framing", "octet-counting", "--header", "rfc3164");
        assertThat(c.subscription().servers()).hasSize(1);
        assertThat(c.subscription().servers().get(0).host()).isEqualTo("fmc.example");
        assertThat(c.subscription().servers().get(0).port()).isEqualTo(8303);
        assertThat(c.dataDirectory()).isEqualTo(dir.toAbsolutePath().normalize());
        Outputter o = c.handler().enabledOutputters().get(0);
        assertThat(c.handler().outputters()).hasSize(1);
        assertThat(o.adapter()).isEqualTo(Adapter.CEF);
        assertThat(o.uri().scheme()).isEqualTo(StreamUri.Scheme.TCP);
        assertThat(o.uri().host()).isEqualTo("siem.example");
        assertThat(o.uri().port()).isEqualTo(1514);
        assertThat(o.syslog().octetCounting()).isTrue();
        assertThat(o.syslog().rfc5424()).isFalse();
        assertThat(o.cef().encoreCompatible()).isFalse();
    }

    @Test
    void replacesTheOutputtersOfAConfigurationFile() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        Path conf = dir.resolve("estreamer.conf");
        Files.writeString(conf, """
                {"subscription": {"servers": [{"host": "10.1.1.1", "pkcs12Filepath": "pki/client.pkcs12"}]},
                 "handler": {"outputters": [{"adapter": "json", "stream": {"uri": "relfile:///json/x{0}"}}]}}
                """);
        EstreamerConfig c = config("--host", "::1", "--protocol", "tls", "--ca", pki.caCertificate().toString(),
                "--config", conf.toString(), "--encore-compatible");
        Outputter o = c.handler().outputters().get(0);
        assertThat(c.handler().outputters()).hasSize(1);
        assertThat(o.uri().text()).isEqualTo("tls://[::1]:6514");
        assertThat(o.uri().host()).isEqualTo("::1");
        assertThat(o.syslog().caFile()).isEqualTo(pki.caCertificate());
        assertThat(o.cef().encoreCompatible()).isTrue();
        assertThat(c.subscription().servers().get(0).pkcs12File()).isEqualTo(pki.clientPkcs12());
    }

    @Test
    void badArgumentsNameTheOption() {
        assertThatThrownBy(() -> config("--port", "514")).hasMessageContaining("--host");
        assertThatThrownBy(() -> config("--host", "h", "--protocol", "relp")).hasMessageContaining("--protocol");
        assertThatThrownBy(() -> config("--host", "h", "--protocol", "tls", "--fmc", "f", "--pkcs12", "p"))
                .hasMessageContaining("--ca");
        assertThatThrownBy(() -> config("--host", "h")).hasMessageContaining("--fmc");
        assertThatThrownBy(() -> config("--host", "h", "--port", "70000", "--fmc", "f", "--pkcs12", "p"))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> config("--host", "h", "--config", "/nonexistent/estreamer.conf"))
                .hasMessage("no such configuration file: /nonexistent/estreamer.conf");
        assertThatThrownBy(() -> config("--host", "h", "--config", "estreamer.conf", "--pkcs12", "p"))
                .hasMessageContaining("not both");
    }

    @Test
    void decodeFormatCefRendersEveryConnectionEventOfTheCapture() throws Exception {
        Path file = Golden.bundles(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new Main().execute(new String[] {"decode", "--format", "cef", file.toString()});
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertThat(code).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(38).allSatisfy(l -> assertThat(CefParser.parse(l).signatureId()).isEqualTo("RNA:1003:1"));
    }
}
