package dev.estreamer.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.estreamer.config.Adapter;
import dev.estreamer.config.ConfigLoader;
import dev.estreamer.config.EstreamerConfig;
import dev.estreamer.config.FileCheck;
import dev.estreamer.config.Outputter;
import dev.estreamer.config.StreamUri;
import dev.estreamer.pipeline.ElasticOutputs;
import dev.estreamer.sink.elastic.ElasticHealthCheck;
import dev.estreamer.sink.elastic.ElasticSink;
import dev.estreamer.sink.elastic.TemplateInstaller;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code estreamer elastic setup|run}, behind bin/estreamer-elastic. Both take a configuration file with
 * elasticsearch:// outputters, or flags: {@code --host URL} (or {@code --cloud-id}) and the connection options
 * make one ecs outputter, which replaces a configuration file's outputters; {@code run} without a configuration
 * file names the FMC with {@code --fmc}/{@code --pkcs12}. Secrets are only ever env:VARIABLE or file:PATH.
 */
final class ElasticCommand implements Command {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String name() {
        return "elastic";
    }

    @Override
    public String summary() {
        return "Elasticsearch: install index templates (setup) or ship every event as an ECS document (run)";
    }

    @Override
    public String usage() {
        return "setup (--config FILE | --host URL) | run (--config FILE | --fmc HOST[:PORT] --pkcs12 FILE --host URL)"
                + " [--api-key env:VAR|file:PATH | --username U --password env:VAR|file:PATH] [--ca FILE | --ca-fingerprint SHA256]";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder("c").longOpt("config").hasArg().argName("FILE")
                        .desc("configuration; with --host its outputters are replaced by one Elasticsearch outputter").build())
                .addOption(Option.builder().longOpt("host").hasArg().argName("URL")
                        .desc("Elasticsearch URL, e.g. http://localhost:9200 (repeat or comma-separate for several)").build())
                .addOption(Option.builder().longOpt("cloud-id").hasArg().argName("ID")
                        .desc("Elastic Cloud deployment id instead of --host").build())
                .addOption(Option.builder().longOpt("api-key").hasArg().argName("REF")
                        .desc("API key as env:VARIABLE or file:PATH (default: env:ESTREAMER_ES_API_KEY when that is set)").build())
                .addOption(Option.builder().longOpt("username").hasArg().argName("USER").desc("basic-auth user").build())
                .addOption(Option.builder().longOpt("password").hasArg().argName("REF")
                        .desc("basic-auth password as env:VARIABLE or file:PATH").build())
                .addOption(Option.builder().longOpt("ca").hasArg().argName("FILE")
                        .desc("PEM of the CA that signed Elasticsearch's certificate").build())
                .addOption(Option.builder().longOpt("ca-fingerprint").hasArg().argName("SHA256")
                        .desc("trust the certificate in Elasticsearch's chain with this SHA-256 fingerprint").build())
                .addOption(Option.builder().longOpt("namespace").hasArg().argName("NS")
                        .desc("data stream namespace (default: default)").build())
                .addOption(Option.builder().longOpt("workers").hasArg().argName("N").desc("bulk requests in flight (default 1)").build())
                .addOption(Option.builder().longOpt("compression").desc("gzip bulk request bodies").build())
                .addOption(Option.builder().longOpt("retention").hasArg().argName("AGE")
                        .desc("how long documents are kept (default 30d)").build())
                .addOption(Option.builder().longOpt("no-setup").desc("run: do not install the templates at start").build())
                .addOption(Option.builder().longOpt("fmc").hasArg().argName("HOST[:PORT]")
                        .desc("run without --config: the FMC (port 8302 by default)").build())
                .addOption(Option.builder().longOpt("pkcs12").hasArg().argName("FILE")
                        .desc("run without --config: client PKCS#12 from the FMC; password from ESTREAMER_PKCS12_PASSWORD").build())
                .addOption(Option.builder().longOpt("data-dir").hasArg().argName("DIR")
                        .desc("bookmark, metadata and dead-letter directory without --config (default: the current directory)").build())
                .addOption(Option.builder("d").longOpt("debug").desc("stack traces on errors").build());
    }

    @Override
    public int run(CommandLine line) throws Exception {
        List<String> args = line.getArgList();
        if (args.isEmpty()) {
            throw new UsageException("say what to do: estreamer elastic " + usage());
        }
        switch (args.get(0)) {
            case "setup" -> {
                return setup(config(line, false));
            }
            case "run" -> {
                return RunCommand.runConfigured(config(line, true), line.hasOption("debug"));
            }
            default -> throw new UsageException("unknown elastic action \"" + args.get(0) + "\"; use setup or run");
        }
    }

    /** The configuration a command line means (tests call this to check the mapping). */
    static EstreamerConfig config(CommandLine line, boolean run) throws IOException {
        boolean flags = line.hasOption("host") || line.hasOption("cloud-id");
        ObjectNode root;
        Path source;
        if (line.hasOption("config")) {
            source = Path.of(line.getOptionValue("config")).toAbsolutePath().normalize();
            root = StandaloneConfig.fromFile(line, source);
        } else {
            if (!flags) {
                throw new UsageException("give --config FILE or --host URL (or --cloud-id ID)");
            }
            Path dataDir = Path.of(line.getOptionValue("data-dir", ".")).toAbsolutePath().normalize();
            source = dataDir.resolve("estreamer-elastic.conf"); // never written: relative paths resolve against dataDir
            if (run && (!line.hasOption("fmc") || !line.hasOption("pkcs12"))) {
                throw new UsageException("run without --config needs --fmc HOST[:PORT] and --pkcs12 FILE");
            }
            root = StandaloneConfig.forFmc(line.getOptionValue("fmc", "setup-only"), line.hasOption("pkcs12")
                    ? Path.of(line.getOptionValue("pkcs12")).toAbsolutePath().toString() : "none.pkcs12",
                    "estreamer-elastic.log");
        }
        if (flags) {
            ArrayNode outputters = root.withObjectProperty("handler").putArray("outputters");
            outputters.add(outputter(line));
        }
        // set-up needs no FMC: the flags-only form has a placeholder server and no PKCS#12 to check
        FileCheck check = run ? FileCheck.REQUIRE_EXISTING : FileCheck.SKIP;
        return ConfigLoader.parse(root.toString(), source, check);
    }

    private static ObjectNode outputter(CommandLine line) {
        ObjectNode o = NODES.objectNode();
        o.put("name", "elasticsearch");
        o.put("adapter", "ecs");
        o.put("enabled", true);
        o.withObjectProperty("stream").put("uri", "elasticsearch://");
        ObjectNode es = o.withObjectProperty("elasticsearch");
        if (line.hasOption("host")) {
            ArrayNode hosts = es.putArray("hosts");
            for (String value : line.getOptionValues("host")) {
                for (String h : value.split(",")) {
                    if (!h.isBlank()) {
                        hosts.add(h.strip());
                    }
                }
            }
        }
        copy(line, "cloud-id", es, "cloudId");
        copy(line, "namespace", es, "namespace");
        copy(line, "username", es, "username");
        copy(line, "password", es, "password");
        copy(line, "ca-fingerprint", es, "caFingerprint");
        copy(line, "retention", es, "retention");
        if (line.hasOption("api-key")) {
            es.put("apiKey", line.getOptionValue("api-key"));
        } else if (!line.hasOption("username") && System.getenv("ESTREAMER_ES_API_KEY") != null
                && !System.getenv("ESTREAMER_ES_API_KEY").isBlank()) {
            es.put("apiKey", "env:ESTREAMER_ES_API_KEY");
        }
        if (line.hasOption("ca")) {
            es.put("caFile", Path.of(line.getOptionValue("ca")).toAbsolutePath().toString());
        }
        if (line.hasOption("workers")) {
            es.put("workers", OptionValues.intValue(line, "workers", 1, 1, 64));
        }
        es.put("compression", line.hasOption("compression"));
        es.put("setup", !line.hasOption("no-setup"));
        return o;
    }

    private static void copy(CommandLine line, String option, ObjectNode to, String key) {
        if (line.hasOption(option)) {
            to.put(key, line.getOptionValue(option));
        }
    }

    private static int setup(EstreamerConfig config) {
        List<Outputter> elastic = new ArrayList<>();
        for (Outputter o : config.handler().enabledOutputters()) {
            if (o.adapter() == Adapter.ECS && o.uri().scheme() == StreamUri.Scheme.ELASTICSEARCH) {
                elastic.add(o);
            }
        }
        if (elastic.isEmpty()) {
            throw new UsageException("the configuration has no enabled outputter with adapter ecs and stream.uri elasticsearch://");
        }
        for (Outputter o : elastic) {
            ElasticSink sink = ElasticOutputs.config(o.elasticsearch(), o.name(), config.dataDirectory(), o.name(),
                    System.getenv()).build();
            int rc = install(sink, o.elasticsearch().retention());
            if (rc != 0) {
                return rc;
            }
        }
        return 0;
    }

    private static int install(ElasticSink sink, String retention) {
        try (sink) {
            ElasticHealthCheck.Health health = new ElasticHealthCheck(sink).check();
            System.out.println(health.message());
            if (!health.healthy()) {
                return 1;
            }
            TemplateInstaller.Result result = TemplateInstaller.of(sink).install(retention);
            result.notes().forEach(n -> System.out.println("note: " + n));
            System.out.println("Index templates for logs-cisco_firepower.*-* installed"
                    + (result.ilm() ? " with ILM policy cisco_firepower" : "") + ".");
            return 0;
        }
    }
}
