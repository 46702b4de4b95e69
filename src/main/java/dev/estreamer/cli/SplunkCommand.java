package dev.estreamer.cli;

import dev.estreamer.EstreamerException;
import dev.estreamer.config.ConfigLoader;
import dev.estreamer.config.EstreamerConfig;
import dev.estreamer.config.FileCheck;
import dev.estreamer.config.Server;
import dev.estreamer.format.Formatter;
import dev.estreamer.format.KvFormatter;
import dev.estreamer.format.SplunkJsonFormatter;
import dev.estreamer.pipeline.Assembly;
import dev.estreamer.pipeline.FmcPipeline;
import dev.estreamer.pipeline.Output;
import dev.estreamer.session.Pkcs12Credentials;
import dev.estreamer.session.TlsContexts;
import dev.estreamer.sink.splunk.EventStream;
import dev.estreamer.sink.splunk.InputDefinition;
import dev.estreamer.sink.splunk.Scheme;
import dev.estreamer.sink.splunk.SplunkSink;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code estreamer splunk}: the add-on's modular input, called by splunkd through {@code bin/estreamer.sh}.
 * {@code --scheme} prints the scheme, {@code --validate-arguments} checks one stanza from stdin, and without
 * options it runs every stanza of the input definition on stdin (one FMC each) as an XML event stream on
 * stdout until splunkd stops it. Logs go to stderr (splunkd.log).
 */
final class SplunkCommand implements Command {
    private static final Logger log = LoggerFactory.getLogger("estreamer");

    @Override
    public String name() {
        return "splunk";
    }

    @Override
    public String summary() {
        return "Splunk modular input (called by splunkd: --scheme, --validate-arguments, or run with XML on stdin)";
    }

    @Override
    public String usage() {
        return "[--scheme | --validate-arguments]   (input definition XML on stdin)";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("scheme").desc("print the modular-input scheme XML").build())
                .addOption(Option.builder().longOpt("validate-arguments")
                        .desc("validate the stanza in the validation XML on stdin").build());
    }

    @Override
    public int run(CommandLine line) throws Exception {
        // stdout belongs to splunkd's XML stream: nothing else may ever write there. Stray prints go to stderr,
        // where every line needs a level for splunkd (unmarked lines of System.err are errors, of System.out info)
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        OutputStream stderr = new FileOutputStream(FileDescriptor.err);
        System.setErr(new PrintStream(SplunkStderr.prefixing(stderr, "ERROR"), true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(SplunkStderr.prefixing(stderr, "INFO"), true, StandardCharsets.UTF_8));
        Logs.splunkStderr();
        if (line.hasOption("debug")) {
            Logs.setRootLevel("DEBUG");
        }
        if (line.hasOption("scheme")) {
            stdout.write(SplunkArguments.scheme().xml().getBytes(StandardCharsets.UTF_8));
            stdout.flush();
            return Main.OK;
        }
        if (line.hasOption("validate-arguments")) {
            String problem = validate(System.in);
            if (problem != null) {
                stdout.write(Scheme.error(problem).getBytes(StandardCharsets.UTF_8));
                stdout.flush();
                log.error("Validation failed: {}", problem);
                return Main.FAILURE;
            }
            return Main.OK;
        }
        return runInputs(System.in, stdout);
    }

    /** The reason the stanza in the validation XML is unusable, or null when it is fine. */
    static String validate(InputStream in) {
        try {
            InputDefinition items = InputDefinition.parse(in);
            if (items.stanzas().isEmpty()) {
                return "the validation request from splunkd holds no <item>";
            }
            Map.Entry<String, Map<String, String>> item = items.stanzas().entrySet().iterator().next();
            List<String> problems = SplunkArguments.problems(item.getValue());
            if (!problems.isEmpty()) {
                return String.join("; ", problems);
            }
            Path scratch = Files.createTempDirectory("estreamer-validate");
            try {
                Prepared p = prepare(item.getKey(), item.getValue(), items, scratch);
                p.credentials();
            } finally {
                Files.deleteIfExists(scratch);
            }
            return null;
        } catch (IllegalArgumentException | EstreamerException e) {
            return e.getMessage();
        } catch (IOException e) {
            return "cannot validate: " + e.getMessage();
        }
    }

    /** One stanza turned into configuration, with the PKCS#12 password from secure storage. */
    private record Prepared(String stanza, Map<String, String> params, EstreamerConfig config, Server server,
                            char[] password) {
        Pkcs12Credentials credentials() {
            return Pkcs12Credentials.load(server.pkcs12File(), password);
        }
    }

    private static Prepared prepare(String stanza, Map<String, String> params, InputDefinition definition,
            Path dataDirectory) {
        String json = SplunkArguments.config(stanza, params, dataDirectory);
        EstreamerConfig config = ConfigLoader.parse(json, dataDirectory.resolve("estreamer.conf"),
                FileCheck.REQUIRE_EXISTING);
        Server server = config.subscription().servers().get(0);
        String credential = params.getOrDefault("pkcs12_password_name", "").trim();
        if (credential.isEmpty()) {
            credential = SplunkArguments.shortName(stanza);
        }
        char[] password = new SecureStorage(definition.serverUri(), definition.sessionKey())
                .password(SplunkArguments.APP, credential);
        return new Prepared(stanza, params, config, server, password);
    }

    /** Run mode: every stanza as one pipeline writing into one XML stream; returns when splunkd stops us. */
    static int runInputs(InputStream in, OutputStream stdout) throws InterruptedException {
        InputDefinition definition = InputDefinition.parse(in);
        if (definition.stanzas().isEmpty()) {
            log.error("The input definition from splunkd holds no stanza; nothing to do");
            return Main.USAGE;
        }
        Path checkpoints = Path.of(definition.checkpointDir().isEmpty() ? "." : definition.checkpointDir());
        EventStream stream = new EventStream(stdout);
        List<FmcPipeline> pipelines = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : definition.stanzas().entrySet()) {
            try {
                pipelines.add(pipeline(e.getKey(), e.getValue(), definition, checkpoints, stream));
            } catch (RuntimeException ex) {
                log.error("Input {} not started: {}", e.getKey(), ex.getMessage());
            }
        }
        if (pipelines.isEmpty()) {
            stream.close();
            return Main.FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping: draining what was read, then saving the bookmarks");
            pipelines.forEach(p -> p.stop(Duration.ofSeconds(10)));
            stream.close();
            stopped.countDown();
        }, "shutdown"));
        log.info("estreamer {} modular input running {} input(s)", Main.version(), pipelines.size());
        pipelines.forEach(FmcPipeline::start);
        stopped.await();
        return Main.OK;
    }

    private static FmcPipeline pipeline(String stanza, Map<String, String> params, InputDefinition definition,
            Path checkpoints, EventStream stream) {
        List<String> problems = SplunkArguments.problems(params);
        if (!problems.isEmpty()) {
            throw new EstreamerException(dev.estreamer.Stage.CONFIG, String.join("; ", problems));
        }
        Path data = checkpoints.resolve(directoryName(SplunkArguments.shortName(stanza)));
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new EstreamerException(dev.estreamer.Stage.CONFIG, "cannot create checkpoint directory " + data
                    + ": " + e.getMessage(), e);
        }
        Prepared p = prepare(stanza, params, definition, data);
        var tls = TlsContexts.client(p.credentials(), p.server().verifyServerCertificate());
        boolean json = SplunkArguments.format(params).equals(SplunkArguments.FORMAT_JSON);
        Formatter formatter = new TimedFormatter(json ? new SplunkJsonFormatter() : new KvFormatter());
        String sourcetype = params.getOrDefault("sourcetype", "").trim();
        if (sourcetype.isEmpty()) {
            sourcetype = json ? SplunkArguments.JSON_SOURCETYPE : SplunkArguments.KV_SOURCETYPE;
        }
        SplunkSink sink = new SplunkSink(stream, stanza, sourcetype, params.get("index"), params.get("host"));
        log.info("Input {}: FMC {}:{}, format {}, sourcetype {}, checkpoints in {}", stanza, p.server().host(),
                p.server().port(), json ? "json" : "kv", sourcetype, data);
        return Assembly.pipeline(p.config(), p.server(), Assembly.tlsConnector(tls, p.server()),
                List.of(new Output("splunk", formatter, sink)));
    }

    /** A file-system-safe directory for a stanza name: [A-Za-z0-9.-] kept (no leading dot), every other byte as _XX. */
    static String directoryName(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || (c == '.' && out.length() > 0)) {
                out.append(c);
            } else {
                out.append('_').append(String.format("%02X", b & 0xff));
            }
        }
        return out.length() == 0 ? "_" : out.toString();
    }
}
