package dev.estreamer.cli;

import dev.estreamer.config.Adapter;
import dev.estreamer.config.ConfigLoader;
import dev.estreamer.config.EstreamerConfig;
import dev.estreamer.config.FileCheck;
import dev.estreamer.config.Outputter;
import dev.estreamer.config.StreamUri;
import dev.estreamer.pipeline.ElasticOutputs;
import dev.estreamer.sink.elastic.ElasticHealthCheck;
import dev.estreamer.sink.elastic.ElasticSink;
import dev.estreamer.sink.elastic.ElasticSinkConfig;
import dev.estreamer.sink.elastic.TemplateInstaller;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code estreamer elastic setup --config FILE | --host URL} installs the index templates;
 * {@code estreamer elastic run --config FILE} is {@code run} (whose elasticsearch:// outputters set up at start).
 */
final class ElasticCommand implements Command {
    @Override
    public String name() {
        return "elastic";
    }

    @Override
    public String summary() {
        return "Elasticsearch: install index templates (setup) or ship events (run)";
    }

    @Override
    public String usage() {
        return "setup (--config FILE | --host URL [--retention 30d]) | run --config FILE";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder("c").longOpt("config").hasArg().argName("FILE")
                        .desc("configuration with elasticsearch:// outputters").build())
                .addOption(Option.builder().longOpt("host").hasArg().argName("URL")
                        .desc("setup only: Elasticsearch URL (credentials from ESTREAMER_ES_API_KEY, if set)").build())
                .addOption(Option.builder().longOpt("retention").hasArg().argName("AGE")
                        .desc("setup with --host: how long to keep documents (default 30d)").build())
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
                return setup(line);
            }
            case "run" -> {
                if (!line.hasOption("config")) {
                    throw new UsageException("elastic run needs --config FILE");
                }
                RunCommand run = new RunCommand();
                return run.run(new DefaultParser().parse(run.options(), new String[] {"--config", line.getOptionValue("config")}));
            }
            default -> throw new UsageException("unknown elastic action \"" + args.get(0) + "\"; use setup or run");
        }
    }

    private int setup(CommandLine line) {
        if (line.hasOption("host")) {
            String key = System.getenv("ESTREAMER_ES_API_KEY");
            ElasticSinkConfig c = ElasticSinkConfig.defaults(List.of(line.getOptionValue("host")), Path.of("unused"))
                    .withAuth(key == null || key.isBlank() ? null : key.strip(), null, null);
            return install(c.validate().build(), line.getOptionValue("retention", "30d"));
        }
        if (!line.hasOption("config")) {
            throw new UsageException("elastic setup needs --config FILE or --host URL");
        }
        Path file = Path.of(line.getOptionValue("config"));
        EstreamerConfig config = ConfigLoader.load(file, FileCheck.REQUIRE_EXISTING);
        int done = 0;
        for (Outputter o : config.handler().enabledOutputters()) {
            if (o.adapter() == Adapter.ECS && o.uri().scheme() == StreamUri.Scheme.ELASTICSEARCH) {
                ElasticSink sink = ElasticOutputs.config(o.elasticsearch(), o.name(), config.dataDirectory(), o.name(),
                        System.getenv()).build();
                int rc = install(sink, o.elasticsearch().retention());
                if (rc != 0) {
                    return rc;
                }
                done++;
            }
        }
        if (done == 0) {
            throw new UsageException(file + " has no enabled outputter with adapter ecs and stream.uri elasticsearch://");
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
