package dev.estreamer.format;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte-writing {@link CefLine} produces exactly the bytes of the StringBuilder version it replaced
 * ({@link ReferenceCefLine}, whose text was encoded with {@code String.getBytes(UTF_8)}), for any header and
 * extension content: escapes, every control character, C1, U+2028/9, 2-, 3- and 4-byte UTF-8, lone surrogates.
 */
@Timeout(60)
class CefLineEquivalenceTest {

    @Provide
    Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(40),
                Arbitraries.strings().withChars("\\|=\r\n\t\u0000\u001f\u007f\u0080\u009f\u00a0\u07ff\u0800\u2028\u2029"
                        + "\ud800\udbff\udc00\udfff\ufffe ab").ofMaxLength(20),
                Arbitraries.of("", "::", "00000000-0000-0000-0000-000000000000", "a=b\\c|d", "💥电汇"));
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.oneOf(strings().map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.longs().between(-5, 70_000).map(l -> (Object) l),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<List<Object>> valueLists() {
        return values().list().ofMaxSize(12);
    }

    @Property(tries = 3000)
    void sameBytesAsTheStringBuilderVersion(@ForAll("strings") String version, @ForAll("strings") String id,
            @ForAll("strings") String name, @ForAll int severity,
            @ForAll("valueLists") List<Object> values) {
        CefLine fast = new CefLine().header(version, id, name, severity);
        ReferenceCefLine reference = new ReferenceCefLine().header(version, id, name, severity);
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (i % 3 == 2) {
                fast.custom("cs" + i, "label" + i, v);
                reference.custom("cs" + i, "label" + i, v);
            } else if (v instanceof Long l && i % 2 == 0) {
                fast.put("k" + i, l.longValue());
                reference.put("k" + i, l.longValue());
            } else {
                fast.put("k" + i, v);
                reference.put("k" + i, v);
            }
        }
        assertThat(fast.bytes()).isEqualTo(reference.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(fast.isEmpty()).isEqualTo(reference.isEmpty());
    }
}
