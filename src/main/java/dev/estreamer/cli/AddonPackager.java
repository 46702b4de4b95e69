package dev.estreamer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Packages the Splunk add-on: {@code splunk-app/} plus the JAR (as {@code jars/estreamer.jar}) into
 * {@code TA-estreamer-<version>.tgz} under a top-level {@code TA-estreamer/}, the way AppInspect wants it:
 * no {@code local/}, no {@code local.meta}, no hidden files, launchers in {@code bin/} 755, directories 755,
 * everything else 644, owner root, a fixed time stamp (the JAR's), entries sorted so builds are repeatable.
 * The add-on's version ({@code default/app.conf} {@code [launcher]} and {@code [id]}, {@code app.manifest}) is
 * stamped from the JAR's {@code Implementation-Version}, the project version Maven wrote there, so the add-on
 * always says which estreamer it ships; the file in the source tree is never edited.
 *
 * <p>Run by the build after the JAR is shaded: {@code AddonPackager <splunk-app dir> <jar> <output.tgz>}.
 * A plain ustar writer: the JDK has no tar, and the format is a 512-byte header per entry.
 */
public final class AddonPackager {
    static final String APP = "TA-estreamer";

    private AddonPackager() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            // thrown, not System.exit: the build may run this inside Maven's own JVM
            throw new IllegalArgumentException("usage: AddonPackager <splunk-app dir> <estreamer.jar> <output.tgz>");
        }
        Path out = pack(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        System.err.println("Splunk add-on written to " + out);
    }

    /** Writes the tarball (atomically: temporary file, then rename) and returns its path. */
    static Path pack(Path appDir, Path jar, Path output) throws IOException {
        if (!Files.isDirectory(appDir) || !Files.isRegularFile(jar)) {
            throw new IOException("need the add-on directory " + appDir + " and the JAR " + jar);
        }
        String version = version(jar);
        Matcher named = Pattern.compile(Pattern.quote(APP) + "-(.+)\\.tgz").matcher(output.getFileName().toString());
        if (named.matches() && !named.group(1).equals(version)) {
            throw new IOException("the tarball is named for version " + named.group(1) + " but the JAR is version "
                    + version);
        }
        long mtime = Files.getLastModifiedTime(jar).toMillis() / 1000;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(appDir)) {
            files = walk.filter(p -> !p.equals(appDir)).filter(p -> shipped(appDir.relativize(p))).sorted().toList();
        }
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".addon", ".tgz");
        try (OutputStream o = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)), 1 << 16)) {
            Tar tar = new Tar(o, mtime);
            tar.directory(APP + "/");
            boolean jarsDir = false;
            for (Path p : files) {
                String rel = appDir.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    tar.directory(APP + "/" + rel + "/");
                    jarsDir |= rel.equals("jars");
                } else {
                    tar.file(APP + "/" + rel, stamped(rel, Files.readAllBytes(p), version), mode(rel));
                }
            }
            if (!jarsDir) {
                tar.directory(APP + "/jars/");
            }
            tar.file(APP + "/jars/estreamer.jar", Files.readAllBytes(jar), 0644);
            tar.finish();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return output;
    }

    /** The JAR's {@code Implementation-Version} (the Maven project version). */
    static String version(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            String v = j.getManifest() == null ? null
                    : j.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
            if (v == null || v.isBlank()) {
                throw new IOException("the JAR " + jar + " has no Implementation-Version in its manifest, so the"
                        + " add-on's version is unknown; build it with mvn package");
            }
            return v.trim();
        }
    }

    /** The file's bytes, with the version put in where the add-on declares one. */
    static byte[] stamped(String rel, byte[] data, String version) throws IOException {
        if (rel.equals("default/app.conf")) {
            String text = new String(data, StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("(?m)^version\\s*=.*$").matcher(text);
            int count = 0;
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement("version = " + version));
                count++;
            }
            m.appendTail(out);
            if (count == 0) {
                throw new IOException("default/app.conf declares no version to stamp");
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (rel.equals("app.manifest")) {
            ObjectMapper json = new ObjectMapper();
            JsonNode root = json.readTree(data);
            if (!(root.path("info").path("id") instanceof ObjectNode id)) {
                throw new IOException("app.manifest has no info.id to stamp the version into");
            }
            id.put("version", version);
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        }
        return data;
    }

    /** False for what AppInspect rejects in a package: local/, local.meta, dot-files anywhere, editor backups. */
    static boolean shipped(Path rel) {
        for (Path part : rel) {
            String name = part.toString();
            if (name.startsWith(".") || name.endsWith("~")) {
                return false;
            }
        }
        String s = rel.toString().replace('\\', '/');
        return !(s.equals("local") || s.startsWith("local/") || s.equals("metadata/local.meta")
                || s.equals("jars/estreamer.jar"));
    }

    /** 755 for the launchers splunkd executes, 644 for everything else (the JAR included). */
    static int mode(String rel) {
        if (rel.startsWith("bin/") && (rel.endsWith(".sh") || rel.endsWith(".cmd") || !rel.contains("."))) {
            return 0755;
        }
        return 0644;
    }

    /** A minimal POSIX ustar writer. */
    static final class Tar {
        private final OutputStream out;
        private final long mtime;

        Tar(OutputStream out, long mtime) {
            this.out = out;
            this.mtime = mtime;
        }

        void directory(String name) throws IOException {
            out.write(header(name, 0, 0755, '5'));
        }

        void file(String name, byte[] data, int mode) throws IOException {
            out.write(header(name, data.length, mode, '0'));
            out.write(data);
            int pad = (512 - data.length % 512) % 512;
            out.write(new byte[pad]);
        }

        void finish() throws IOException {
            out.write(new byte[1024]);
        }

        private byte[] header(String name, long size, int mode, char type) {
            byte[] h = new byte[512];
            byte[] full = name.getBytes(StandardCharsets.UTF_8);
            String prefix = "";
            String base = name;
            if (full.length > 100) {
                int cut = name.lastIndexOf('/', name.length() - 2);
                if (cut <= 0 || cut > 155 || name.substring(cut + 1).getBytes(StandardCharsets.UTF_8).length > 100) {
                    throw new IllegalArgumentException("path too long for a ustar entry: " + name);
                }
                prefix = name.substring(0, cut);
                base = name.substring(cut + 1);
            }
            put(h, 0, 100, base);
            octal(h, 100, 8, mode);
            octal(h, 108, 8, 0);
            octal(h, 116, 8, 0);
            octal(h, 124, 12, size);
            octal(h, 136, 12, mtime);
            for (int i = 148; i < 156; i++) {
                h[i] = ' ';
            }
            h[156] = (byte) type;
            put(h, 257, 6, "ustar");
            put(h, 263, 2, "00");
            put(h, 265, 32, "root");
            put(h, 297, 32, "root");
            put(h, 345, 155, prefix);
            long sum = 0;
            for (byte b : h) {
                sum += b & 0xff;
            }
            String chk = String.format("%06o", sum);
            put(h, 148, 6, chk);
            h[154] = 0;
            h[155] = ' ';
            return h;
        }

        private static void put(byte[] h, int offset, int length, String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(b, 0, h, offset, Math.min(b.length, length));
        }

        private static void octal(byte[] h, int offset, int length, long value) {
            String s = String.format("%0" + (length - 1) + "o", value);
            put(h, offset, length - 1, s);
        }
    }
}
