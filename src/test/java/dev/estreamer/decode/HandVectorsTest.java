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

    @Test
    void theVectorsCoverEveryRecordTypeAndBlockVersion() throws Exception {
        Set<Integer> types = new TreeSet<>();
        Set<String> blocks = new TreeSet<>();
        VECTORS.forEach(v -> {
            types.addAll(v.types());
            blocks.addAll(v.blocks());
        });
        List<Integer> catalogueTypes = Catalogue.standard().recordTypes().stream().map(RecordType::type).toList();
        assertThat(types).as("record types without a hand-written vector").containsAll(catalogueTypes);
        List<String> catalogueBlocks = new ArrayList<>();
        try (InputStream in = Catalogue.class.getResourceAsStream("/dev/estreamer/catalogue.json")) {
            new ObjectMapper().readTree(in).path("blocks").fieldNames().forEachRemaining(catalogueBlocks::add);
        }
        assertThat(blocks).as("catalogue blocks without a hand-written vector").containsAll(catalogueBlocks);
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
