package dev.estreamer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** eNcore's stream URIs become typed destinations. */
@Timeout(10)
class StreamUriTest {
    private static final Path BASE = Path.of("/opt/estreamer");

    @Test
    void relfileIsRelativeToTheConfigDirectory() {
        StreamUri u = StreamUri.parse("relfile:///data/splunk/encore.{0}.log", BASE);
        assertThat(u.scheme()).isEqualTo(StreamUri.Scheme.RELFILE);
        assertThat(u.isFile()).isTrue();
        assertThat(u.directory()).isEqualTo(Path.of("/opt/estreamer/data/splunk"));
        assertThat(u.fileNameAt(42)).isEqualTo("encore.42.log");
    }

    @Test
    void fileIsAbsolute() {
        StreamUri u = StreamUri.parse("file:///var/log/fmc/cef.{0}.log", BASE);
        assertThat(u.directory()).isEqualTo(Path.of("/var/log/fmc"));
        assertThat(u.fileName()).isEqualTo("cef.{0}.log");
    }

    @Test
    void fileWithoutNameGetsEncoresDefault() {
        assertThat(StreamUri.parse("relfile:///data/", BASE).fileName()).isEqualTo("log{0}");
    }

    @Test
    void networkAndStdout() {
        StreamUri udp = StreamUri.parse("udp://siem.example:514", BASE);
        assertThat(udp.scheme()).isEqualTo(StreamUri.Scheme.UDP);
        assertThat(udp.host()).isEqualTo("siem.example");
        assertThat(udp.port()).isEqualTo(514);
        StreamUri tcp = StreamUri.parse("TCP://[::1]:6514", BASE);
        assertThat(tcp.scheme()).isEqualTo(StreamUri.Scheme.TCP);
        assertThat(tcp.host()).isEqualTo("::1");
        assertThat(StreamUri.parse("stdout://", BASE).scheme()).isEqualTo(StreamUri.Scheme.STDOUT);
        assertThat(StreamUri.parse("stdout://", BASE).isFile()).isFalse();
    }

    @Test
    void rejectsWhatCannotBeDelivered() {
        assertThatThrownBy(() -> StreamUri.parse("relfile:data/x.{0}.log", BASE)).hasMessageContaining("\"//\" must follow the scheme");
        assertThatThrownBy(() -> StreamUri.parse("udp://host", BASE)).hasMessageContaining("udp://host:port");
        assertThatThrownBy(() -> StreamUri.parse("tcp://host:99999", BASE)).hasMessageContaining("1-65535");
        assertThatThrownBy(() -> StreamUri.parse("scp://u@h:22/x", BASE)).hasMessageContaining("not supported");
        assertThatThrownBy(() -> StreamUri.parse("http://x", BASE)).hasMessageContaining("unsupported scheme \"http\"");
        assertThatThrownBy(() -> StreamUri.parse("file://relative/x", BASE)).hasMessageContaining("three slashes");
    }
}
