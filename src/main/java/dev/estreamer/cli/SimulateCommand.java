package dev.estreamer.cli;

import dev.estreamer.session.PasswordSource;
import dev.estreamer.sim.CaptureReplay;
import dev.estreamer.sim.EventSource;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.Pki;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import dev.estreamer.sim.SyntheticGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code estreamer simulate}: the FMC side of the protocol on a loopback port, until Ctrl-C. */
final class SimulateCommand implements Command {
    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String summary() {
        return "run the built-in FMC simulator (mutual TLS, eStreamer server side) on a local port";
    }

    @Override
    public String usage() {
        return "[--port 8302] [--pki DIR] [--rate R] [--events N] [--seed S] [--connections-only] | [--replay FILE [--loop]] [--no-peer-check]";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder("p").longOpt("port").hasArg().argName("PORT")
                        .desc("port to listen on (default 8302; 0 picks a free one)").build())
                .addOption(Option.builder().longOpt("bind").hasArg().argName("ADDRESS")
                        .desc("address to listen on (default 127.0.0.1)").build())
                .addOption(Option.builder().longOpt("pki").hasArg().argName("DIR")
                        .desc("directory with server.p12 (created with `estreamer pki` layout when missing; default ./pki)")
                        .build())
                .addOption(Option.builder().longOpt("replay").hasArg().argName("FILE")
                        .desc("replay a capture of raw wire messages instead of generating traffic; \"builtin\" is "
                                + "the real FMC 6.x capture shipped with estreamer").build())
                .addOption(Option.builder().longOpt("rate").hasArg().argName("R")
                        .desc("generated events per second (default 0 = as fast as the client takes them)").build())
                .addOption(Option.builder().longOpt("events").hasArg().argName("N")
                        .desc("stop generating after N events (default 0 = never)").build())
                .addOption(Option.builder().longOpt("seed").hasArg().argName("S")
                        .desc("seed of the generated traffic (default 1; same seed, same events)").build())
                .addOption(Option.builder().longOpt("connections-only")
                        .desc("generate connection events only (default: every family, with its metadata)").build())
                .addOption(Option.builder().longOpt("loop")
                        .desc("repeat the capture forever with archive timestamps moved forward").build())
                .addOption(Option.builder().longOpt("bundle-size").hasArg().argName("N")
                        .desc("records per Message Bundle (default 50)").build())
                .addOption(Option.builder().longOpt("no-peer-check")
                        .desc("accept clients whose certificate CN differs from their source address").build());
    }

    @Override
    public int run(CommandLine line) throws Exception {
        int port = OptionValues.intValue(line, "port", 8302, 0, 65535);
        Path pkiDir = Path.of(line.getOptionValue("pki", "pki"));
        char[] password = PasswordSource.system(PasswordSource.DEFAULT_VARIABLE, null).resolve(pkiDir.resolve(Pki.CLIENT_FILE));
        try {
            if (!Files.exists(pkiDir.resolve(Pki.SERVER_FILE))) {
                Pki.create(pkiDir, "127.0.0.1", password);
                System.err.println("created a new PKI in " + pkiDir + " (client PKCS#12: " + pkiDir.resolve(Pki.CLIENT_FILE) + ")");
            }
            EventSource source = source(line, pkiDir.getParent() == null ? Path.of(".") : pkiDir.getParent());
            SimulatorConfig.Builder config = SimulatorConfig.builder(source)
                    .bindAddress(InetAddress.getByName(line.getOptionValue("bind", "127.0.0.1")))
                    .port(port)
                    .tls(ServerTls.server(pkiDir.resolve(Pki.SERVER_FILE), password))
                    .peerCheck(line.hasOption("no-peer-check") ? PeerCheck.Mode.OFF : PeerCheck.Mode.STRICT_IP)
                    .recordsPerBundle(OptionValues.intValue(line, "bundle-size", 50, 1, 100_000));
            Simulator simulator = new Simulator(config.build()).start();
            System.err.println("FMC simulator listening on " + line.getOptionValue("bind", "127.0.0.1") + ":"
                    + simulator.port() + " (Ctrl-C to stop)");
            CountDownLatch done = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                simulator.stop();
                done.countDown();
            }, "simulator-shutdown"));
            done.await();
            return Main.OK;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    static EventSource source(CommandLine line, Path workDir) {
        boolean loop = line.hasOption("loop");
        if (!line.hasOption("replay")) {
            return SyntheticGenerator.builder()
                    .seed(OptionValues.longValue(line, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE))
                    .rate(OptionValues.longValue(line, "rate", 0, 0, 10_000_000))
                    .count(OptionValues.longValue(line, "events", 0, 0, Long.MAX_VALUE))
                    .allFamilies(!line.hasOption("connections-only"))
                    .build();
        }
        if (line.getOptionValue("replay").equals("builtin")) {
            return CaptureReplay.load(builtinCapture(workDir), loop);
        }
        Path file = Path.of(line.getOptionValue("replay"));
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such capture file: " + file);
        }
        return CaptureReplay.load(file, loop);
    }

    /** The built-in FMC 6.x capture, copied out of the jar so the replay can read it. */
    static Path builtinCapture(Path dir) {
        try (InputStream in = SimulateCommand.class.getResourceAsStream("/dev/estreamer/sim/fmc-6x-capture.bin")) {
            if (in == null) {
                throw new IllegalStateException("the built-in capture is missing from the jar");
            }
            Files.createDirectories(dir);
            Path out = dir.resolve("fmc-6x-capture.bin");
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
