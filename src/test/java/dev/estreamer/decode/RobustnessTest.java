package dev.estreamer.decode;

import dev.estreamer.record.Record;
import dev.estreamer.record.Status;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Newer, unknown and broken records: decoded as far as the layout knows, never misaligned, never thrown. */
class RobustnessTest {
    private final RecordDecoder decoder = new RecordDecoder();

    private static byte[] golden71() {
        return GoldenCapture.payloads().get(22);
    }

    /** Appends extra bytes to the connection block (the record's last bytes) and fixes both lengths. */
    private static byte[] withExtraBlockBytes(byte[] record, int extra) {
        byte[] longer = Arrays.copyOf(record, record.length + extra);
        for (int i = record.length; i < longer.length; i++) {
            longer[i] = (byte) 0xAB;
        }
        ByteBuffer b = ByteBuffer.wrap(longer);
        b.putInt(4, b.getInt(4) + extra);          // record length
        int blockAt = 16 + 56;
        b.putInt(blockAt + 4, b.getInt(blockAt + 4) + extra); // block length
        return longer;
    }

    @Test
    void longerConnectionBlockDecodesTheKnownFieldsAndIsCountedOncePerLength() {
        Record plain = decoder.decode(golden71());
        Record longer = decoder.decode(withExtraBlockBytes(golden71(), 24));
        decoder.decode(withExtraBlockBytes(golden71(), 24));
        assertThat(longer.status()).isEqualTo(Status.DECODED);
        assertThat(longer.fields().get("blockLength")).isEqualTo(612L + 24);
        for (int i = 0; i < plain.fields().size(); i++) {
            String name = plain.fields().name(i);
            if (!name.equals("blockLength")) {
                assertThat(longer.fields().get(name)).as(name).isEqualTo(plain.fields().value(i));
            }
        }
        assertThat(decoder.stats().extendedBlocks()).containsEntry("1:160/636", 2L).hasSize(1);
    }

    @Test
    void fieldsAfterALongerNestedBlockStayAligned() throws Exception {
        String json = """
                {"layouts": {}, "blocks": {"1:5": {"name": "t", "fields": [["a", "u32"], ["s", "string"]]}},
                 "records": [{"type": 9000, "name": "T", "category": "T", "family": "UNKNOWN",
                              "body": [["inner", "block:1:5"], ["after", "u32"]]}]}""";
        RecordDecoder d = new RecordDecoder(Catalogue.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        // record 9000; inner block 5 of 8+4+(8+2)+6 extra = 28 bytes; then after = 0x01020304
        byte[] body = HexFormat.of().parseHex(
                "00000005" + "0000001c" + "00000007" + "00000000" + "0000000a" + "6869" + "ffffffffffff" + "01020304");
        ByteBuffer payload = ByteBuffer.allocate(8 + body.length);
        payload.putInt(9000).putInt(body.length).put(body);
        Record r = d.decode(payload.array());
        assertThat(r.status()).isEqualTo(Status.DECODED);
        assertThat(r.fields().path("inner.a")).isEqualTo(7L);
        assertThat(r.fields().path("inner.s.data")).isEqualTo("hi");
        assertThat(r.fields().get("after")).isEqualTo(0x01020304L);
        assertThat(d.stats().extendedBlocks()).containsOnlyKeys("1:5/28");
    }

    @Test
    void unknownRecordTypeKeepsHeaderAndBodyAsHex() {
        byte[] payload = HexFormat.of().parseHex("0000270f" + "00000004" + "5fc831ed" + "00000000" + "deadbeef");
        Record r = decoder.decode(payload);
        assertThat(r.status()).isEqualTo(Status.UNKNOWN_TYPE);
        assertThat(r.recordType()).isEqualTo(9999);
        assertThat(r.archiveTimestamp()).isEqualTo(0x5fc831edL);
        assertThat(r.fields().get("rawBody")).isEqualTo("deadbeef");
        assertThat(decoder.stats().unknownType()).isEqualTo(1);
    }

    @Test
    void unknownConnectionBlockTypeIsUnknownNotMisdecoded() {
        byte[] payload = golden71().clone();
        ByteBuffer.wrap(payload).putInt(16 + 56, 999);
        Record r = decoder.decode(payload);
        assertThat(r.status()).isEqualTo(Status.UNKNOWN_TYPE);
        assertThat(r.name()).isEqualTo("Connection Statistics");
    }

    @Test
    void truncatedRecordIsMalformed() {
        byte[] full = golden71();
        byte[] cut = Arrays.copyOf(full, full.length - 10);
        Record r = decoder.decode(cut);
        assertThat(r.status()).isEqualTo(Status.MALFORMED);
        assertThat(r.raw()).isSameAs(cut);
        assertThat(decoder.stats().malformed()).isEqualTo(1);
    }

    @Test
    void consistentLengthsButShortBlockIsMalformed() {
        byte[] full = golden71();
        int cut = 100;
        byte[] shorter = Arrays.copyOf(full, full.length - cut);
        ByteBuffer.wrap(shorter).putInt(4, ByteBuffer.wrap(full).getInt(4) - cut);
        Record r = decoder.decode(shorter);
        assertThat(r.status()).isEqualTo(Status.MALFORMED);
        assertThat((String) r.fields().get("decodeError")).contains("1:160");
    }

    @Test
    void payloadShorterThanARecordHeaderIsMalformed() {
        assertThat(decoder.decode(new byte[] {0, 0, 0}).status()).isEqualTo(Status.MALFORMED);
        assertThat(decoder.decode(null).status()).isEqualTo(Status.MALFORMED);
    }

    @Test
    void recordLengthIncludingTheHeaderIsTolerated() {
        // old-server bug: message length == record length; body follows the 8-byte header
        byte[] payload = HexFormat.of().parseHex("0000007b" + "00000015" + "00000002" + "00000005" + "68656c6c6f");
        Record r = decoder.decode(payload);
        assertThat(r.status()).isEqualTo(Status.DECODED);
        assertThat(r.fields().get("name")).isEqualTo("hello");
    }

    @Test
    void netmapBitsAreSplitFromTheRecordType() {
        byte[] payload = HexFormat.of().parseHex("0005007b" + "0000000d" + "00000002" + "00000005" + "68656c6c6f");
        Record r = decoder.decode(payload);
        assertThat(r.recordType()).isEqualTo(123);
        assertThat(r.netmapId()).isEqualTo(5);
        assertThat(r.status()).isEqualTo(Status.DECODED);
    }
}
