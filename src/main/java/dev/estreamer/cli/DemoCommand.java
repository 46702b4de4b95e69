package dev.estreamer.cli;

import dev.estreamer.config.ConfigLoader;
import dev.estreamer.config.EstreamerConfig;
import dev.estreamer.config.FileCheck;
import dev.estreamer.pipeline.Assembly;
import dev.estreamer.pipeline.FmcPipeline;
import dev.estreamer.session.PasswordSource;
import dev.estreamer.sim.EventSource;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.Pki;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import dev.estreamer.sim.SyntheticGenerator;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code estreamer demo}: pki + simulate + run wired together on loopback, output in
 * {@code ./demo-output/}, with a live progress line. Restarting it resumes from the bookmark.
 */
final class DemoCommand implements Command {
    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "create a PKI, start the FMC simulator and stream its events over mutual TLS into ./demo-output/";
    }

    @Override
    public String usage() {
        return "[--events N] [--dir DIR]";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder("n").longOpt("events").hasArg().argName("N")
                        .desc("stop once N records have been written (default 2000; 0 = run until Ctrl-C)").build())
                .addOption(Option.builder("d").longOpt("dir").hasArg().argName("DIR")
                        .desc("working directory for PKI, configuration, bookmark and output (default ./demo-output)")
                        .build())
                .addOption(Option.builder().longOpt("rate").hasArg().argName("R")
                        .desc("events per second the simulator generates (default 0 = as fast as the client takes them)")
                        .build())
                .addOption(Option.builder("p").longOpt("port").hasArg().argName("PORT")
                        .desc("loopback port for the simulator (default 18302; the bookmark file is named after it)")
                        .build());
    }

    @Override
    public int run(CommandLine line) throws Exception {
        long target = OptionValues.longValue(line, "events", 2000, 0, Long.MAX_VALUE);
        int port = OptionValues.intValue(line, "port", 18302, 1, 65535);
        Path dir = Path.of(line.getOptionValue("dir", "demo-output")).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        Path pkiDir = dir.resolve("pki");
        Path passwordFile = pkiDir.resolve("client.password");
        char[] password = demoPassword(pkiDir, passwordFile);
        // Deterministic traffic (fixed seed and start second): a restarted demo resumes from its bookmark.
        EventSource source = SyntheticGenerator.builder().seed(1).rate(OptionValues.longValue(line, "rate", 0, 0, 10_000_000))
                .build();
        Simulator simulator = new Simulator(SimulatorConfig.builder(source)
                .bindAddress(InetAddress.getLoopbackAddress()).port(port)
                .tls(ServerTls.server(pkiDir.resolve(Pki.SERVER_FILE), password))
                .peerCheck(PeerCheck.Mode.STRICT_IP).build()).start();
        Arrays.fill(password, '\0');
        Path configFile = writeConfig(dir, simulator.port(), passwordFile);
        EstreamerConfig config = ConfigLoader.load(configFile, FileCheck.REQUIRE_EXISTING);
        RunCommand.applyLogging(config, line.hasOption("debug"));
        System.err.println("demo: FMC simulator on 127.0.0.1:" + simulator.port() + ", configuration " + configFile);
        List<FmcPipeline> pipelines = Assembly.build(config, RunCommand::password);
        FmcPipeline pipeline = pipelines.get(0);
        AtomicBoolean stopped = new AtomicBoolean();
        Thread hook = new Thread(() -> finish(pipeline, simulator, stopped), "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        pipeline.start();
        long startNanos = System.nanoTime();
        long lastWritten = 0;
        long nextPrint = startNanos + 1_000_000_000L;
        while (target == 0 || pipeline.stats().written.get() < target) {
            Thread.sleep(100);
            if (System.nanoTime() < nextPrint) {
                continue;
            }
            nextPrint += 1_000_000_000L;
            long written = pipeline.stats().written.get();
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            System.err.printf(Locale.ROOT, "\rdemo: %,d records written (%,d/s now, %,.0f/s average), bookmark %s, "
                    + "reconnects %d   ", written, written - lastWritten, written / seconds,
                    pipeline.bookmark() > 0 ? Instant.ofEpochSecond(pipeline.bookmark()) : "-",
                    pipeline.sessionStats().disconnects.get());
            lastWritten = written;
        }
        System.err.println();
        finish(pipeline, simulator, stopped);
        Runtime.getRuntime().removeShutdownHook(hook);
        System.err.println("demo: done. " + pipeline.stats().written.get() + " records in " + dir.resolve("json")
                + "; bookmark in " + dir.resolve("data") + ". Run the demo again to resume from the bookmark.");
        return Main.OK;
    }

    private static void finish(FmcPipeline pipeline, Simulator simulator, AtomicBoolean stopped) {
        if (stopped.compareAndSet(false, true)) {
            pipeline.stop(Duration.ofSeconds(10));
            simulator.stop();
        }
    }

    /** The demo PKI's password: random, kept in a 0600 file next to the throw-away demo PKI. */
    private static char[] demoPassword(Path pkiDir, Path passwordFile) throws IOException {
        if (Files.exists(passwordFile) && Files.exists(pkiDir.resolve(Pki.SERVER_FILE))) {
            return PasswordSource.system(null, passwordFile).resolve(pkiDir.resolve(Pki.CLIENT_FILE));
        }
        Files.createDirectories(pkiDir);
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        char[] password = HexFormat.of().formatHex(random).toCharArray();
        Files.deleteIfExists(passwordFile);
        Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, new String(password) + "\n", StandardCharsets.UTF_8);
        Pki.create(pkiDir, "127.0.0.1", password);
        return password;
    }

    private static Path writeConfig(Path dir, int port, Path passwordFile) throws IOException {
        String json = """
                {
                    "@comment": "written by `estreamer demo`: the simulator listens on an ephemeral port, so this file changes each run",
                    "enabled": true,
                    "start": 2,
                    "dataDirectory": "data",
                    "monitor": {"period": 30, "handled": true, "bookmark": true},
                    "logging": {"filepath": "estreamer.log", "level": "INFO", "stdOut": false, "stdErr": false},
                    "subscription": {
                        "servers": [{
                            "name": "demo-fmc",
                            "host": "127.0.0.1",
                            "port": %d,
                            "pkcs12Filepath": "pki/client.pkcs12",
                            "pkcs12PasswordFile": "%s",
                            "tlsVersion": "auto"
                        }]
                    },
                    "handler": {
                        "outputters": [{
                            "name": "json",
                            "adapter": "json",
                            "enabled": true,
                            "stream": {"uri": "relfile:///json/estreamer.{0}.json", "options": {"rotate": true, "maxLogs": 10000}}
                        }]
                    }
                }
                """.formatted(port, dir.relativize(passwordFile));
        Path file = dir.resolve("estreamer.conf");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }
}
