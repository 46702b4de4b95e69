package dev.estreamer.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shipped default/estreamer.conf loads, targets the simulator, and shows every estreamer key. */
@Timeout(10)
class DefaultConfigTest {
    private static final Path DEFAULT = Path.of("default/estreamer.conf");

    @Test
    void loadsAndPointsAtTheSimulator() {
        EstreamerConfig c = ConfigLoader.load(DEFAULT, FileCheck.SKIP);
        Path base = DEFAULT.toAbsolutePath().normalize().getParent();

        assertThat(c.notes()).isEmpty();
        assertThat(c.start()).isEqualTo(StartMode.BOOKMARK);
        assertThat(c.dataDirectory()).isEqualTo(base);
        assertThat(c.reconnect()).isEqualTo(new Reconnect(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60)));
        Server s = c.subscription().servers().get(0);
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(8302);
        assertThat(s.pkcs12File()).isEqualTo(base.resolve("client.pkcs12"));
        assertThat(s.tlsVersion()).isEqualTo(TlsVersion.AUTO);
        Outputter o = c.handler().outputters().get(0);
        assertThat(o.adapter()).isEqualTo(Adapter.JSON);
        assertThat(o.uri().directory()).isEqualTo(base.resolve("data/json"));
        assertThat(o.uri().fileName()).isEqualTo("estreamer.{0}.json");
        assertThat(o.options()).isEqualTo(new StreamOptions(true, 10000, Flush.BATCH, false));
    }

    @Test
    void showsEveryKeyThatHasAnEffect() throws IOException {
        JsonNode root = new ObjectMapper().readTree(DEFAULT.toFile());
        for (Key<?> key : Keys.all()) {
            boolean optionalWithoutValue = !key.required() && key.defaultValue() == null;
            if (key.origin() == Origin.ENCORE_IGNORED || optionalWithoutValue || key.path().startsWith("subscription.events[]")) {
                continue;
            }
            assertThat(find(root, key.path())).as(key.path()).isNotNull();
        }
    }

    /** The value at a key path; for a list, the first element that has the rest of the path. */
    private static JsonNode find(JsonNode root, String path) {
        return find(root, List.of(path.split("\\.")));
    }

    private static JsonNode find(JsonNode n, List<String> segments) {
        if (segments.isEmpty()) {
            return n;
        }
        String segment = segments.get(0);
        List<String> rest = segments.subList(1, segments.size());
        if (segment.endsWith("[]")) {
            for (JsonNode element : n.path(segment.substring(0, segment.length() - 2))) {
                JsonNode found = find(element, rest);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        JsonNode next = n.get(segment);
        return next == null || next.isMissingNode() ? null : find(next, rest);
    }
}
