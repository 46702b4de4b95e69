package dev.estreamer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Whatever text is fed in, callers only ever see a ConfigException (or a config), never another exception. */
class ArbitraryInputTest {
    private static final Path SOURCE = Path.of("/tmp/estreamer-property/estreamer.conf");

    @Property(tries = 300)
    void arbitraryTextFailsOnlyWithConfigException(@ForAll @StringLength(max = 200) String text) {
        try {
            ConfigLoader.parse(text, SOURCE, FileCheck.SKIP);
        } catch (ConfigException e) {
            assertThat(e.problems()).isNotEmpty();
        }
    }

    @Property(tries = 300)
    void arbitraryUriFailsOnlyWithIllegalArgument(@ForAll @StringLength(max = 80) String tail,
                                                  @ForAll("schemes") String scheme) {
        try {
            StreamUri.parse(scheme + tail, SOURCE.getParent());
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> schemes() {
        return net.jqwik.api.Arbitraries.of("file://", "relfile://", "udp://", "tcp://", "stdout://", "", "x:");
    }

    @Property(tries = 200)
    void arbitraryValuesForEveryKeyFailOnlyWithConfigException(@ForAll("values") String value,
                                                               @ForAll("keys") String key) {
        String json = "{\"subscription\": {\"servers\": [{\"host\": \"fmc\"}]}, \"" + key + "\": " + value + "}";
        try {
            ConfigLoader.parse(json, SOURCE, FileCheck.SKIP);
        } catch (ConfigException e) {
            assertThat(e.problems()).allMatch(p -> p.startsWith(key) || p.startsWith("subscription"));
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> values() {
        return net.jqwik.api.Arbitraries.of("null", "0", "-1", "1.5", "\"\"", "\"x\"", "true", "[]", "[1]", "{}",
                "{\"a\": 1}", "1e40", "99999999999999999999");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> keys() {
        return net.jqwik.api.Arbitraries.of(Keys.all().stream().map(Key::path).filter(p -> !p.contains("."))
                .toList());
    }
}
