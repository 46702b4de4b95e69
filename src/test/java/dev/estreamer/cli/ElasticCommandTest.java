package dev.estreamer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.estreamer.config.Adapter;
import dev.estreamer.config.ConfigException;
import dev.estreamer.config.ElasticOutput;
import dev.estreamer.config.EstreamerConfig;
import dev.estreamer.config.Outputter;
import dev.estreamer.config.StreamUri;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.commons.cli.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code estreamer elastic} (behind bin/estreamer-elastic): a configuration file or flags. */
@Timeout(60)
class ElasticCommandTest {
    @TempDir
    Path dir;

    private static EstreamerConfig config(boolean run, String... args) throws Exception {
        return ElasticCommand.config(new DefaultParser().parse(new ElasticCommand().options(), args), run);
    }

    @Test
    void runWithFlagsOnly() throws Exception {
        Path p12 = Files.writeString(dir.resolve("client.pkcs12"), "x");
        Path ca = Files.writeString(dir.resolve("ca.pem"), "x");
        EstreamerConfig c = config(true, "run", "--fmc", "fmc.example:8303", "--pkcs12", p12.toString(),
                "--host", "https://es1:9200", "--host", "https://es2:9200,https://es3:9200", "--namespace", "prod",
                "--api-key", "env:ES_KEY", "--ca", ca.toString(), "--workers", "2", "--compression",
                "--data-dir", dir.toString());
        assertThat(c.subscription().servers()).singleElement().satisfies(s -> {
            assertThat(s.host()).isEqualTo("fmc.example");
            assertThat(s.port()).isEqualTo(8303);
        });
        assertThat(c.dataDirectory()).isEqualTo(dir.toAbsolutePath().normalize());
        Outputter o = c.handler().enabledOutputters().get(0);
        assertThat(c.handler().outputters()).hasSize(1);
        assertThat(o.adapter()).isEqualTo(Adapter.ECS);
        assertThat(o.uri().scheme()).isEqualTo(StreamUri.Scheme.ELASTICSEARCH);
        ElasticOutput es = o.elasticsearch();
        assertThat(es.hosts()).containsExactly("https://es1:9200", "https://es2:9200", "https://es3:9200");
        assertThat(es.namespace()).isEqualTo("prod");
        assertThat(es.apiKey()).isEqualTo("env:ES_KEY");
        assertThat(es.caFile()).isEqualTo(ca.toAbsolutePath());
        assertThat(es.workers()).isEqualTo(2);
        assertThat(es.compression()).isTrue();
        assertThat(es.setup()).isTrue();
    }

    @Test
    void aConfigurationFileRunsAsIsOrWithItsOutputtersReplacedByTheFlags() throws Exception {
        Files.writeString(dir.resolve("client.pkcs12"), "x");
        Path conf = Files.writeString(dir.resolve("estreamer.conf"), """
                {"subscription": {"servers": [{"host": "fmc", "pkcs12Filepath": "client.pkcs12"}]},
                 "handler": {"outputters": [{"adapter": "ecs", "stream": {"uri": "elasticsearch://"},
                                             "elasticsearch": {"hosts": ["http://es-from-file:9200"]}}]}}
                """);
        assertThat(config(true, "run", "--config", conf.toString()).handler().enabledOutputters().get(0).elasticsearch()
                .hosts()).containsExactly("http://es-from-file:9200");
        EstreamerConfig replaced = config(true, "run", "--config", conf.toString(), "--host", "http://other:9200",
                "--username", "shipper", "--password", "file:/run/secrets/es", "--no-setup");
        ElasticOutput es = replaced.handler().enabledOutputters().get(0).elasticsearch();
        assertThat(replaced.handler().outputters()).hasSize(1);
        assertThat(es.hosts()).containsExactly("http://other:9200");
        assertThat(es.username()).isEqualTo("shipper");
        assertThat(es.password()).isEqualTo("file:/run/secrets/es");
        assertThat(es.setup()).isFalse();
    }

    @Test
    void badCommandLinesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> config(true, "run", "--host", "http://es:9200")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--fmc").hasMessageContaining("--pkcs12");
        assertThatThrownBy(() -> config(false, "setup")).isInstanceOf(UsageException.class).hasMessageContaining("--host");
        assertThatThrownBy(() -> config(false, "setup", "--host", "http://es:9200", "--api-key", "the-key-itself"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("apiKey")
                .hasMessageContaining("env:VARIABLE or file:PATH");
        assertThatThrownBy(() -> config(false, "setup", "--host", "http://es:9200", "--namespace", "Bad-NS"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("namespace");
    }

    @Test
    void aConfigurationFileThatCannotBeReadIsNamed() throws Exception {
        Path missing = dir.resolve("nope.conf");
        assertThatThrownBy(() -> config(true, "run", "--config", missing.toString())).isInstanceOf(UsageException.class)
                .hasMessage("no such configuration file: " + missing);
        Path array = Files.writeString(dir.resolve("array.conf"), "[1, 2]");
        assertThatThrownBy(() -> config(true, "run", "--config", array.toString())).isInstanceOf(UsageException.class)
                .hasMessage(array + " is not a JSON object");
        Path conf = Files.writeString(dir.resolve("estreamer.conf"), "{}");
        assertThatThrownBy(() -> config(true, "run", "--config", conf.toString(), "--fmc", "f", "--pkcs12", "p"))
                .isInstanceOf(UsageException.class).hasMessageContaining("not both");
    }

    @Test
    void setupWithFlagsInstallsTheTemplatesWithTheKeyFromAFile() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Path key = Files.writeString(dir.resolve("key"), "a2V5LWlkOmtleQ==\n");
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (MockWebServer es = new MockWebServer()) {
            es.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    seen.add(r.getMethod() + " " + r.getTarget() + " " + r.getHeaders().get("Authorization"));
                    if (r.getTarget().startsWith("/_cluster/health")) {
                        return new MockResponse.Builder().code(200).body("{\"cluster_name\":\"c\",\"status\":\"green\"}").build();
                    }
                    if (r.getTarget().startsWith("/_ilm")) {
                        return new MockResponse.Builder().code(400).body("{\"error\":\"no handler found for uri\"}").build();
                    }
                    return new MockResponse.Builder().code(200).body("{\"acknowledged\":true}").build();
                }
            });
            es.start();
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            int rc;
            try {
                rc = new Main().execute(new String[] {"elastic", "setup", "--host", "http://127.0.0.1:" + es.getPort(),
                        "--api-key", "file:" + key, "--retention", "14d", "--data-dir", dir.toString()});
            } finally {
                System.setOut(out);
            }
            assertThat(rc).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("is green").contains("installed")
                .contains("data stream lifecycle");
        assertThat(seen).contains("PUT /_index_template/logs-cisco_firepower ApiKey a2V5LWlkOmtleQ==");
        assertThat(seen).allSatisfy(s -> assertThat(s).endsWith("ApiKey a2V5LWlkOmtleQ=="));
    }
}
