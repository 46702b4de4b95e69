package dev.estreamer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/estreamer.sh} from the unpacked add-on, started as splunkd starts it: it finds Java through
 * {@code JAVA_HOME} (else the PATH), passes the options of {@code default/jvm.options} or
 * {@code local/jvm.options} (comments skipped, no glob expansion, CRLF tolerated), and execs the JVM, so the
 * process splunkd signals is the JVM. A stand-in {@code java} records what it was given, then execs the real one.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AddonLauncherTest {
    @TempDir
    static Path dir;
    static UnpackedAddon addon;

    @BeforeAll
    static void unpack() throws Exception {
        addon = UnpackedAddon.create(dir.resolve("apps"));
    }

    /** A {@code bin/java} that writes its pid and arguments to {@code record}, then execs the real java. */
    private static Path recordingJava(Path binDir, Path record) throws Exception {
        Files.createDirectories(binDir);
        Path java = binDir.resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$$\" \"$@\" > '" + record + "'\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java;
    }

    private static List<String> scheme(Map<String, String> env, Path record, long[] pid) throws Exception {
        Path out = dir.resolve("scheme.xml");
        Process p = addon.start(List.of("--scheme"), env, new byte[0], out, dir.resolve("scheme.err"));
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("scheme.err"))).isZero();
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(out))).getDocumentElement().getTagName())
                .isEqualTo("scheme");
        pid[0] = p.pid();
        return Files.readAllLines(record, StandardCharsets.UTF_8);
    }

    @Test
    void javaHomeAndTheJvmOptionsFileAreHonouredAndTheJvmIsExeced() throws Exception {
        Path record = dir.resolve("home-args.txt");
        Path jdk = dir.resolve("jdk");
        recordingJava(jdk.resolve("bin"), record);
        String jar = addon.home().resolve("jars/estreamer.jar").toString();
        long[] pid = new long[1];

        List<String> seen = scheme(Map.of("JAVA_HOME", jdk.toString()), record, pid);
        assertThat(seen.get(0)).as("exec: the JVM is the process splunkd started").isEqualTo(Long.toString(pid[0]));
        assertThat(seen.subList(1, seen.size())).containsExactly("-Xmx512m", "-jar", jar, "splunk", "--scheme");

        // local/jvm.options wins over default/: comments skipped, a * stays a *, Windows line ends tolerated
        Path local = addon.home().resolve("local");
        Files.createDirectories(local);
        Files.createFile(addon.home().resolve("-Dglob=expanded"));
        Files.writeString(local.resolve("jvm.options"),
                "# -XX:+NoSuchOption would stop the JVM\r\n\r\n-Xmx96m\r\n  # indented comment\n-Dglob=*\n");
        try {
            seen = scheme(Map.of("JAVA_HOME", jdk.toString()), record, pid);
            assertThat(seen.subList(1, seen.size()))
                    .containsExactly("-Xmx96m", "-Dglob=*", "-jar", jar, "splunk", "--scheme");
        } finally {
            Files.delete(local.resolve("jvm.options"));
            Files.delete(local);
            Files.delete(addon.home().resolve("-Dglob=expanded"));
        }
    }

    @Test
    void withoutAUsableJavaHomeJavaComesFromThePath() throws Exception {
        Path record = dir.resolve("path-args.txt");
        Path bin = dir.resolve("path-bin");
        recordingJava(bin, record);
        String path = bin + ":/usr/bin:/bin";
        long[] pid = new long[1];
        for (String home : new String[] {"", dir.resolve("no-jdk-here").toString()}) {
            Files.deleteIfExists(record);
            List<String> seen = scheme(Map.of("JAVA_HOME", home, "PATH", path), record, pid);
            assertThat(seen).as("JAVA_HOME=\"%s\"", home).contains("--scheme");
        }
    }

    @Test
    void theWindowsLauncherFollowsTheSameRules() throws Exception {
        // no Windows here to run it: check it reads what the POSIX launcher reads and passes everything on
        String cmd = Files.readString(Path.of("splunk-app/bin/estreamer.cmd"));
        assertThat(cmd).contains("if defined JAVA_HOME if exist \"%JAVA_HOME%\\bin\\java.exe\""
                        + " set \"JAVA=%JAVA_HOME%\\bin\\java.exe\"")
                .contains("set \"OPTIONS_FILE=%APP%\\default\\jvm.options\"")
                .contains("if exist \"%APP%\\local\\jvm.options\" set \"OPTIONS_FILE=%APP%\\local\\jvm.options\"")
                .contains("eol=#")
                .contains("\"%JAVA%\" %OPTS% -jar \"%APP%\\jars\\estreamer.jar\" splunk %*")
                .contains("exit /b %ERRORLEVEL%");
        assertThat(Files.readAllLines(Path.of("splunk-app/default/jvm.options")))
                .filteredOn(l -> !l.isBlank() && !l.startsWith("#")).containsExactly("-Xmx512m");
    }
}
