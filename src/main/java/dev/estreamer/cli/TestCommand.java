package dev.estreamer.cli;

import dev.estreamer.config.EstreamerConfig;
import dev.estreamer.config.Server;
import dev.estreamer.pipeline.Assembly;
import dev.estreamer.session.Diagnostics;
import dev.estreamer.session.Diagnostics.Check;
import dev.estreamer.session.Diagnostics.Status;
import dev.estreamer.wire.EventVersion;
import dev.estreamer.wire.RequestFlags;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code estreamer test --config FILE}: the connection diagnostics, one OK/WARN/FAIL line per check. */
final class TestCommand implements Command {
    private final Diagnostics diagnostics;
    private final PrintStream out;

    TestCommand() {
        this(Diagnostics.system(), null);
    }

    /** @param out where the report goes; null means {@code System.out} at run time (tests swap it) */
    TestCommand(Diagnostics diagnostics, PrintStream out) {
        this.diagnostics = diagnostics;
        this.out = out;
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String summary() {
        return "check configuration, certificate, network, TLS and the FMC's answer, with the fix for each failure";
    }

    @Override
    public String usage() {
        return "--config FILE";
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder("c").longOpt("config").hasArg().argName("FILE")
                .desc("the estreamer.conf to test (every configured server is tried)").build());
    }

    @Override
    public int run(CommandLine line) {
        if (!line.hasOption("config")) {
            throw new UsageException("--config FILE is required");
        }
        PrintStream report = out == null ? System.out : out;
        Diagnostics.Loaded loaded = Diagnostics.configuration(Path.of(line.getOptionValue("config")));
        print(report, loaded.checks());
        EstreamerConfig config = loaded.config();
        if (config == null) {
            return Main.USAGE;
        }
        RequestFlags flags = Assembly.flags(config.subscription().records());
        List<EventVersion> events = Assembly.events(config.subscription().events());
        Diagnostics.Probe probe = new Diagnostics.Probe(flags, events, config.connectTimeout(),
                config.responseTimeout(), config.maxMessageLength());
        List<Check> all = new ArrayList<>(loaded.checks());
        for (Server server : config.subscription().servers()) {
            report.println();
            report.println("Server " + server.name() + " (" + server.host() + ":" + server.port() + ")");
            List<Check> checks = diagnostics.server(server, probe);
            print(report, checks);
            all.addAll(checks);
        }
        report.println();
        List<Check> request = Diagnostics.request(flags, events);
        print(report, request);
        all.addAll(request);
        report.println();
        long failed = all.stream().filter(c -> c.status() == Status.FAIL).count();
        long warned = all.stream().filter(c -> c.status() == Status.WARN).count();
        report.println(failed > 0 ? "Result: FAIL (" + failed + " failed, " + warned + " warning(s))"
                : "Result: OK" + (warned > 0 ? " with " + warned + " warning(s)" : ""));
        return failed > 0 ? Main.FAILURE : Main.OK;
    }

    private static void print(PrintStream report, List<Check> checks) {
        for (Check c : checks) {
            report.println(line(c));
            if (c.fix() != null && c.status() != Status.OK) {
                report.println("       fix: " + c.fix());
            }
        }
    }

    /** {@code [ OK ] name: detail}, {@code [WARN] ...}, {@code [FAIL] ...}. */
    static String line(Check c) {
        String tag = switch (c.status()) {
            case OK -> "[ OK ]";
            case WARN -> "[WARN]";
            case FAIL -> "[FAIL]";
        };
        return tag + " " + c.name() + ": " + c.detail();
    }
}
