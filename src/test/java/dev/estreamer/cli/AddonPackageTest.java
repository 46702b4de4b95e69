package dev.estreamer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The add-on tarball holds what AppInspect accepts, and the spec declares every parameter the code reads. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AddonPackageTest {
    private static final Path APP = Path.of("splunk-app");
    /** Set by splunkd for every stanza; not declared in a spec. */
    private static final Set<String> IMPLICIT = Set.of("index", "host", "sourcetype", "source", "disabled", "interval");

    @TempDir
    Path dir;

    record Entry(String name, int mode, char type, byte[] data) {
    }

    @Test
    void tarballFollowsAppInspectRules() throws Exception {
        // things that must be left out, planted in a copy of the add-on
        Path app = dir.resolve("splunk-app");
        copy(APP, app);
        Files.createDirectories(app.resolve("local"));
        Files.writeString(app.resolve("local/inputs.conf"), "[estreamer://mine]\n");
        Files.writeString(app.resolve("metadata/local.meta"), "[]\n");
        Files.writeString(app.resolve(".DS_Store"), "x");
        Files.writeString(app.resolve("default/.gitkeep"), "");
        String version = projectVersion();
        Path jar = jar(dir.resolve("estreamer.jar"), version);
        Path tgz = AddonPackager.pack(app, jar, dir.resolve("target/TA-estreamer-" + version + ".tgz"));

        Map<String, Entry> entries = read(tgz);
        assertThat(entries.keySet()).allMatch(n -> n.startsWith("TA-estreamer/"));
        assertThat(entries).containsKeys("TA-estreamer/", "TA-estreamer/default/app.conf",
                "TA-estreamer/default/inputs.conf", "TA-estreamer/README/inputs.conf.spec",
                "TA-estreamer/default/props.conf", "TA-estreamer/default/transforms.conf",
                "TA-estreamer/default/eventtypes.conf", "TA-estreamer/default/tags.conf",
                "TA-estreamer/metadata/default.meta", "TA-estreamer/app.manifest", "TA-estreamer/bin/estreamer.sh",
                "TA-estreamer/bin/estreamer.cmd", "TA-estreamer/jars/estreamer.jar",
                "TA-estreamer/lookups/estreamer_fw_actions.csv");
        assertThat(entries.get("TA-estreamer/jars/estreamer.jar").data()).isEqualTo(Files.readAllBytes(jar));
        for (Entry e : entries.values()) {
            String rel = e.name().substring("TA-estreamer/".length());
            assertThat(rel).as("no local/").doesNotStartWith("local/").isNotEqualTo("local/");
            assertThat(rel).isNotEqualTo("metadata/local.meta").doesNotContain("passwords.conf");
            assertThat(Path.of(e.name()).getFileName().toString()).as("hidden file %s", e.name()).doesNotStartWith(".");
            assertThat(e.mode() & 0002).as("world-writable %s", e.name()).isZero();
            if (e.type() == '5') {
                assertThat(e.mode()).as(e.name()).isEqualTo(0755);
            } else if (rel.equals("bin/estreamer.sh") || rel.equals("bin/estreamer.cmd")) {
                assertThat(e.mode()).as(e.name()).isEqualTo(0755);
            } else {
                assertThat(e.mode()).as(e.name()).isEqualTo(0644);
            }
        }
        // the launcher is named after the scheme, and app.conf's id is the directory name
        assertThat(new String(entries.get("TA-estreamer/default/app.conf").data(), StandardCharsets.UTF_8))
                .contains("id = TA-estreamer");
        // the add-on says which estreamer it ships: app.conf ([launcher] and [id]) and app.manifest carry the
        // project version, whatever the source tree says
        String appConf = new String(entries.get("TA-estreamer/default/app.conf").data(), StandardCharsets.UTF_8);
        assertThat(Pattern.compile("(?m)^version = (.*)$").matcher(appConf).results().map(r -> r.group(1)))
                .hasSize(2).containsOnly(version);
        JsonNode manifest = new ObjectMapper().readTree(entries.get("TA-estreamer/app.manifest").data());
        assertThat(manifest.at("/info/id/version").asText()).isEqualTo(version);
        assertThat(manifest.at("/info/id/name").asText()).isEqualTo("TA-estreamer");
        assertThat(manifest.at("/info/title").asText()).isEqualTo(
                new ObjectMapper().readTree(APP.resolve("app.manifest").toFile()).at("/info/title").asText());
        // a real tar reads it too, when there is one
        if (Files.isExecutable(Path.of("/usr/bin/tar")) || Files.isExecutable(Path.of("/bin/tar"))) {
            Process tar = new ProcessBuilder("tar", "-tzvf", tgz.toString()).redirectErrorStream(true).start();
            String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(tar.waitFor()).as(listing).isZero();
            assertThat(listing).contains("-rwxr-xr-x root/root").contains("TA-estreamer/bin/estreamer.sh")
                    .contains("TA-estreamer/jars/estreamer.jar");
        }
    }

    @Test
    void theVersionComesFromTheJarAndMustMatchTheTarballName() throws Exception {
        Path unversioned = dir.resolve("plain.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(unversioned))) {
            out.putNextEntry(new JarEntry("x.txt"));
        }
        assertThatThrownBy(() -> AddonPackager.pack(APP, unversioned, dir.resolve("a.tgz")))
                .hasMessageContaining("Implementation-Version");
        Path jar = jar(dir.resolve("v.jar"), "9.8.7");
        assertThatThrownBy(() -> AddonPackager.pack(APP, jar, dir.resolve("TA-estreamer-1.0.0.tgz")))
                .hasMessageContaining("1.0.0").hasMessageContaining("9.8.7");
        assertThat(AddonPackager.pack(APP, jar, dir.resolve("TA-estreamer-9.8.7.tgz"))).exists();
        assertThat(Files.readString(APP.resolve("default/app.conf"))).as("source tree untouched")
                .doesNotContain("9.8.7");
    }

    /** The project version, as pom.xml declares it (what Maven writes into the JAR's manifest). */
    static String projectVersion() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        for (Node n = pom.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("version")) {
                return e.getTextContent().trim();
            }
        }
        throw new AssertionError("pom.xml has no project version");
    }

    /** A JAR whose manifest says {@code Implementation-Version: version}, as the Maven build writes it. */
    static Path jar(Path path, String version) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(path), mf)) {
            out.putNextEntry(new JarEntry("x.txt"));
            out.write('x');
        }
        return path;
    }

    @Test
    void specDeclaresEveryParameterTheCodeReadsAndTheExampleUses() throws IOException {
        String spec = Files.readString(APP.resolve("README/inputs.conf.spec"));
        assertThat(spec).startsWith("[estreamer://<name>]");
        Set<String> declared = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^([A-Za-z0-9_]+) = ").matcher(spec);
        while (m.find()) {
            declared.add(m.group(1));
        }
        Set<String> read = new TreeSet<>();
        SplunkArguments.ARGUMENTS.forEach(a -> read.add(a.name()));
        // params.get("x") and helpers called as helper(params, "x")
        Pattern access = Pattern.compile("params(?:\\.(?:get|getOrDefault|containsKey)\\(|, )\"([a-z0-9_]+)\"");
        for (String source : new String[] {"SplunkArguments.java", "SplunkCommand.java"}) {
            Matcher a = access.matcher(Files.readString(Path.of("src/main/java/dev/estreamer/cli", source)));
            while (a.find()) {
                read.add(a.group(1));
            }
        }
        read.removeAll(IMPLICIT);
        assertThat(read).contains("fmc_host", "fmc_port", "pkcs12_file", "pkcs12_password_name");
        assertThat(declared).containsAll(read);
        assertThat(read).containsAll(declared);
        // the shipped example stanza uses declared or implicit parameters only, and is disabled
        String inputs = Files.readString(APP.resolve("default/inputs.conf"));
        Matcher k = Pattern.compile("(?m)^([A-Za-z0-9_]+) = ").matcher(inputs);
        while (k.find()) {
            assertThat(declared.contains(k.group(1)) || IMPLICIT.contains(k.group(1))).as(k.group(1)).isTrue();
        }
        assertThat(inputs).contains("disabled = 1");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** A ustar reader: enough to check names, modes and contents. */
    static Map<String, Entry> read(Path tgz) throws IOException {
        Map<String, Entry> out = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            byte[] all = in.readAllBytes();
            int pos = 0;
            while (pos + 512 <= all.length) {
                byte[] h = java.util.Arrays.copyOfRange(all, pos, pos + 512);
                if (h[0] == 0) {
                    break;
                }
                assertThat(new String(h, 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
                long sum = 0;
                for (int i = 0; i < 512; i++) {
                    sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
                }
                assertThat(Long.parseLong(field(h, 148, 8), 8)).as("checksum").isEqualTo(sum);
                String prefix = field(h, 345, 155);
                String name = (prefix.isEmpty() ? "" : prefix + "/") + field(h, 0, 100);
                int mode = Integer.parseInt(field(h, 100, 8), 8);
                int size = Integer.parseInt(field(h, 124, 12), 8);
                char type = (char) h[156];
                pos += 512;
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                data.write(all, pos, size);
                pos += (size + 511) / 512 * 512;
                out.put(name, new Entry(name, mode, type, data.toByteArray()));
            }
        }
        return out;
    }

    private static String field(byte[] h, int offset, int length) {
        int end = offset;
        while (end < offset + length && h[end] != 0) {
            end++;
        }
        return new String(h, offset, end - offset, StandardCharsets.UTF_8).trim();
    }
}
