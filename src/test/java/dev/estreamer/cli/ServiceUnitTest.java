package dev.estreamer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The example systemd unit agrees with the launcher and the exit codes it relies on. */
class ServiceUnitTest {
    private static Map<String, String> settings() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("default/estreamer.service"));
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("["))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1),
                        (a, b) -> a + " " + b, LinkedHashMap::new));
    }

    @Test
    void runsTheLauncherWithAConfigurationFileAndNoSecret() throws IOException {
        Map<String, String> unit = settings();
        String exec = unit.get("ExecStart");
        assertThat(exec).endsWith("/bin/estreamer run --config /etc/estreamer/estreamer.conf");
        assertThat(Path.of("bin", "estreamer")).isExecutable();
        assertThat(exec.toLowerCase()).doesNotContain("password").doesNotContain("pkcs12");
        assertThat(unit.get("User")).isEqualTo("estreamer");
    }

    @Test
    void aCleanStopIsNotAFailureAndAConfigurationErrorIsNotRetried() throws IOException {
        Map<String, String> unit = settings();
        assertThat(unit.get("KillSignal")).isEqualTo("SIGTERM");
        assertThat(unit.get("SuccessExitStatus")).as("the JVM's exit after SIGTERM").isEqualTo("143");
        assertThat(unit.get("RestartPreventExitStatus")).isEqualTo(Integer.toString(Main.USAGE));
        assertThat(Integer.parseInt(unit.get("TimeoutStopSec")))
                .as("longer than one pipeline's 10 s drain plus the bookmark and sink closing").isGreaterThan(15);
        assertThat(unit.get("ProtectSystem")).isEqualTo("strict");
        assertThat(unit.get("StateDirectory")).isEqualTo("estreamer");
    }
}
