package dev.estreamer.sink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FramingTest {

    @Test
    void noneLeavesBytesAlone() {
        byte[] payload = "abc".getBytes(UTF_8);
        assertThat(Framing.NONE.frame(payload)).isSameAs(payload);
    }

    @Test
    void newlineAppendsOneLineFeed() {
        assertThat(new String(Framing.NEWLINE.frame("abc".getBytes(UTF_8)), UTF_8)).isEqualTo("abc\n");
        assertThat(Framing.NEWLINE.frame(new byte[0])).containsExactly('\n');
    }

    @Test
    void octetCountingPrefixesTheByteLengthNotTheCharLength() {
        assertThat(new String(Framing.OCTET_COUNTING.frame("hello".getBytes(UTF_8)), UTF_8))
                .isEqualTo("5 hello");
        // "é" is two bytes in UTF-8 (RFC 6587 counts octets)
        assertThat(new String(Framing.OCTET_COUNTING.frame("é".getBytes(UTF_8)), UTF_8)).isEqualTo("2 é");
        assertThat(new String(Framing.OCTET_COUNTING.frame(new byte[0]), UTF_8)).isEqualTo("0 ");
    }

    @Test
    void payloadEqualityComparesBytes() {
        assertThat(new Payload(1, "a".getBytes(UTF_8))).isEqualTo(new Payload(1, "a".getBytes(UTF_8)))
                .hasSameHashCodeAs(new Payload(1, "a".getBytes(UTF_8)))
                .isNotEqualTo(new Payload(2, "a".getBytes(UTF_8)))
                .isNotEqualTo(new Payload(1, "b".getBytes(UTF_8)));
    }
}
