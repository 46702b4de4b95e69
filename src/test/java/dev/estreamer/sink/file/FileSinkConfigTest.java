package dev.estreamer.sink.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.estreamer.Stage;
import dev.estreamer.sink.SinkException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileSinkConfigTest {
    private final FileSinkConfig defaults = FileSinkConfig.defaults(Path.of("/var/log/estreamer"));

    @Test
    void defaultsFollowEncore() {
        assertThat(defaults.fileName()).isEqualTo("log{0}");
        assertThat(defaults.rotate()).isTrue();
        assertThat(defaults.maxLines()).isEqualTo(10_000);
        assertThat(defaults.flush()).isEqualTo(FlushPolicy.BATCH);
        assertThat(defaults.fsync()).isFalse();
        assertThat(defaults.maxFiles()).isZero();
        assertThat(defaults.validate()).isSameAs(defaults);
    }

    @Test
    void fileNameMustBeAPlainName() {
        assertThatThrownBy(() -> defaults.withFileName("sub/encore.{0}.log").validate())
                .isInstanceOf(SinkException.class).hasMessageContaining("sub/encore.{0}.log")
                .satisfies(e -> assertThat(((SinkException) e).stage()).isEqualTo(Stage.SINK));
        assertThatThrownBy(() -> defaults.withFileName(" ").validate()).hasMessageContaining("fileName");
        assertThatThrownBy(() -> defaults.withFileName("..").validate()).hasMessageContaining("plain file name");
        assertThatThrownBy(() -> defaults.withFileName("a{0}b{0}").validate()).hasMessageContaining("more than once");
    }

    @Test
    void numbersMustBeInRange() {
        assertThatThrownBy(() -> defaults.withRotation(true, 0).validate()).hasMessageContaining("maxLines").hasMessageContaining("0");
        assertThatThrownBy(() -> defaults.withMaxFiles(-1).validate()).hasMessageContaining("maxFiles");
        assertThatThrownBy(() -> defaults.withFlush(null).validate()).hasMessageContaining("flush");
        assertThatThrownBy(() -> FileSinkConfig.defaults(null).validate()).hasMessageContaining("directory");
    }

    @Test
    void keepingFilesNeedsTheTimestampInTheName() {
        assertThatThrownBy(() -> defaults.withFileName("encore.log").withMaxFiles(3).validate())
                .hasMessageContaining("needs {0}");
        assertThat(defaults.withFileName("encore.{0}.log").withMaxFiles(3).validate().maxFiles()).isEqualTo(3);
    }

    @Test
    void buildValidates() {
        assertThatThrownBy(() -> defaults.withRotation(true, -5).build()).isInstanceOf(SinkException.class);
    }
}
