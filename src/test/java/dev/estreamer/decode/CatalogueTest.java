package dev.estreamer.decode;

import dev.estreamer.EstreamerException;
import dev.estreamer.record.Family;
import dev.estreamer.record.Record;
import dev.estreamer.record.Status;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped catalogue agrees with the documented fixed offsets, and bad catalogue data is refused. */
class CatalogueTest {
    private final Catalogue catalogue = Catalogue.standard();

    /** Bytes from the start of the block to its first variable-length field. */
    private int fixedPrefix(String block) {
        int size = 8;
        for (Step s : catalogue.block(block).steps()) {
            if (s.kind() == Kind.STRING || s.kind() == Kind.TEXT) {
                return size;
            }
            size += s.size();
        }
        return size;
    }

    /** Addresses, UUIDs and hex are flagged as ASCII renderings, merged into the record's names too; text is not. */
    @Test
    void asciiRenderingsAreFlagged() {
        Record r = new RecordDecoder(catalogue).decode(GoldenCapture.payloads().stream()
                .filter(p -> (p[2] & 0xFF) == 0 && (p[3] & 0xFF) == 71).findFirst().orElseThrow());
        var names = r.fields().names();
        for (String ascii : new String[] {"initiatorIpAddress", "ingressZone", "policyRevision", "macAddress",
                "securityContext", "hostIpAddr"}) {
            assertThat(names.asciiText(names.indexOf(ascii))).as(ascii).isTrue();
        }
        for (String other : new String[] {"clientUrl", "ruleId", "blockType", "eventSecond"}) {
            assertThat(names.asciiText(names.indexOf(other))).as(other).isFalse();
        }
    }

    @Test
    void documentedFixedOffsets() {
        assertThat(catalogue.block("2:60").fixedSize()).isEqualTo(282);
        assertThat(fixedPrefix("1:160")).isEqualTo(225);
        for (String b : new String[] {"1:163", "1:168", "1:169", "1:170", "1:171", "1:173", "1:174"}) {
            assertThat(fixedPrefix(b)).as(b).isEqualTo(297);
        }
        assertThat(fixedPrefix("2:56")).isEqualTo(100);
        assertThat(fixedPrefix("2:62")).isEqualTo(53);
        assertThat(fixedPrefix("1:156")).isEqualTo(32);
        assertThat(fixedPrefix("1:153")).isEqualTo(56);
        assertThat(catalogue.def(71).mergeOffset).isEqualTo(56);
    }

    @Test
    void fieldCountsOfTheConnectionBlocks() {
        assertThat(catalogue.block("1:160").names().size() - 2).isEqualTo(91);
        assertThat(catalogue.block("1:163").names().size() - 2).isEqualTo(100);
        assertThat(catalogue.block("1:174").names().size() - 2).isEqualTo(118);
        assertThat(catalogue.block("2:56").names().size() - 2).isEqualTo(40);
        assertThat(catalogue.block("2:62").names().size() - 2).isEqualTo(48);
        assertThat(catalogue.block("1:156").names().size() - 2).isEqualTo(61);
    }

    @Test
    void identities() {
        RecordType t = catalogue.recordType(71).orElseThrow();
        assertThat(t.name()).isEqualTo("Connection Statistics");
        assertThat(t.category()).isEqualTo("RNA");
        assertThat(t.family()).isEqualTo(Family.CONNECTION);
        assertThat(t.blockTypes()).containsExactly(160, 163, 168, 169, 170, 171, 173, 174);
        assertThat(catalogue.recordType(400).orElseThrow().family()).isEqualTo(Family.INTRUSION);
        assertThat(catalogue.recordType(9999)).isEmpty();
    }

    @Test
    void classificationVectorOfTheGuide() {
        // protocol.md 13.9 (record 67, UUIDs zeroed), without the 8-byte message header
        byte[] payload = HexFormat.of().parseHex("00000043000000540000002300" + "0f74726f6a616e2d6163746976697479"
                + "001d41204e6574776f726b2054726f6a616e20776173204465746563746564" + "00".repeat(32));
        Record r = new RecordDecoder(catalogue).decode(payload);
        assertThat(r.status()).isEqualTo(Status.DECODED);
        assertThat(r.fields().get("id")).isEqualTo(35L);
        assertThat(r.fields().get("name")).isEqualTo("trojan-activity");
        assertThat(r.fields().get("description")).isEqualTo("A Network Trojan was Detected");
        assertThat(r.fields().get("revisionUuid")).isEqualTo("00000000-0000-0000-0000-000000000000");
    }

    @Test
    void refusesInconsistentData() {
        assertThatThrownBy(() -> load("""
                {"blocks": {}, "records": [{"type": 1, "name": "x", "category": "x", "family": "PACKET",
                  "body": [["a", "u33"]]}]}"""))
                .isInstanceOf(EstreamerException.class).hasMessageContaining("unknown type u33");
        assertThatThrownBy(() -> load("""
                {"blocks": {}, "records": [{"type": 1, "name": "x", "category": "x", "family": "PACKET",
                  "body": [["a", "text:n"]]}]}"""))
                .isInstanceOf(EstreamerException.class).hasMessageContaining("earlier integer field n");
        assertThatThrownBy(() -> load("""
                {"blocks": {}, "records": [{"type": 1, "name": "x", "category": "x", "family": "PACKET",
                  "body": [["_", "merge:1:5"]]}]}"""))
                .isInstanceOf(EstreamerException.class).hasMessageContaining("unknown block 1:5");
    }

    private static Catalogue load(String json) throws Exception {
        return Catalogue.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
