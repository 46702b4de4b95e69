package dev.estreamer.decode;

import dev.estreamer.record.Record;
import dev.estreamer.record.Status;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new layouts (discovery, user, VPN, metadata) under damage: truncated, extended, lengths pointing past the
 * end. Decode never throws, and bytes appended after a known record never shift its known fields.
 */
class HandVectorPropertiesTest {
    private static final List<HandVectors> VECTORS = HandVectors.all();
    private final RecordDecoder decoder = new RecordDecoder();

    @Property(tries = 1500)
    void damagedVectorsNeverThrow(@ForAll("damaged") byte[] payload) {
        Record r = decoder.decode(payload);
        assertThat(r).isNotNull();
        assertThat(r.fields()).isNotNull();
    }

    @Property(tries = 500)
    void trailingBytesNeverMisalignKnownFields(@ForAll("vectors") HandVectors v, @ForAll("tails") byte[] tail) {
        int type = v.types().get(0);
        byte[] payload = v.payload(type);
        byte[] longer = Arrays.copyOf(payload, payload.length + tail.length);
        System.arraycopy(tail, 0, longer, payload.length, tail.length);
        ByteBuffer.wrap(longer).putInt(4, ByteBuffer.wrap(payload).getInt(4) + tail.length);
        Record r = decoder.decode(longer);
        assertThat(r.status()).isEqualTo(Status.DECODED);
        v.expected().forEach((path, value) ->
                assertThat(String.valueOf(HandVectorsTest.resolve(r.fields(), path))).as(path).isEqualTo(value));
    }

    @Provide
    Arbitrary<HandVectors> vectors() {
        return Arbitraries.of(VECTORS);
    }

    @Provide
    Arbitrary<byte[]> tails() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64);
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        return Combinators.combine(Arbitraries.of(VECTORS), Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 2)).as((v, seed, mode) -> damage(v.payload(v.types().get(0)), seed, mode));
    }

    private static byte[] damage(byte[] original, int seed, int mode) {
        java.util.Random random = new java.util.Random(seed);
        byte[] b = original.clone();
        switch (mode) {
            case 0 -> { // truncate, keeping the record length consistent so the layout itself runs short
                int cut = 1 + random.nextInt(Math.max(1, b.length - 16));
                b = Arrays.copyOf(b, Math.max(8, b.length - cut));
                ByteBuffer.wrap(b).putInt(4, b.length - (b.length >= 16 && original.length - b.length < original.length - 16 ? 16 : 8));
            }
            case 1 -> { // any aligned u32 (block, list and string lengths) pointing past the end or below 8
                int at = 4 * random.nextInt(b.length / 4);
                ByteBuffer.wrap(b).putInt(at, random.nextBoolean() ? random.nextInt() : random.nextInt(600));
            }
            default -> { // a block grown inside: a length field gains bytes that are not there
                int at = 4 * random.nextInt(b.length / 4);
                ByteBuffer buffer = ByteBuffer.wrap(b);
                buffer.putInt(at, buffer.getInt(at) + 1 + random.nextInt(16));
            }
        }
        return b;
    }
}
