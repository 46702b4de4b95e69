package dev.estreamer.cli;

import dev.estreamer.config.ConfigLoader;
import dev.estreamer.config.EstreamerConfig;
import dev.estreamer.config.FileCheck;
import dev.estreamer.config.Logging;
import dev.estreamer.config.Server;
import dev.estreamer.config.StreamUri;
import dev.estreamer.pipeline.Assembly;
import dev.estreamer.pipeline.FmcPipeline;
import dev.estreamer.pipeline.Monitor;
import dev.estreamer.session.PasswordSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code estreamer run --config FILE}: the main job, until SIGTERM or Ctrl-C. */
final class RunCommand implements Command {
    private static final Logger log = LoggerFactory.getLogger("estreamer");

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "stream events from every configured FMC into the configured outputs (the main job)";
    }

    @Override
    public String usage() {
        return "--config FILE";
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder("c").longOpt("config").hasArg().argName("FILE")
                .desc("the estreamer.conf (eNcore's format; see docs/configuration.md)").build());
    }

    @Override
    public int run(CommandLine line) throws InterruptedException {
        if (!line.hasOption("config")) {
            throw new UsageException("--config FILE is required");
        }
        EstreamerConfig config = ConfigLoader.load(Path.of(line.getOptionValue("config")), FileCheck.REQUIRE_EXISTING);
        if (!config.enabled()) {
            System.err.println("estreamer: the configuration has \"enabled\": false; set it to true to run");
            return Main.USAGE;
        }
        return runConfigured(config, line.hasOption("debug"));
    }

    /** Logging as the configuration says, its notes logged, then every FMC's pipeline until SIGTERM / Ctrl-C. */
    static int runConfigured(EstreamerConfig config, boolean debug) throws InterruptedException {
        applyLogging(config, debug);
        config.notes().forEach(n -> log.info("Configuration: {}", n));
        List<FmcPipeline> pipelines = Assembly.build(config, RunCommand::password);
        return runUntilStopped(pipelines, config);
    }

    static char[] password(Server server) {
        return PasswordSource.system(server.pkcs12PasswordEnv(), server.pkcs12PasswordFile()).resolve(server.pkcs12File());
    }

    static void applyLogging(EstreamerConfig config, boolean debug) {
        Logging logging = config.logging();
        boolean dataOnStdout = config.handler().enabledOutputters().stream()
                .anyMatch(o -> o.uri().scheme() == StreamUri.Scheme.STDOUT);
        if (dataOnStdout && logging.stdOut()) {
            // Log lines must not mix with event lines.
            logging = new Logging(logging.file(), logging.level(), logging.format(), false, true);
        }
        Logs.configure(logging);
        if (debug) {
            Logs.setRootLevel("DEBUG");
        }
    }

    static int runUntilStopped(List<FmcPipeline> pipelines, EstreamerConfig config) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Monitor monitor = new Monitor(pipelines, config.monitor().period(), config.monitor().handled(),
                config.monitor().bookmark());
        Thread hook = new Thread(() -> {
            log.info("Stopping: draining what was read, then saving the bookmark");
            monitor.close();
            pipelines.forEach(p -> p.stop(Duration.ofSeconds(10)));
            stopped.countDown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        log.info("estreamer {} running {} pipeline(s)", Main.version(), pipelines.size());
        pipelines.forEach(FmcPipeline::start);
        monitor.start();
        stopped.await();
        return Main.OK;
    }
}
