package dev.estreamer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.estreamer.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of mistake is reported with its key path, all at once. */
@Timeout(10)
class ValidationTest {
    @TempDir
    Path dir;

    private static final String SERVER = "{\"host\": \"fmc\", \"port\": 8302}";

    private EstreamerConfig load(String json) {
        return ConfigLoader.parse(json.replace('\'', '"'), dir.resolve("estreamer.conf"), FileCheck.SKIP);
    }

    private ConfigException failure(String json) {
        return catchThrowableOfType(ConfigException.class, () -> load(json));
    }

    private static String minimal(String extra) {
        return "{\"subscription\": {\"servers\": [" + SERVER + "]}" + extra + "}";
    }

    @Test
    void minimalFileGetsDefaults() {
        EstreamerConfig c = load(minimal(""));
        assertThat(c.enabled()).isTrue();
        assertThat(c.start()).isEqualTo(StartMode.BOOKMARK);
        assertThat(c.handler().outputters()).isEmpty();
        assertThat(c.subscription().servers().get(0).tlsVersion()).isEqualTo(TlsVersion.AUTO);
        assertThat(c.reconnect().maxDelay()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void lateMetadataDefaultsToEmitAndHoldTakesItsBounds() {
        assertThat(load(minimal("")).enrich()).isEqualTo(Enrich.EMIT);
        Enrich hold = load(minimal(", 'enrich': {'lateMetadata': 'hold', 'holdMillis': 1500, 'holdMax': 500}")).enrich();
        assertThat(hold).isEqualTo(new Enrich(true, Duration.ofMillis(1500), 500));
        assertThat(failure(minimal(", 'enrich': {'lateMetadata': 'wait', 'holdMillis': 0}")).problems())
                .containsExactlyInAnyOrder("enrich.lateMetadata: expected one of \"emit\", \"hold\", got \"wait\"",
                        "enrich.holdMillis: expected an integer 1-600000, got 0");
    }

    @Test
    void wrongTypeNamesKeyExpectationAndValue() {
        ConfigException e = failure("{'subscription': {'servers': [{'host': 'fmc', 'port': 'abc'}]}}");
        assertThat(e.stage()).isEqualTo(Stage.CONFIG);
        assertThat(e.problems()).containsExactly("subscription.servers[0].port: expected an integer 1-65535, got \"abc\"");
    }

    @Test
    void outOfRangeIsReported() {
        assertThat(failure(minimal(", 'start': 3")).problems()).containsExactly("start: expected an integer 0-2, got 3");
        assertThat(failure(minimal(", 'connectTimeout': -1")).problems())
                .containsExactly("connectTimeout: expected a number of seconds 0.001-3600, got -1");
        assertThat(failure(minimal(", 'handler': {'records': {'exclude': [71, 70000]}}")).problems())
                .containsExactly("handler.records.exclude: expected a list of integers 0-65535, got [71,70000]");
    }

    @Test
    void unknownKeysAtAnyLevelAreReportedWithASuggestion() {
        ConfigException e = failure("{'subscription': {'servers': [{'host': 'fmc', 'pkcs12FilePath': 'a.p12'}],"
                + " 'record': {}}, 'monitr': {}, 'handler': {'outputters': [{'adapter': 'json',"
                + " 'stream': {'uri': 'stdout://', 'options': {'rotat': true}}}]}}");
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "subscription.servers[0].pkcs12FilePath: unknown key (did you mean \"pkcs12Filepath\"?)",
                "subscription.record: unknown key",
                "monitr: unknown key",
                "handler.outputters[0].stream.options.rotat: unknown key");
    }

    @Test
    void commentKeysAreIgnoredEverywhere() {
        EstreamerConfig c = load("{'@comment': 'x', 'subscription': {'servers': [{'host': 'fmc', 'tls@comment': 'y'}],"
                + " 'records': {'@comment': ['a', 'b']}}}");
        assertThat(c.subscription().servers()).hasSize(1);
    }

    @Test
    void missingRequiredKeys() {
        assertThat(failure("{}").problems()).containsExactly("subscription.servers: required key is missing");
        assertThat(failure("{'subscription': {'servers': []}}").problems())
                .containsExactly("subscription.servers: list at least one FMC");
        assertThat(failure(minimal(", 'handler': {'outputters': [{'stream': {}}]}")).problems()).containsExactlyInAnyOrder(
                "handler.outputters[0].adapter: required key is missing",
                "handler.outputters[0].stream.uri: required key is missing");
    }

    @Test
    void aParentThatIsNotAnObject() {
        assertThat(failure(minimal(", 'monitor': 120")).problems()).containsExactly("monitor: expected an object, got 120");
        assertThat(failure("{'subscription': {'servers': ['fmc']}}").problems())
                .containsExactly("subscription.servers[0]: expected an object, got \"fmc\"");
    }

    @Test
    void badStreamUriNamesTheKey() {
        assertThat(failure(minimal(", 'handler': {'outputters': [{'adapter': 'cef', 'stream': {'uri': 'udp:host:514'}}]}"))
                .problems()).singleElement().asString()
                .startsWith("handler.outputters[0].stream.uri: expected scheme://...")
                .contains("\"//\" must follow the scheme");
    }

    @Test
    void unsupportedAdapterNamesTheChoices() {
        assertThat(failure(minimal(", 'handler': {'outputters': [{'adapter': 'pickle', 'stream': {'uri': 'stdout://'}}]}"))
                .problems()).containsExactly("handler.outputters[0].adapter: expected one of \"json\", \"splunk\", \"kv\", "
                        + "\"cef\", \"ecs\", got \"pickle\"");
    }

    @Test
    void allProblemsComeInOneExceptionOnePerLine() {
        ConfigException e = failure("{'start': 'now', 'subscription': {'servers': [{'port': 0}]}, 'extra': 1}");
        assertThat(e.problems()).hasSize(4);
        assertThat(e.getMessage().split("\n")).hasSize(5);
        assertThat(e.getMessage()).contains("(4 problems)", "start: expected an integer 0-2, got \"now\"",
                "subscription.servers[0].host: required key is missing",
                "subscription.servers[0].port: expected an integer 1-65535, got 0", "extra: unknown key");
    }

    @Test
    void jsonSyntaxErrorsNameLineAndColumn() {
        ConfigException e = failure("{\n  'start': 2,\n  'enabled': tru\n}");
        assertThat(e.problems()).singleElement().asString().startsWith("line 3, column ").contains("invalid JSON");
        assertThat(failure("{'start': 1, 'start': 2}").problems()).singleElement().asString()
                .startsWith("line 1, column").contains("Duplicate field 'start'");
    }

    @Test
    void missingFilesAreErrorsOnlyWhenRequired() throws IOException {
        String json = "{\"subscription\": {\"servers\": [{\"host\": \"fmc\", \"pkcs12Filepath\": \"certs/client.pkcs12\","
                + " \"pkcs12PasswordFile\": \"secret\"}]}}";
        Path conf = Files.writeString(dir.resolve("estreamer.conf"), json);

        assertThat(ConfigLoader.load(conf, FileCheck.SKIP).subscription().servers().get(0).pkcs12File())
                .isEqualTo(dir.resolve("certs/client.pkcs12").toAbsolutePath().normalize());
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(conf));
        assertThat(e.problems()).containsExactly(
                "subscription.servers[0].pkcs12Filepath: file not found: " + dir.resolve("certs/client.pkcs12").toAbsolutePath().normalize(),
                "subscription.servers[0].pkcs12PasswordFile: file not found: " + dir.resolve("secret").toAbsolutePath().normalize());
    }

    @Test
    void unreadableFileIsOneClearProblem() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.conf")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read the file");
    }

    @Test
    void crossKeyRules() {
        assertThat(failure(minimal(", 'reconnect': {'initialDelay': 30, 'maxDelay': 5}")).problems())
                .containsExactly("reconnect.maxDelay: must be at least reconnect.initialDelay (30.0 s), got 5.0 s");
        assertThat(failure("{'subscription': {'servers': [" + SERVER + ", " + SERVER + "]}}").problems())
                .containsExactly("subscription.servers[1].host: duplicate server fmc:8302 (both would share one bookmark)");
        assertThat(failure(minimal("").replace("]}", "], 'events': [{'type': 71, 'version': 17}, {'type': 71, 'version': 16}]}")).problems())
                .containsExactly("subscription.events[1].type: event type 71 is listed twice");
    }

    @Test
    void newKeysAreRead() {
        EstreamerConfig c = load("{'dataDirectory': 'state', 'maxMessageLength': 65536,"
                + " 'subscription': {'servers': [{'name': 'fmc-east', 'host': 'fmc', 'tlsVersion': '1.3',"
                + " 'verifyServerCertificate': false, 'pkcs12PasswordEnv': 'FMC_EAST_PW'}],"
                + " 'events': [{'type': 71, 'version': 17}]},"
                + " 'handler': {'outputters': [{'adapter': 'kv', 'stream': {'uri': 'tcp://siem:6514',"
                + " 'options': {'flush': 'line', 'fsync': true}}}, {'adapter': 'splunk', 'enabled': false, 'stream': {'uri': 'stdout://'}}]}}");
        assertThat(c.dataDirectory()).isEqualTo(dir.resolve("state").toAbsolutePath().normalize());
        assertThat(c.maxMessageLength()).isEqualTo(65536);
        Server s = c.subscription().servers().get(0);
        assertThat(s.name()).isEqualTo("fmc-east");
        assertThat(s.tlsVersion().protocols()).containsExactly("TLSv1.3");
        assertThat(s.verifyServerCertificate()).isFalse();
        assertThat(s.pkcs12PasswordEnv()).isEqualTo("FMC_EAST_PW");
        assertThat(c.subscription().events()).containsExactly(new EventVersionOverride(71, 17));
        assertThat(c.handler().outputters()).extracting(Outputter::name).containsExactly("splunk", "splunk-1");
        assertThat(c.handler().enabledOutputters()).singleElement().extracting(Outputter::options)
                .isEqualTo(new StreamOptions(true, 10000, Flush.LINE, true));
    }

    @Test
    void encoreTlsVersionsAndIgnoredKeysBecomeNotes() {
        EstreamerConfig c = load("{'subscription': {'servers': [{'host': 'fmc', 'tlsVersion': 1.0}]},"
                + " 'handler': {'records': {'flows': true}, 'outputters': [{'adapter': 'json', 'passthru': true,"
                + " 'stream': {'uri': 'stdout://', 'options': {'scpKeyFilepath': 'id_rsa'}}}]}}");
        assertThat(c.subscription().servers().get(0).tlsVersion()).isEqualTo(TlsVersion.AUTO);
        assertThat(c.notes()).containsExactlyInAnyOrder(
                "subscription.servers[0].tlsVersion=1.0 treated as auto: Java 17 disables TLS 1.0 and 1.1, so TLS 1.3 or 1.2 is negotiated",
                "handler.records.flows=true ignored: use handler.records.connections",
                "handler.outputters[0].passthru=true ignored: estreamer always formats decoded records",
                "handler.outputters[0].stream.options.scpKeyFilepath=\"id_rsa\" ignored: scp streams are not supported");
    }

    @Test
    void ignoredKeysAreStillTypeChecked() {
        assertThat(failure(minimal(", 'workerProcesses': 'four'")).problems())
                .containsExactly("workerProcesses: expected an integer 1-64, got \"four\"");
    }
}
