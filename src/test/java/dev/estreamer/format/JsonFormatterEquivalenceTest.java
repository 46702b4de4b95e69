package dev.estreamer.format;

import dev.estreamer.record.Family;
import dev.estreamer.record.FieldNames;
import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;
import dev.estreamer.record.Status;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written JSON formatter writes exactly the bytes Jackson's generator wrote, for any record content. */
class JsonFormatterEquivalenceTest {
    private final JsonFormatter fast = new JsonFormatter();
    private final JacksonReferenceFormatter reference = new JacksonReferenceFormatter();

    @Provide
    Arbitrary<String> strings() {
        // ASCII with every control char, quotes and backslashes, 2- and 3-byte UTF-8, paired and lone surrogates
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(40),
                Arbitraries.strings().withChars("\"\\/\b\f\n\r\t\u0000\u001f\u007f\u0080\u07ff\u0800\u2028\ud800\udbff\udc00\udfff\ufffe")
                        .ofMaxLength(20),
                Arbitraries.of("", "::", "00000000-0000-0000-0000-000000000000", "Connection Statistics", "💥电汇"));
    }

    @Provide
    Arbitrary<Long> numbers() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-1000, 100_000),
                Arbitraries.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 9L, 10L, 99L, 100L, 999_999_999_999_999_999L,
                        1_000_000_000_000_000_000L));
    }

    @Property(tries = 2000)
    void sameBytesAsJackson(@ForAll long seed, @ForAll("strings") String name, @ForAll("strings") String category,
                            @ForAll("numbers") long number, @ForAll("strings") String text) {
        Random random = new Random(seed);
        Fields body = fields(random, 0, name, number, text);
        Record r = new Record(new Record.Header(random.nextInt(0x10000), 0, random.nextLong() & 0xFFFFFFFFL,
                random.nextBoolean(), random.nextLong() & 0xFFFFFFFFL, number), name, category, Family.UNKNOWN,
                Status.DECODED, body, new byte[0]);
        assertThat(new String(fast.format(r), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(reference.format(r), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(fast.format(r)).isEqualTo(reference.format(r));
        // again: long strings in ASCII slots that passed the check are now remembered and copied unchecked
        assertThat(fast.format(r)).isEqualTo(reference.format(r));
    }

    /** Random nesting of every value kind the formatter knows, names drawn from the given string too. */
    private static Fields fields(Random random, int depth, String name, long number, String text) {
        int n = random.nextInt(depth == 0 ? 12 : 5);
        Set<String> names = new LinkedHashSet<>();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = switch (random.nextInt(4)) {
                case 0 -> name + i;
                case 1 -> "f" + i;
                case 2 -> text + "#" + i;
                default -> "ключ" + i;
            };
            if (!names.add(key)) {
                continue;
            }
            values.add(value(random, depth, name, number, text));
        }
        // slots the decoder would flag as ASCII renderings hold null, numbers or Latin-1 strings: whatever such a
        // string holds (quotes, control chars, bytes >= 0x80), the output must still be Jackson's
        boolean[] ascii = new boolean[values.size()];
        for (int i = 0; i < ascii.length; i++) {
            Object v = values.get(i);
            ascii[i] = random.nextBoolean() && (v == null || v instanceof Long
                    || v instanceof String s && s.chars().allMatch(c -> c <= 0xFF));
        }
        return new Fields(new FieldNames(new ArrayList<>(names), ascii), values.toArray());
    }

    private static Object value(Random random, int depth, String name, long number, String text) {
        return switch (random.nextInt(depth < 2 ? 11 : 7)) {
            case 0 -> null;
            case 1 -> number;
            case 2 -> random.nextLong();
            case 3 -> text;
            case 4 -> (long) random.nextInt(70000);
            case 5 -> random.nextBoolean() ? Boolean.TRUE : (Object) random.nextInt();
            case 6 -> new StringBuilder(name); // any other object: its toString as a string
            case 7 -> fields(random, depth + 1, name, number, text);
            case 8 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    Object v = value(random, depth + 1, name, number, text);
                    list.add(v == null ? text : v);
                }
                yield List.copyOf(list);
            }
            case 9 -> 0L; // runs of zeros are written in one copy
            default -> random.nextBoolean() ? text : number;
        };
    }
}
