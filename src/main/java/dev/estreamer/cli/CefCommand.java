package dev.estreamer.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.estreamer.config.ConfigLoader;
import dev.estreamer.config.EstreamerConfig;
import dev.estreamer.config.FileCheck;
import dev.estreamer.pipeline.Assembly;
import dev.estreamer.pipeline.FmcPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code estreamer cef --host H --port P --protocol udp|tcp|tls}: ArcSight in one line. Streams every event as
 * CEF over syslog to H:P, from the FMC named by {@code --fmc}/{@code --pkcs12} or by a configuration file (whose
 * outputters are then replaced by this one).
 */
final class CefCommand implements Command {
    private static final Logger log = LoggerFactory.getLogger("estreamer");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String name() {
        return "cef";
    }

    @Override
    public String summary() {
        return "stream every event as CEF over syslog (UDP, TCP or TLS) to an ArcSight receiver";
    }

    @Override
    public String usage() {
        return "--host H --port P --protocol udp|tcp|tls (--fmc HOST[:PORT] --pkcs12 FILE | --config FILE)";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("host").hasArg().argName("H").desc("syslog receiver host (required)").build())
                .addOption(Option.builder().longOpt("port").hasArg().argName("P")
                        .desc("syslog receiver port (default 514, 6514 for tls)").build())
                .addOption(Option.builder().longOpt("protocol").hasArg().argName("udp|tcp|tls")
                        .desc("syslog transport (default udp)").build())
                .addOption(Option.builder("c").longOpt("config").hasArg().argName("FILE")
                        .desc("an estreamer.conf for the FMC side; its outputters are replaced by this CEF output").build())
                .addOption(Option.builder().longOpt("fmc").hasArg().argName("HOST[:PORT]")
                        .desc("the FMC (port 8302 by default), when there is no --config").build())
                .addOption(Option.builder().longOpt("pkcs12").hasArg().argName("FILE")
                        .desc("client PKCS#12 from the FMC; its password comes from ESTREAMER_PKCS12_PASSWORD").build())
                .addOption(Option.builder().longOpt("data-dir").hasArg().argName("DIR")
                        .desc("bookmark and metadata directory without --config (default: the current directory)").build())
                .addOption(Option.builder().longOpt("ca").hasArg().argName("FILE")
                        .desc("tls: PEM of the CA that signed the receiver's certificate (required for tls)").build())
                .addOption(Option.builder().longOpt("client-pkcs12").hasArg().argName("FILE")
                        .desc("tls: client certificate to present; password from ESTREAMER_SYSLOG_PKCS12_PASSWORD").build())
                .addOption(Option.builder().longOpt("header").hasArg().argName("rfc5424|rfc3164")
                        .desc("syslog header (default rfc5424)").build())
                .addOption(Option.builder().longOpt("framing").hasArg().argName("lf|octet-counting")
                        .desc("tcp framing (default lf; tls always counts octets)").build())
                .addOption(Option.builder().longOpt("encore-compatible")
                        .desc("reproduce eNcore's CEF field choices (see docs/cef.md)").build());
    }

    @Override
    public int run(CommandLine line) throws Exception {
        EstreamerConfig config = config(line);
        RunCommand.applyLogging(config, line.hasOption("debug"));
        config.notes().forEach(n -> log.info("Configuration: {}", n));
        log.info("Sending CEF to {}", config.handler().outputters().get(0).uri().text());
        List<FmcPipeline> pipelines = Assembly.build(config, RunCommand::password);
        return RunCommand.runUntilStopped(pipelines, config);
    }

    /** The configuration this command line means (tests call this to check the mapping). */
    static EstreamerConfig config(CommandLine line) throws IOException {
        if (!line.hasOption("host")) {
            throw new UsageException("--host H is required (the syslog receiver)");
        }
        String protocol = line.getOptionValue("protocol", "udp").toLowerCase(Locale.ROOT);
        if (!List.of("udp", "tcp", "tls").contains(protocol)) {
            throw new UsageException("--protocol must be udp, tcp or tls, got \"" + protocol + "\"");
        }
        int port = OptionValues.intValue(line, "port", protocol.equals("tls") ? 6514 : 514, 1, 65535);
        if (protocol.equals("tls") && !line.hasOption("ca")) {
            throw new UsageException("--protocol tls needs --ca FILE (the PEM of the CA that signed the receiver's certificate)");
        }
        String host = line.getOptionValue("host");
        ObjectNode root;
        Path source;
        if (line.hasOption("config")) {
            source = Path.of(line.getOptionValue("config")).toAbsolutePath().normalize();
            root = StandaloneConfig.fromFile(line, source);
        } else {
            if (!line.hasOption("fmc") || !line.hasOption("pkcs12")) {
                throw new UsageException("give --fmc HOST[:PORT] and --pkcs12 FILE (or --config FILE)");
            }
            Path dataDir = Path.of(line.getOptionValue("data-dir", ".")).toAbsolutePath().normalize();
            source = dataDir.resolve("estreamer-cef.conf"); // never written: relative paths resolve against dataDir
            root = StandaloneConfig.forFmc(line.getOptionValue("fmc"),
                    Path.of(line.getOptionValue("pkcs12")).toAbsolutePath().toString(), "estreamer-cef.log");
        }
        ObjectNode handler = root.withObjectProperty("handler");
        ArrayNode outputters = handler.putArray("outputters");
        outputters.add(outputter(line, protocol, host, port));
        return ConfigLoader.parse(root.toString(), source, FileCheck.REQUIRE_EXISTING);
    }

    private static ObjectNode outputter(CommandLine line, String protocol, String host, int port) {
        ObjectNode o = NODES.objectNode();
        o.put("name", "cef");
        o.put("adapter", "cef");
        o.put("enabled", true);
        o.withObjectProperty("cef").put("encoreCompatible", line.hasOption("encore-compatible"));
        ObjectNode stream = o.withObjectProperty("stream");
        stream.put("uri", protocol + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
        ObjectNode options = stream.withObjectProperty("options");
        options.put("syslogHeader", line.getOptionValue("header", "rfc5424"));
        options.put("framing", line.getOptionValue("framing", "lf"));
        if (line.hasOption("ca")) {
            options.put("caFile", Path.of(line.getOptionValue("ca")).toAbsolutePath().toString());
        }
        if (line.hasOption("client-pkcs12")) {
            options.put("clientPkcs12", Path.of(line.getOptionValue("client-pkcs12")).toAbsolutePath().toString());
        }
        return o;
    }
}
