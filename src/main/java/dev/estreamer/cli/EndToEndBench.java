package dev.estreamer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;
import dev.estreamer.decode.bench.DecodeBenchmark;
import dev.estreamer.sim.CaptureReplay;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.Pki;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Simulator → mutual TLS → client → JSON files, on this machine: the simulator replays the golden capture in a
 * loop in this JVM; the client is {@code estreamer run} in a child JVM so that its RSS is its own.
 *
 * <p>Throughput is the simulator's per-second count of records sent: the client's queues are bounded and the
 * simulator waits for its acknowledgements, so in steady state that is the rate the client writes. What the
 * client says it wrote at shutdown, and the bytes of its files, are reported next to it as a check. Files the
 * client has rotated away from are deleted as the run goes, so the disk does not fill.
 */
final class EndToEndBench {
    static final String PASSWORD_ENV = "ESTREAMER_PKCS12_PASSWORD";
    private static final long TICK_MILLIS = 250;

    private final int warmupSeconds;
    private final int seconds;
    private final long events;
    private final List<String> clientJvmOptions;
    private final boolean keep;
    private final Path parent;
    private final PrintStream out;
    private final Output output;

    /** Where the client writes: JSON files (the core target), or CEF over syslog TCP to a counting receiver. */
    enum Output { JSON_FILES, CEF_TCP }

    /**
     * What one run measured. {@code lines} is the median per-second rate of LF-terminated messages the receiver
     * counted (CEF over TCP only, else null); {@code bytesWritten} is JSON bytes or bytes received.
     */
    record Result(Medians rate, long maxRssKb, long peakRssKb, long sent, long written, long bytesWritten,
                  List<String> clientCommand, Medians lines, long linesReceived) {
    }

    EndToEndBench(int warmupSeconds, int seconds, long events, List<String> clientJvmOptions, boolean keep,
                  Path parent, PrintStream out) {
        this(Output.JSON_FILES, warmupSeconds, seconds, events, clientJvmOptions, keep, parent, out);
    }

    EndToEndBench(Output output, int warmupSeconds, int seconds, long events, List<String> clientJvmOptions,
                  boolean keep, Path parent, PrintStream out) {
        this.output = output;
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
        this.events = events;
        this.clientJvmOptions = List.copyOf(clientJvmOptions);
        this.keep = keep;
        this.parent = parent;
        this.out = out;
    }

    Result run() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Files.createDirectories(parent), "estreamer-bench-");
        try {
            return run(dir);
        } finally {
            if (keep) {
                out.println("kept " + dir);
            } else {
                delete(dir);
            }
        }
    }

    private Result run(Path dir) throws IOException, InterruptedException {
        char[] password = password();
        out.println("e2e: generating the PKI (RSA 2048) in " + dir);
        Pki pki = Pki.builder(dir.resolve("pki")).clientAddress("127.0.0.1").clientPassword(password).build();
        Path capture = dir.resolve("bundles.bin");
        try (InputStream in = DecodeBenchmark.class.getResourceAsStream(DecodeBenchmark.CAPTURE)) {
            if (in == null) {
                throw new EstreamerException(Stage.CLI, DecodeBenchmark.CAPTURE + " is missing from the JAR");
            }
            Files.copy(in, capture);
        }
        SimulatorConfig config = SimulatorConfig.builder(CaptureReplay.load(capture, true))
                .tls(ServerTls.server(pki.serverKeystore(), password)).peerCheck(PeerCheck.Mode.STRICT_IP).build();
        try (Simulator sim = new Simulator(config).start(); LineCounter receiver = output == Output.CEF_TCP
                ? LineCounter.start() : null) {
            Path conf = writeConfig(dir, sim.port(), pki.clientPkcs12(), receiver == null ? 0 : receiver.port());
            List<String> command = clientCommand(conf);
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("client.out").toFile());
            pb.environment().put(PASSWORD_ENV, new String(password)); // never on the command line
            Process client = pb.start();
            try {
                return measure(sim, receiver, client, dir, command);
            } finally {
                stop(client);
            }
        }
    }

    private Result measure(Simulator sim, LineCounter receiver, Process client, Path dir, List<String> command)
            throws IOException, InterruptedException {
        out.printf("e2e: client pid %d; warming up %d s, then measuring %d s%n", client.pid(), warmupSeconds, seconds);
        long pid = client.pid();
        List<Double> rates = new ArrayList<>();
        List<Double> lineRates = new ArrayList<>();
        long lastLines = 0;
        long maxRss = 0;
        long removed = 0;
        long start = System.nanoTime();
        long lastSecond = start;
        long lastSent = 0;
        long measuredSent = 0;
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long tick = start;
        while (rates.size() < seconds && (events <= 0 || measuredSent < events)) {
            tick += TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
            long sleep = tick - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
            if (!client.isAlive()) {
                throw new EstreamerException(Stage.CLI, "the client exited with code " + client.exitValue()
                        + "; its output:\n" + tail(dir.resolve("client.out")));
            }
            maxRss = Math.max(maxRss, status(pid, "VmRSS:"));
            long now = System.nanoTime();
            if (now - lastSecond >= TimeUnit.SECONDS.toNanos(1)) {
                removed += removeRotated(dir.resolve("out"));
            }
            if (now - lastSecond >= TimeUnit.SECONDS.toNanos(1)) {
                long sent = sim.recordsSent();
                long lines = receiver == null ? 0 : receiver.lines();
                double rate = (sent - lastSent) * 1e9 / (now - lastSecond);
                double lineRate = (lines - lastLines) * 1e9 / (now - lastSecond);
                if (lastSecond >= measureFrom) {
                    rates.add(rate);
                    lineRates.add(lineRate);
                    measuredSent += sent - lastSent;
                    if (rates.size() % 5 == 0) {
                        out.printf("e2e: %3d s  %,10.0f events/s%s  RSS %,d kB%n", rates.size(), rate,
                                receiver == null ? "" : String.format(", %,10.0f CEF lines/s received", lineRate),
                                status(pid, "VmRSS:"));
                    }
                } else if (now - start > TimeUnit.SECONDS.toNanos(warmupSeconds + 30L) && sent == 0) {
                    throw new EstreamerException(Stage.CLI, "the client received nothing in "
                            + (warmupSeconds + 30) + " s; its output:\n" + tail(dir.resolve("client.out")));
                }
                lastSent = sent;
                lastLines = lines;
                lastSecond = now;
            }
        }
        long peak = status(pid, "VmHWM:");
        stop(client);
        long sent = sim.recordsSent();
        long bytes = receiver == null ? removed + bytes(dir.resolve("out")) : receiver.bytes();
        return new Result(Medians.of(rates), maxRss, peak, sent, written(dir.resolve("client.out")), bytes, command,
                receiver == null ? null : Medians.of(lineRates), receiver == null ? 0 : receiver.lines());
    }

    private List<String> clientCommand(Path conf) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(clientJvmOptions);
        command.add("-cp");
        // absolute: the child runs in the temporary directory, and `java -jar estreamer.jar` gives a relative path
        command.add(Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
        command.add(Main.class.getName());
        command.add("run");
        command.add("--config");
        command.add(conf.toString());
        return command;
    }

    /**
     * An estreamer.conf like the shipped default, pointed at the simulator, writing JSON files under dir/out, or
     * (syslogPort > 0) CEF over syslog TCP with LF framing to 127.0.0.1:syslogPort.
     */
    private static Path writeConfig(Path dir, int port, Path pkcs12, int syslogPort) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("enabled", true);
        root.put("start", 0);
        root.put("dataDirectory", dir.resolve("data").toString());
        ObjectNode monitor = root.putObject("monitor");
        monitor.put("period", 10);
        monitor.put("handled", true);
        monitor.put("bookmark", true);
        ObjectNode logging = root.putObject("logging");
        logging.put("filepath", "");
        logging.put("level", "INFO");
        logging.put("stdOut", true);
        ObjectNode server = root.putObject("subscription").putArray("servers").addObject();
        server.put("name", "bench");
        server.put("host", "127.0.0.1");
        server.put("port", port);
        server.put("pkcs12Filepath", pkcs12.toString());
        server.put("pkcs12PasswordEnv", PASSWORD_ENV);
        ObjectNode output = root.putObject("handler").putArray("outputters").addObject();
        if (syslogPort > 0) {
            output.put("name", "cef");
            output.put("adapter", "cef");
            output.put("enabled", true);
            ObjectNode stream = output.putObject("stream");
            stream.put("uri", "tcp://127.0.0.1:" + syslogPort);
            stream.putObject("options").put("framing", "lf");
            Path conf = dir.resolve("estreamer.conf");
            json.writerWithDefaultPrettyPrinter().writeValue(conf.toFile(), root);
            return conf;
        }
        output.put("name", "json");
        output.put("adapter", "json");
        output.put("enabled", true);
        ObjectNode stream = output.putObject("stream");
        stream.put("uri", "relfile:///out/estreamer.{0}.json");
        ObjectNode options = stream.putObject("options");
        options.put("rotate", true);
        options.put("maxLogs", 100_000);
        options.put("flush", "batch");
        options.put("fsync", false);
        Path conf = dir.resolve("estreamer.conf");
        json.writerWithDefaultPrettyPrinter().writeValue(conf.toFile(), root);
        return conf;
    }

    private static char[] password() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    /** A kB figure from /proc/PID/status (VmRSS, VmHWM), 0 when it cannot be read (not Linux, exited). */
    static long status(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone: no figure
        }
        return 0;
    }

    /** SIGTERM (the client drains and saves its bookmark), then a kill after 20 s. */
    private static void stop(Process client) throws InterruptedException {
        if (!client.isAlive()) {
            return;
        }
        client.destroy();
        if (!client.waitFor(20, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            client.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static long bytes(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long bytes = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                bytes += Files.size(f);
            }
        }
        return bytes;
    }

    /**
     * Deletes the files the client has rotated away from (all but the newest, untouched for 2 s), so a run at
     * hundreds of MB/s does not fill the disk; returns their bytes.
     */
    private static long removeRotated(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = new ArrayList<>(list.toList());
        }
        files.sort(Comparator.comparing(EndToEndBench::modified));
        long bytes = 0;
        long old = System.currentTimeMillis() - 2000;
        for (Path f : files.subList(0, Math.max(0, files.size() - 1))) {
            if (modified(f) < old) {
                long size = Files.size(f);
                Files.delete(f);
                bytes += size;
            }
        }
        return bytes;
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static final Pattern STOPPED = Pattern.compile("stopped: (\\d+) received, (\\d+) written");

    /** What the client says it wrote in its last line at shutdown, -1 when it did not say. */
    private static long written(Path clientOut) {
        long written = -1;
        try {
            for (String line : Files.readAllLines(clientOut)) {
                Matcher m = STOPPED.matcher(line);
                if (m.find()) {
                    written = Long.parseLong(m.group(2));
                }
            }
        } catch (IOException e) {
            // no figure
        }
        return written;
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("estreamer bench: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
