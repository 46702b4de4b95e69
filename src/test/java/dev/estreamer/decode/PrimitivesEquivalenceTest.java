package dev.estreamer.decode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** The tuned renderings give the same text as the plain ones they replaced, for any bytes. */
class PrimitivesEquivalenceTest {

    /** Random bytes biased towards zeros, 0xff runs, ASCII with NULs and UTF-8 sequences (valid or not). */
    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<Byte> interesting = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just((byte) 0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((byte) 0xFF)),
                net.jqwik.api.Tuple.of(3, Arbitraries.bytes().between((byte) 0x20, (byte) 0x7E)),
                net.jqwik.api.Tuple.of(2, Arbitraries.bytes().between((byte) 0x80, (byte) 0xF4)),
                net.jqwik.api.Tuple.of(2, Arbitraries.bytes()));
        return interesting.array(byte[].class).ofMinSize(24).ofMaxSize(80);
    }

    @Property(tries = 3000)
    void sameRenderings(@ForAll("bytes") byte[] b) {
        int off = b.length % 5;
        assertThat(Primitives.ipv4(b, off)).isEqualTo(ReferencePrimitives.ipv4(b, off));
        assertThat(Primitives.ipv6(b, 0)).isEqualTo(ReferencePrimitives.ipv6(b, 0));
        assertThat(Primitives.uuid(b, off)).isEqualTo(ReferencePrimitives.uuid(b, off));
        assertThat(Primitives.mac(b, off)).isEqualTo(ReferencePrimitives.mac(b, off));
        assertThat(Primitives.hex(b, off, b.length - off)).isEqualTo(ReferencePrimitives.hex(b, off, b.length - off));
        assertThat(Primitives.text(b, off, b.length - off)).isEqualTo(ReferencePrimitives.text(b, off, b.length - off));
    }

    @Property(tries = 2000)
    void sameIpv6ForSparseWords(@ForAll("bytes") byte[] b) {
        // zero runs of every length and position, and the IPv4-mapped / compatible shapes
        byte[] a = b.clone();
        for (int w = 0; w < 8; w++) {
            if ((b[16 + w % (b.length - 16)] & 3) != 0) {
                a[2 * w] = 0;
                a[2 * w + 1] = 0;
            }
        }
        if ((b[0] & 8) != 0) {
            a[10] = (byte) 0xFF;
            a[11] = (byte) 0xFF;
        }
        assertThat(Primitives.ipv6(a, 0)).isEqualTo(ReferencePrimitives.ipv6(a, 0));
    }

    /**
     * Text as the FMC sends it: valid UTF-8 of any code points (U+FFFD included, which must not be taken for a
     * replacement), NULs inside and at the end, and sometimes one byte overwritten so that it may become invalid.
     */
    @Property(tries = 3000)
    void sameTextForUtf8(@ForAll("texts") String text, @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 3) int nuls,
                         @ForAll @net.jqwik.api.constraints.IntRange(min = -1, max = 40) int corruptAt,
                         @ForAll byte corruption) {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] b = java.util.Arrays.copyOf(utf8, utf8.length + nuls + 2);
        b[0] = 0x41;
        System.arraycopy(utf8, 0, b, 2, utf8.length); // two bytes before the text: an offset like the wire's
        if (corruptAt >= 0 && corruptAt < utf8.length) {
            b[2 + corruptAt] = corruption;
        }
        assertThat(Primitives.text(b, 2, b.length - 2)).isEqualTo(ReferencePrimitives.text(b, 2, b.length - 2));
        assertThat(Primitives.text(b, 2, utf8.length)).isEqualTo(ReferencePrimitives.text(b, 2, utf8.length));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.chars().range(' ', '~')),
                net.jqwik.api.Tuple.of(1, Arbitraries.just('\0')),
                net.jqwik.api.Tuple.of(1, Arbitraries.just('\uFFFD')),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\u0080', '\u07FF')),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\u0800', '\uD7FF')));
        Arbitrary<String> plain = chars.list().ofMaxSize(40).map(l -> {
            StringBuilder sb = new StringBuilder();
            l.forEach(sb::append);
            return sb.toString();
        });
        return Arbitraries.oneOf(plain, plain.map(s -> s + "\uD83D\uDE00")); // and a pair beyond the BMP
    }
}
