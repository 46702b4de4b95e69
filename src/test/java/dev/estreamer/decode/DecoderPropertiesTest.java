package dev.estreamer.decode;

import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the bytes, decode returns a record and terminates. */
class DecoderPropertiesTest {
    private static final List<byte[]> GOLDEN = GoldenCapture.payloads();
    private final RecordDecoder decoder = new RecordDecoder();

    @Property(tries = 2000)
    void arbitraryBytesNeverThrow(@ForAll @Size(max = 700) byte[] payload) {
        Record r = decoder.decode(payload);
        assertThat(r).isNotNull();
        assertThat(r.raw()).isSameAs(payload);
    }

    @Property(tries = 2000)
    void arbitraryBodiesOfKnownTypesNeverThrow(@ForAll("knownTypeRecords") byte[] payload) {
        Record r = decoder.decode(payload);
        assertThat(r).isNotNull();
        assertAsciiSlotsHoldAscii(r.fields());
    }

    @Property(tries = 3000)
    void mutatedGoldenRecordsNeverThrow(@ForAll("mutatedGolden") byte[] payload) {
        Record r = decoder.decode(payload);
        assertThat(r).isNotNull();
        assertThat(r.fields()).isNotNull();
        assertAsciiSlotsHoldAscii(r.fields());
    }

    /**
     * Slots the catalogue flags as ASCII renderings (addresses, UUIDs, hex) hold printable ASCII without a quote
     * or backslash, whatever the bytes: the JSON writer copies them in bulk on that word.
     */
    static void assertAsciiSlotsHoldAscii(Fields fields) {
        for (int i = 0; i < fields.size(); i++) {
            Object v = fields.value(i);
            if (fields.names().asciiText(i) && v instanceof String s) {
                assertThat(s.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\'))
                        .as("%s = %s", fields.name(i), s).isTrue();
            } else if (v instanceof Fields nested) {
                assertAsciiSlotsHoldAscii(nested);
            } else if (v instanceof List<?> list) {
                list.stream().filter(Fields.class::isInstance).map(Fields.class::cast)
                        .forEach(DecoderPropertiesTest::assertAsciiSlotsHoldAscii);
            }
        }
    }

    @Provide
    Arbitrary<byte[]> knownTypeRecords() {
        Arbitrary<Integer> types = Arbitraries.of(decoder.catalogue().recordTypes().stream().map(RecordType::type).toList());
        Arbitrary<byte[]> bodies = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
        return Combinators.combine(types, bodies, Arbitraries.of(true, false)).as((type, body, archive) -> {
            ByteBuffer b = ByteBuffer.allocate((archive ? 16 : 8) + body.length);
            b.putInt(type).putInt(body.length);
            if (archive) {
                b.putInt(1606923302).putInt(0);
            }
            return b.put(body).array();
        });
    }

    @Provide
    Arbitrary<byte[]> mutatedGolden() {
        Arbitrary<byte[]> base = Arbitraries.of(GOLDEN);
        Arbitrary<Integer> seed = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        Arbitrary<Integer> mode = Arbitraries.integers().between(0, 3);
        return Combinators.combine(base, seed, mode).as(DecoderPropertiesTest::mutate);
    }

    private static byte[] mutate(byte[] original, int seed, int mode) {
        java.util.Random random = new java.util.Random(seed);
        byte[] b = original.clone();
        switch (mode) {
            case 0 -> { // byte flips
                for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
                    b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            case 1 -> b = Arrays.copyOf(b, random.nextInt(b.length)); // truncation
            case 2 -> { // a length field (record length, or any aligned u32 inside: block/string lengths)
                int at = random.nextBoolean() ? 4 : 4 * random.nextInt(b.length / 4);
                ByteBuffer.wrap(b).putInt(at, random.nextBoolean() ? random.nextInt() : random.nextInt(1024));
            }
            default -> { // truncation with a consistent record length: the layout itself runs short
                int cut = 1 + random.nextInt(b.length - 8);
                b = Arrays.copyOf(b, b.length - cut);
                ByteBuffer buffer = ByteBuffer.wrap(b);
                if (b.length >= 8) {
                    buffer.putInt(4, buffer.getInt(4) - cut);
                }
            }
        }
        return b;
    }
}
