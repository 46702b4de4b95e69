package dev.estreamer.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordSourceTest {
    private static final Path P12 = Path.of("/etc/estreamer/client.pkcs12");
    private static final Function<String, char[]> NO_TERMINAL = text -> null;

    @Test
    void readsTheDefaultEnvironmentVariable() {
        PasswordSource source = new PasswordSource(null, null,
                Map.of("ESTREAMER_PKCS12_PASSWORD", "from-env")::get, NO_TERMINAL);
        assertThat(source.resolve(P12)).containsExactly("from-env".toCharArray());
    }

    @Test
    void readsAConfiguredEnvironmentVariableAndAllowsEmpty() {
        Map<String, String> env = Map.of("FMC1_PASS", "", "ESTREAMER_PKCS12_PASSWORD", "other");
        PasswordSource source = new PasswordSource("FMC1_PASS", null, env::get, NO_TERMINAL);
        assertThat(source.resolve(P12)).isEmpty();
    }

    @Test
    void readsTheFirstLineOfAFileBeforeTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pass"), "s3cret word\r\nsecond line\n");
        PasswordSource source = new PasswordSource(null, file, Map.of("ESTREAMER_PKCS12_PASSWORD", "env")::get,
                NO_TERMINAL);
        assertThat(source.resolve(P12)).containsExactly("s3cret word".toCharArray());

        Files.writeString(file, "only\n");
        assertThat(source.resolve(P12)).containsExactly("only".toCharArray());
        Files.writeString(file, "");
        assertThat(source.resolve(P12)).isEmpty();
    }

    @Test
    void missingPasswordFileIsAnErrorNotAFallback(@TempDir Path dir) {
        Path file = dir.resolve("missing");
        PasswordSource source = new PasswordSource(null, file, Map.of("ESTREAMER_PKCS12_PASSWORD", "env")::get,
                NO_TERMINAL);
        assertThatThrownBy(() -> source.resolve(P12)).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("password file " + file + " does not exist");
    }

    @Test
    void promptsWhenNothingElseIsSet() {
        AtomicInteger asked = new AtomicInteger();
        PasswordSource source = new PasswordSource(null, null, name -> null, text -> {
            asked.incrementAndGet();
            assertThat(text).contains(P12.toString());
            return "typed".toCharArray();
        });
        assertThat(source.resolve(P12)).containsExactly("typed".toCharArray());
        assertThat(asked).hasValue(1);
    }

    @Test
    void explainsTheThreeOptionsWhenNoneIsAvailable() {
        PasswordSource source = new PasswordSource("MY_VAR", null, name -> null, NO_TERMINAL);
        assertThatThrownBy(() -> source.resolve(P12)).isInstanceOf(CredentialsException.class)
                .hasMessageContaining(P12.toString())
                .hasMessageContaining("MY_VAR")
                .hasMessageContaining("password file")
                .hasMessageContaining("terminal");
    }

    @Test
    void detectsFilesReadableByOthers(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pass"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(PasswordSource.readableByOthers(file)).isFalse();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(PasswordSource.readableByOthers(file)).isTrue();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));
        assertThat(PasswordSource.readableByOthers(file)).isTrue();
    }
}
