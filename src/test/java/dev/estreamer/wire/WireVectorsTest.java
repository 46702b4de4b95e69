package dev.estreamer.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Byte-exact checks against the vectors of protocol.md section 13 and the golden vectors. */
class WireVectorsTest {

    @Test
    void nullMessageIsEightBytes() {
        assertThat(Hex.of(Frame.nullMessage().encode())).isEqualTo("0001000000000000");
    }

    @Test
    void streamingRequestMatchesTheCapturedSixtyFourBytes() {
        List<EventVersion> events = List.of(
                new EventVersion(12, 9), new EventVersion(21, 4), new EventVersion(31, 9),
                new EventVersion(61, 11), new EventVersion(71, 14), new EventVersion(91, 4),
                new EventVersion(101, 7), new EventVersion(111, 6), new EventVersion(131, 2));
        StreamingRequest request = new StreamingRequest(6667, new RequestFlags(0x48900061), 1591210934L, events);
        byte[] wire = request.toFrame().encode();
        assertThat(wire).hasSize(64);
        assertThat(Hex.of(wire)).isEqualTo("000108010000003800001a0b00000038489000615ed7f3b6"
                + "0009000c000400150009001f000b003d000e00470004005b000700650006006f0002008300000000");
    }

    @Test
    void streamingRequestDecodesInclusiveAndExclusiveServiceLength() {
        byte[] inclusive = Hex.parse("00001a0b00000038489000615ed7f3b6"
                + "0009000c000400150009001f000b003d000e00470004005b000700650006006f0002008300000000");
        StreamingRequest a = StreamingRequest.decode(inclusive);
        assertThat(a.serviceId()).isEqualTo(6667);
        assertThat(a.initialTimestamp()).isEqualTo(1591210934L);
        assertThat(a.events()).hasSize(9).contains(new EventVersion(71, 14));

        byte[] exclusive = Hex.parse("00001a0b00000014400000000000000000060047000400150000 0000");
        StreamingRequest b = StreamingRequest.decode(exclusive);
        assertThat(b.flags().has(RequestFlags.EXTENDED)).isTrue();
        assertThat(b.events()).containsExactly(new EventVersion(71, 6), new EventVersion(21, 4));
    }

    @Test
    void streamingRequestWithWrongServiceLengthIsAProtocolError() {
        assertThatThrownBy(() -> StreamingRequest.decode(Hex.parse("00001a0b0000009940000000000000000006004700000000")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("service length 153");
    }

    @Test
    void eventStreamRequestVectors() {
        assertThat(Hex.of(new EventStreamRequest(EventStreamRequest.NOW, RequestFlags.ENCORE_DEFAULT).toFrame().encode()))
                .isEqualTo("0001000200000008ffffffff48900061");
        assertThat(Hex.of(new EventStreamRequest(0x5ed7f3b6L, RequestFlags.ENCORE_DEFAULT).toFrame().encode()))
                .isEqualTo("00010002000000085ed7f3b648900061");
        assertThat(EventStreamRequest.decode(Hex.parse("5ed7f3b648900061")).initialTimestamp()).isEqualTo(1591210934L);
    }

    @Test
    void streamingInformationAsTheFmcSendsIt() {
        String observed = "00001389000000080000000000000000000013880000000800000000000000000000"
                + "1a0b0000000800000000 00000000";
        StreamingInformation info = StreamingInformation.decode(Hex.parse(observed));
        assertThat(info.services()).extracting(StreamingService::serviceId).containsExactly(5001, 5000, 6667);
        assertThat(info.offers(6667)).isTrue();
        assertThat(Hex.of(StreamingInformation.fmcDefault().toFrame().encode()))
                .isEqualTo("0001080300000030" + observed.replace(" ", ""));
    }

    @Test
    void errorMessages() {
        ErrorMessage noSpace = ErrorMessage.decode(Hex.parse("0000001300094e6f20737061636500"));
        assertThat(noSpace).isEqualTo(new ErrorMessage(19, "No space"));
        assertThatThrownBy(() -> ErrorMessage.decode(Hex.parse("00000013000a4e6f20737061636500")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("text length 10");
        assertThat(Hex.of(new ErrorMessage(-1, "hello").toFrame().encode()))
                .isEqualTo("000100010000000bffffffff000568656c6c6f");
        assertThat(Hex.of(new ErrorMessage(-1, "Client shutdown").toFrame().encode()))
                .isEqualTo("0001000100000015ffffffff000f436c69656e742073687574646f776e");
    }

    @Test
    void bundleAcceptsBothItemFramings() {
        byte[] record = Hex.parse("0000007b00000011000000000000000000000002000000097365" + "6e736f722d3031");
        MessageBundle bundle = new MessageBundle(1, 1, List.of(record));
        assertThat(Hex.of(bundle.toFrame().encode())).isEqualTo(
                "00010fa200000031" + "0000000100000001" + "00000004" + "00000021" + Hex.of(record));
        for (boolean guide : new boolean[] {false, true}) {
            MessageBundle back = MessageBundle.decode(bundle.toFrame(guide).payload());
            assertThat(back.connectionId()).isEqualTo(1);
            assertThat(back.sequence()).isEqualTo(1);
            assertThat(back.items()).singleElement().isEqualTo(record);
        }
    }

    @Test
    void bundleWithAnItemLongerThanTheBundleIsAProtocolError() {
        byte[] payload = Hex.parse("00000001000000020000000400000099aabb");
        assertThatThrownBy(() -> MessageBundle.decode(payload)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("claims 153 bytes");
    }
}
