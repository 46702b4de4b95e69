package dev.estreamer.decode;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;
import dev.estreamer.record.Status;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every hand-written vector decodes to the values written beside it; together they cover the catalogue. */
@Timeout(60)
class HandVectorsTest {
    private static final List<HandVectors> VECTORS = HandVectors.all();

    @TestFactory
    Stream<DynamicTest> everyVectorDecodesToItsExpectedValues() {
        return VECTORS.stream().flatMap(v -> v.types().stream().map(type -> DynamicTest.dynamicTest(v + " as " + type,
                () -> check(v, type))));
    }

    private static void check(HandVectors v, int type) {
        RecordDecoder decoder = new RecordDecoder();
        Record r = decoder.decode(v.payload(type));
        assertThat(r.status()).as("%s: %s", v, r.fields()).isEqualTo(Status.DECODED);
        assertThat(r.recordType()).isEqualTo(type);
        if (v.archive()) {
            assertThat(r.archiveTimestamp()).isEqualTo(HandVectors.ARCHIVE_TIMESTAMP);
        }
        v.expected().forEach((path, value) -> assertThat(String.valueOf(resolve(r.fields(), path)))
                .as("%s %s", v, path).isEqualTo(value));
        assertThat(decoder.stats().extendedBlocks()).as("no block is longer than its layout").isEmpty();
        assertThat(decoder.stats().unexpectedBlocks()).isEmpty();
        Set<Long> seen = new HashSet<>();
        blockTypes(r.fields(), seen);
        for (String block : v.blocks()) {
            assertThat(seen).as("%s declares block %s", v, block).contains(Long.parseLong(block.split(":")[1]));
        }
    }

    /**
     * Long event blocks not yet written by hand (they are covered by the golden capture, the small vectors and
     * the encoder round trip, which share the catalogue and so prove less). This list may only shrink.
     */
    private static final Set<Integer> NOT_YET_HAND_WRITTEN = Set.of(71, 112, 125, 400, 500, 502);
    private static final Set<String> BLOCKS_NOT_YET_HAND_WRITTEN = Set.of("1:156", "1:160", "1:163", "1:168", "1:169",
            "1:170", "1:171", "1:173", "1:174", "2:56", "2:60", "2:62", "2:79", "2:80", "2:81", "2:85");

    @Test
    void theVectorsCoverEveryRecordTypeAndBlockVersion() throws Exception {
        Set<Integer> types = new TreeSet<>();
        Set<String> blocks = new TreeSet<>();
        VECTORS.forEach(v -> {
            types.addAll(v.types());
            blocks.addAll(v.blocks());
        });
        List<Integer> catalogueTypes = Catalogue.standard().recordTypes().stream().map(RecordType::type)
                .filter(t -> !NOT_YET_HAND_WRITTEN.contains(t)).toList();
        assertThat(types).containsAll(catalogueTypes).doesNotContainAnyElementsOf(NOT_YET_HAND_WRITTEN);
        List<String> catalogueBlocks = new ArrayList<>();
        try (InputStream in = Catalogue.class.getResourceAsStream("/dev/estreamer/catalogue.json")) {
            new ObjectMapper().readTree(in).path("blocks").fieldNames().forEachRemaining(catalogueBlocks::add);
        }
        catalogueBlocks.removeAll(BLOCKS_NOT_YET_HAND_WRITTEN);
        assertThat(blocks).containsAll(catalogueBlocks).doesNotContainAnyElementsOf(BLOCKS_NOT_YET_HAND_WRITTEN);
    }

    static Object resolve(Fields fields, String path) {
        Object current = fields;
        for (String part : path.split("\\.")) {
            if (current instanceof Fields f) {
                current = f.get(part);
            } else if (current instanceof List<?> list) {
                int i = Integer.parseInt(part);
                current = i < list.size() ? list.get(i) : null;
            } else {
                return "<no " + part + ">";
            }
        }
        return current;
    }

    private static void blockTypes(Object value, Set<Long> out) {
        if (value instanceof Fields f) {
            if (f.get("blockType") instanceof Long t) {
                out.add(t);
            }
            for (int i = 0; i < f.size(); i++) {
                blockTypes(f.value(i), out);
            }
        } else if (value instanceof List<?> list) {
            list.forEach(item -> blockTypes(item, out));
        }
    }
}
