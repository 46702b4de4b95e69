package dev.estreamer.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JsonBufferNumberTest {
    private static String written(long v) {
        JsonBuffer b = new JsonBuffer();
        b.number(v);
        return new String(b.toByteArray(), StandardCharsets.US_ASCII);
    }

    @Test
    void everyPowerOfTenAndItsNeighboursAsLongToStringWritesThem() {
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10 * 10; p *= 10) {
            for (long v : new long[] {p - 1, p, p + 1, -p, -(p - 1)}) {
                assertThat(written(v)).as("%d", v).isEqualTo(Long.toString(v));
                if (v > 0) {
                    assertThat(JsonBuffer.digits(v)).as("digits of %d", v).isEqualTo(Long.toString(v).length());
                }
            }
            if (p > Long.MAX_VALUE / 10) {
                break;
            }
        }
        for (long v : new long[] {0, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE, 4_294_967_295L,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
            assertThat(written(v)).as("%d", v).isEqualTo(Long.toString(v));
        }
    }

    @Test
    void everyBitLengthWritesItsDigits() {
        for (int bits = 1; bits < 64; bits++) {
            for (long v : new long[] {1L << (bits - 1), (1L << bits) - 1}) {
                assertThat(written(v)).isEqualTo(Long.toString(v));
                assertThat(JsonBuffer.digits(v)).as("digits of %d", v).isEqualTo(Long.toString(v).length());
            }
        }
    }

    @Property(tries = 2000)
    void anyLongAsLongToString(@ForAll long v) {
        assertThat(written(v)).isEqualTo(Long.toString(v));
    }

    @Test
    void unsignedValuesAboveLongMaxValue() {
        JsonBuffer b = new JsonBuffer();
        b.unsignedNumber(-1L);
        assertThat(new String(b.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("18446744073709551615");
    }
}
