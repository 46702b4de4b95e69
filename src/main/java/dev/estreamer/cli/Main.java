package dev.estreamer.cli;

import dev.estreamer.EstreamerException;
import dev.estreamer.config.ConfigException;
import dev.estreamer.session.CredentialsException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** The {@code estreamer} launcher: dispatches to a subcommand. */
public final class Main {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private final Map<String, Command> commands = new LinkedHashMap<>();

    Main() {
        for (Command c : List.of(new RunCommand(), new DemoCommand(), new TestCommand(), new FlagsCommand(),
                new DecodeCommand(), new SimulateCommand(), new PkiCommand(), new BenchCommand(),
                new SplunkCommand(), new ElasticCommand(), new CefCommand())) {
            commands.put(c.name(), c);
        }
    }

    public static void main(String[] args) {
        System.exit(new Main().execute(args));
    }

    /** Runs a command line and returns the exit code (tests call this directly). */
    int execute(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            printOverview();
            return args.length == 0 ? USAGE : OK;
        }
        if (args[0].equals("--version")) {
            System.out.println("estreamer " + version());
            return OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            System.err.println("estreamer: unknown command \"" + args[0] + "\"; run `estreamer --help` for the list");
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        Options options = command.options();
        options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
        options.addOption(Option.builder().longOpt("debug").desc("show stack traces and debug logging").build());
        boolean debug = Arrays.asList(rest).contains("--debug");
        try {
            CommandLine line = new DefaultParser().parse(options, rest);
            if (line.hasOption("help")) {
                printHelp(command, options);
                return OK;
            }
            if (debug) {
                Logs.setRootLevel("DEBUG");
            }
            return command.run(line);
        } catch (ParseException | UsageException e) {
            System.err.println("estreamer " + command.name() + ": " + e.getMessage());
            System.err.println("usage: estreamer " + command.name() + " " + command.usage()
                    + "   (estreamer " + command.name() + " --help for details)");
            return USAGE;
        } catch (ConfigException e) {
            System.err.println("estreamer: " + e.getMessage());
            if (debug) {
                e.printStackTrace();
            }
            return USAGE;
        } catch (CredentialsException e) {
            System.err.println("estreamer: " + e.getMessage());
            if (debug) {
                e.printStackTrace();
            }
            return USAGE;
        } catch (EstreamerException e) {
            System.err.println("estreamer: " + e.getMessage());
            if (debug) {
                e.printStackTrace();
            }
            return FAILURE;
        } catch (Exception e) {
            System.err.println("estreamer " + command.name() + " failed: " + e);
            if (debug) {
                e.printStackTrace();
            } else {
                System.err.println("(run with --debug for the stack trace)");
            }
            return FAILURE;
        }
    }

    private void printOverview() {
        System.out.println("estreamer " + version() + " - Cisco Secure Firewall (Firepower) eStreamer client");
        System.out.println();
        System.out.println("usage: estreamer COMMAND [options]   (estreamer COMMAND --help for details)");
        System.out.println();
        for (Command c : commands.values()) {
            System.out.printf("  %-10s %s%n", c.name(), c.summary());
        }
        System.out.println();
        System.out.println("Exit codes: 0 success, 1 runtime failure, 2 usage or configuration error.");
    }

    private static void printHelp(Command command, Options options) {
        HelpFormatter help = new HelpFormatter();
        help.setWidth(100);
        PrintWriter out = new PrintWriter(System.out, true);
        help.printHelp(out, 100, "estreamer " + command.name() + " " + command.usage(), command.summary(), options,
                2, 2, null, false);
        out.flush();
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
