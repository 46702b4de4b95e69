package dev.estreamer.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The add-on as splunkd sees it: {@code TA-estreamer-<version>.tgz} built by {@link AddonPackager} from
 * {@code splunk-app/} and unpacked (with the modes the tarball gives) into a directory, so a test starts
 * {@code bin/estreamer.sh} exactly as splunkd does. The tests run before the shaded JAR exists, so the
 * shipped {@code jars/estreamer.jar} is a manifest-only JAR: {@code Main-Class} plus a {@code Class-Path}
 * naming the test class path, which {@code java -jar} follows like the real JAR's contents.
 */
record UnpackedAddon(Path home) {

    /** Packs and unpacks the add-on under {@code dir}; {@code home} is {@code dir/TA-estreamer}. */
    static UnpackedAddon create(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path jar = classPathJar(dir.resolve("estreamer.jar"), AddonPackageTest.projectVersion());
        Path tgz = AddonPackager.pack(Path.of("splunk-app"), jar, dir.resolve("TA-estreamer-"
                + AddonPackageTest.projectVersion() + ".tgz"));
        for (Map.Entry<String, AddonPackageTest.Entry> e : AddonPackageTest.read(tgz).entrySet()) {
            Path target = dir.resolve(e.getKey());
            if (e.getValue().type() == '5') {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue().data());
            }
            Files.setPosixFilePermissions(target, permissions(e.getValue().mode()));
        }
        return new UnpackedAddon(dir.resolve("TA-estreamer"));
    }

    Path launcher() {
        return home.resolve("bin/estreamer.sh");
    }

    /** A process running the launcher with {@code args}, {@code stdin} written and closed. */
    Process start(List<String> args, Map<String, String> environment, byte[] stdin, Path stdout, Path stderr)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher().toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(environment);
        if (!environment.containsKey("JAVA_HOME")) {
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        }
        pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        }
        return p;
    }

    /** {@code start} with the JVM's own java as JAVA_HOME and UTF-8 stdin. */
    Process start(List<String> args, String stdin, Path stdout, Path stderr) throws IOException {
        return start(args, Map.of(), stdin.getBytes(StandardCharsets.UTF_8), stdout, stderr);
    }

    /** A JAR that runs {@link Main} from the test class path, versioned like the project. */
    static Path classPathJar(Path path, String version) throws IOException {
        StringBuilder classPath = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                classPath.append(Path.of(entry).toAbsolutePath().toUri()).append(' ');
            }
        }
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        a.put(Attributes.Name.CLASS_PATH, classPath.toString().trim());
        a.put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(path), mf)) {
            out.flush();
        }
        return path;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                out.add(bits[i]);
            }
        }
        return out;
    }
}
