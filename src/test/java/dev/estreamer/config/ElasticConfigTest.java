package dev.estreamer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** handler.outputters[].elasticsearch.*: defaults close to Beats', and every mistake named by its key. */
@Timeout(10)
class ElasticConfigTest {
    @TempDir
    Path dir;

    private EstreamerConfig load(String elastic) {
        return ConfigLoader.parse(("{'subscription': {'servers': [{'host': 'fmc'}]}, 'handler': {'outputters': "
                + "[{'adapter': 'ecs', 'stream': {'uri': 'elasticsearch://'}, 'elasticsearch': {" + elastic + "}}]}}")
                .replace('\'', '"'), dir.resolve("estreamer.conf"), FileCheck.SKIP);
    }

    @Test
    void defaults() {
        ElasticOutput o = load("").handler().outputters().get(0).elasticsearch();
        assertThat(o.hosts()).containsExactly("http://localhost:9200");
        assertThat(o.namespace()).isEqualTo("default");
        assertThat(o.bulkMaxSize()).isEqualTo(1600);
        assertThat(o.bulkMaxBytes()).isEqualTo(5 * 1024 * 1024);
        assertThat(o.workers()).isEqualTo(1);
        assertThat(o.compression()).isFalse();
        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(o.flushTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.setup()).isTrue();
        assertThat(o.retention()).isEqualTo("30d");
        assertThat(o.toString()).doesNotContain("apiKey");
    }

    @Test
    void everyMistakeIsNamed() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(
                "'hosts': ['http://es:9200/prefix', 'ftp://es'], 'namespace': 'Prod-EU', 'apiKey': 'literal-key',"
                        + " 'username': 'u', 'retention': '30 days', 'flushTimeout': 61, 'workers': 0"));
        List<String> problems = e.problems();
        String all = String.join("\n", problems);
        assertThat(all).contains("handler.outputters[0].elasticsearch.hosts").contains("(no path)").contains("ftp://es")
                .contains("elasticsearch.namespace").contains("elasticsearch.apiKey: must be env:VARIABLE or file:PATH")
                .contains("elasticsearch.username: username and password go together")
                .contains("elasticsearch.retention").contains("elasticsearch.flushTimeout")
                .contains("elasticsearch.workers");
        assertThat(all).doesNotContain("literal-key");
    }
}
