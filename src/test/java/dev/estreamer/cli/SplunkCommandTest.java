package dev.estreamer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.sink.splunk.InputDefinition;
import dev.estreamer.testing.TestPki;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** --scheme, --validate-arguments and the secure-storage look-up, as splunkd would call them. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SplunkCommandTest {
    @TempDir
    static Path dir;
    static TestPki pki;

    static UnpackedAddon addon;

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create(dir.resolve("pki"));
        addon = UnpackedAddon.create(dir.resolve("apps"));
    }

    private static String items(String serverUri, String key, String params) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <items>
                  <server_host>sh</server_host><server_uri>%s</server_uri><session_key>%s</session_key>
                  <checkpoint_dir>%s</checkpoint_dir>
                  <item name="fmc1">%s</item>
                </items>
                """.formatted(serverUri, key, dir, params);
    }

    private static String params(String host, String port, String pkcs12) {
        return "<param name=\"fmc_host\">" + host + "</param><param name=\"fmc_port\">" + port
                + "</param><param name=\"pkcs12_file\">" + pkcs12 + "</param>";
    }

    private static String validate(String xml) {
        return SplunkCommand.validate(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void goodStanzaValidatesAndBadOnesNameTheParameter() throws Exception {
        String p12 = pki.clientPkcs12().toString();
        try (MockWebServer good = SplunkModularInputTest.storage(TestPki.PASSWORD);
                MockWebServer wrong = SplunkModularInputTest.storage("not-the-password")) {
            String uri = good.url("/").toString();
            assertThat(validate(items(uri, "good-key", params("fmc.example.com", "8302", p12)))).isNull();
            assertThat(validate(items(uri, "good-key", params("10.1.2.3", "8302", p12)))).isNull();
            assertThat(validate(items(uri, "good-key", params("bad host!", "8302", p12)))).contains("fmc_host");
            assertThat(validate(items(uri, "good-key", params("300.1.1.1", "8302", p12)))).contains("fmc_host");
            assertThat(validate(items(uri, "good-key", params("fmc", "70000", p12)))).contains("fmc_port", "1-65535");
            assertThat(validate(items(uri, "good-key", params("fmc", "0", p12)))).contains("fmc_port");
            assertThat(validate(items(uri, "good-key", params("fmc", "8302", "/no/such.p12"))))
                    .contains("pkcs12_file", "does not exist");
            assertThat(validate(items(uri, "good-key", params("fmc", "8302", "relative.p12"))))
                    .contains("pkcs12_file", "absolute");
            assertThat(validate(items(wrong.url("/").toString(), "good-key", params("fmc", "8302", p12))))
                    .containsIgnoringCase("password").doesNotContain("not-the-password");
            // secure storage: a session key splunkd refuses, a credential that does not exist, splunkd unreachable
            assertThat(validate(items(uri, "stale-key", params("fmc", "8302", p12)))).contains("401", "session key");
            assertThat(validate(items(uri, "good-key", params("fmc", "8302", p12)
                    + "<param name=\"pkcs12_password_name\">nobody</param>"))).contains("no credential \"nobody\"");
            int closed;
            try (ServerSocket s = new ServerSocket(0)) {
                closed = s.getLocalPort();
            }
            assertThat(validate(items("http://127.0.0.1:" + closed, "good-key", params("fmc", "8302", p12))))
                    .contains("cannot reach splunkd");
            assertThat(good.getRequestCount()).isPositive();
        }
    }

    @Test
    void inputDefinitionInUtf16WithBomAndSeveralStanzas() throws Exception {
        String xml = SplunkModularInputTest.definition("https://127.0.0.1:8089", "k", dir,
                SplunkModularInputTest.stanza("fmc1", 8302, Path.of("/a.p12"), "")
                + SplunkModularInputTest.stanza("fmc two", 8303, Path.of("/b.p12"),
                        "<param_list name=\"tags\"><value>a</value><value>b</value></param_list>"))
                .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        byte[] utf16 = xml.getBytes(StandardCharsets.UTF_16); // big-endian with a byte-order mark
        assertThat(utf16[0] & 0xff).isEqualTo(0xfe);
        InputDefinition def = InputDefinition.parse(new ByteArrayInputStream(utf16));
        assertThat(def.serverUri()).isEqualTo("https://127.0.0.1:8089");
        assertThat(def.sessionKey()).isEqualTo("k");
        assertThat(def.stanzas()).containsOnlyKeys("estreamer://fmc1", "estreamer://fmc two");
        assertThat(def.stanzas().get("estreamer://fmc two")).containsEntry("fmc_port", "8303")
                .containsEntry("tags", "a,b");
        assertThat(SplunkCommand.directoryName("fmc two/../x")).isEqualTo("fmc_20two_2F..-x".replace("-x", "_2Fx"));
    }

    @Test
    void schemeAndValidationErrorThroughTheLauncher() throws Exception {
        Process scheme = launch(List.of("--scheme"), "");
        assertThat(scheme.waitFor()).isZero();
        byte[] out = Files.readAllBytes(dir.resolve("launcher.out"));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(out));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("scheme");
        assertThat(text(root, "title")).isNotBlank();
        assertThat(text(root, "description")).isNotBlank();
        assertThat(text(root, "use_external_validation")).isEqualTo("true");
        assertThat(text(root, "streaming_mode")).isEqualTo("xml");
        assertThat(text(root, "use_single_instance")).as("several FMCs in one process").isEqualTo("true");
        NodeList args = root.getElementsByTagName("arg");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.getLength(); i++) {
            Element arg = (Element) args.item(i);
            names.add(arg.getAttribute("name"));
            assertThat(text(arg, "title")).isNotBlank();
            assertThat(text(arg, "description")).isNotBlank();
            assertThat(text(arg, "data_type")).isIn("string", "number", "boolean");
            assertThat(text(arg, "validation")).as("validation of %s", arg.getAttribute("name")).isNotBlank();
            checkValidation(arg.getAttribute("name"), text(arg, "validation"));
        }
        assertThat(names).containsExactlyElementsOf(
                SplunkArguments.ARGUMENTS.stream().map(a -> a.name()).toList());
        assertThat(names).contains("fmc_host", "fmc_port", "pkcs12_file", "pkcs12_password_name", "format");

        Process bad = launch(List.of("--validate-arguments"),
                items("http://127.0.0.1:1", "k", params("fmc", "99999", pki.clientPkcs12().toString())));
        assertThat(bad.waitFor()).isNotZero();
        byte[] error = Files.readAllBytes(dir.resolve("launcher.out"));
        Document err = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(error));
        assertThat(err.getDocumentElement().getTagName()).isEqualTo("error");
        assertThat(text(err.getDocumentElement(), "message")).contains("fmc_port");
        assertThat(Files.readString(dir.resolve("launcher.err")).lines())
                .as("stderr, which splunkd files in splunkd.log by the level each line starts with")
                .isNotEmpty().allMatch(l -> l.matches("^(DEBUG|INFO|WARN|ERROR|FATAL) .*"))
                .anyMatch(l -> l.startsWith("ERROR ") && l.contains("fmc_port"));
    }

    /**
     * splunkd evaluates these expressions itself; here the regular expressions and functions are checked against
     * the shipped example stanza (which must pass) and a bad value (which must not).
     */
    private static void checkValidation(String name, String expression) throws IOException {
        String example = java.util.regex.Pattern.compile("(?m)^" + name + " = (.*)$")
                .matcher(Files.readString(Path.of("splunk-app/default/inputs.conf"))).results()
                .map(r -> r.group(1)).findFirst().orElseThrow(() -> new AssertionError("no example for " + name));
        var match = java.util.regex.Pattern.compile("^validate\\(match\\('" + name + "', '(.+)'\\), \".+\"\\)$")
                .matcher(expression);
        if (match.matches()) {
            java.util.regex.Pattern regex = java.util.regex.Pattern.compile(match.group(1));
            assertThat(regex.matcher(example).find()).as("%s accepts %s", expression, example).isTrue();
            assertThat(regex.matcher("bad value!").find()).as("%s rejects a bad value", expression).isFalse();
        } else if (expression.equals("is_bool('" + name + "')")) {
            assertThat(example).isIn("true", "false", "1", "0");
        } else if (expression.startsWith("validate(is_port('" + name + "')")) {
            assertThat(Integer.parseInt(example)).isBetween(1, 65535);
        } else {
            assertThat(expression).isEqualTo("validate(len('pkcs12_password_name') <= 1024,"
                    + " \"pkcs12_password_name is too long\")");
        }
    }

    private static String text(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        return l.getLength() == 0 ? null : l.item(0).getTextContent();
    }

    /** bin/estreamer.sh of the unpacked add-on, as splunkd runs it; stdout in launcher.out. */
    private static Process launch(List<String> args, String stdin) throws IOException {
        return addon.start(args, stdin, dir.resolve("launcher.out"), dir.resolve("launcher.err"));
    }
}
