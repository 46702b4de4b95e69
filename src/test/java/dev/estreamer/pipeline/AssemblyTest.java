package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.estreamer.config.ConfigException;
import dev.estreamer.config.ConfigLoader;
import dev.estreamer.config.EstreamerConfig;
import dev.estreamer.config.FileCheck;
import dev.estreamer.sim.CaptureReplay;
import dev.estreamer.sim.PeerCheck;
import dev.estreamer.sim.ServerTls;
import dev.estreamer.sim.Simulator;
import dev.estreamer.sim.SimulatorConfig;
import dev.estreamer.testing.ClientHarness;
import dev.estreamer.testing.Golden;
import dev.estreamer.testing.TestPki;
import dev.estreamer.wire.RequestFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A configuration with several FMCs runs one pipeline each, in one process, each with its own bookmark. */
@Timeout(60)
class AssemblyTest {
    @TempDir
    Path dir;

    private EstreamerConfig config(String servers, String outputs) throws Exception {
        Path conf = dir.resolve("estreamer.conf");
        Files.writeString(dir.resolve("password"), TestPki.PASSWORD);
        Files.writeString(conf, """
                {"dataDirectory": "data", "start": 0,
                 "subscription": {"servers": [%s]},
                 "handler": {"outputters": [%s]}}
                """.formatted(servers, outputs));
        return ConfigLoader.load(conf, FileCheck.REQUIRE_EXISTING);
    }

    private static String server(int port, TestPki pki) {
        return """
                {"host": "127.0.0.1", "port": %d, "pkcs12Filepath": "%s", "pkcs12PasswordFile": "password"}
                """.formatted(port, pki.clientPkcs12());
    }

    @Test
    void everyConfiguredServerGetsItsOwnSessionOutputDirectoryAndBookmark() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        CaptureReplay capture = CaptureReplay.load(Golden.bundles(dir));
        SimulatorConfig.Builder b = SimulatorConfig.builder(capture)
                .tls(ServerTls.server(pki.serverKeystore(), TestPki.PASSWORD.toCharArray()))
                .peerCheck(PeerCheck.Mode.STRICT_IP);
        try (Simulator one = new Simulator(b.build()).start(); Simulator two = new Simulator(b.build()).start()) {
            EstreamerConfig config = config(server(one.port(), pki) + "," + server(two.port(), pki),
                    "{\"adapter\": \"json\", \"stream\": {\"uri\": \"relfile:///out/e.{0}.json\"}}");
            List<FmcPipeline> pipelines = Assembly.build(config, s -> TestPki.PASSWORD.toCharArray());
            assertThat(pipelines).hasSize(2);
            pipelines.forEach(FmcPipeline::start);
            try {
                assertThat(ClientHarness.await(Duration.ofSeconds(30),
                        () -> pipelines.stream().allMatch(p -> p.stats().written.get() == 69))).isTrue();
            } finally {
                pipelines.forEach(p -> p.stop(Duration.ofSeconds(5)));
            }
            for (Simulator s : List.of(one, two)) {
                assertThat(ClientHarness.lines(dir.resolve("out").resolve("127.0.0.1-" + s.port()))).hasSize(69);
                assertThat(new BookmarkStore(BookmarkStore.fileFor(dir.resolve("data"), "127.0.0.1", s.port())).read())
                        .hasValue(1606927953L);
            }
        }
    }

    @Test
    void flagsFollowEncoreBitForBit() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        EstreamerConfig config = config(server(8302, pki), "");
        assertThat(Assembly.flags(config.subscription().records())).isEqualTo(RequestFlags.ENCORE_DEFAULT);
    }

    @Test
    void aStreamTheFormatCannotUseIsAConfigurationErrorNamingTheKey() {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        assertThatThrownBy(() -> config(server(8302, pki),
                "{\"adapter\": \"json\", \"stream\": {\"uri\": \"elasticsearch://\"}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("handler.outputters[0].adapter");
        assertThatThrownBy(() -> config(server(8302, pki),
                "{\"adapter\": \"cef\", \"stream\": {\"uri\": \"tls://127.0.0.1:6514\"}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("handler.outputters[0].stream.options.caFile");
    }

    @Test
    void everyAdapterBuildsItsOutput() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        for (String adapter : List.of("json", "splunk", "cef", "ecs")) {
            EstreamerConfig c = config(server(8302, pki),
                    "{\"adapter\": \"" + adapter + "\", \"stream\": {\"uri\": \"relfile:///out/e.{0}.log\"}}");
            assertThat(Assembly.build(c, s -> TestPki.PASSWORD.toCharArray())).as(adapter).hasSize(1);
        }
    }
}
