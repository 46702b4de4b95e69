package dev.estreamer.decode;

import dev.estreamer.format.JsonFormatter;
import dev.estreamer.record.Record;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON bytes of the golden capture and of one seeded record per catalogue layout are pinned byte for byte,
 * so speed work on decode and format can never change the output (the golden test compares by value only).
 *
 * <p>The snapshot was written by the formatter as it was before any tuning; regenerate it only for an intended
 * output change: {@code mvn -o test -Dtest=JsonBytesSnapshotTest -Destreamer.snapshot.update=true}.
 */
class JsonBytesSnapshotTest {
    private static final String RESOURCE = "json-bytes.jsonl";
    private static final String TEXT_ALPHABET = "abcXYZ019 _-/.:=\"\\\n\t\u0001\u001f\u007f\u2028é电汇💥<>&'";

    @Test
    void formatterOutputIsByteForByteTheSnapshot() throws IOException {
        List<String> actual = render();
        if (Boolean.getBoolean("estreamer.snapshot.update")) {
            Path file = Path.of("src/test/resources/dev/estreamer/decode", RESOURCE);
            Files.write(file, actual, StandardCharsets.UTF_8);
            return;
        }
        List<String> expected = new String(GoldenCapture.class.getResourceAsStream(RESOURCE).readAllBytes(),
                StandardCharsets.UTF_8).lines().toList();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("line %d", i + 1).isEqualTo(expected.get(i));
        }
    }

    private static List<String> render() {
        RecordDecoder decoder = new RecordDecoder();
        JsonFormatter json = new JsonFormatter();
        List<String> lines = new ArrayList<>();
        for (byte[] p : payloads()) {
            Record r = decoder.decode(p);
            lines.add(new String(json.format(r), StandardCharsets.UTF_8));
        }
        return lines;
    }

    /** The golden payloads, one seeded record per catalogue layout, and the unknown/malformed shapes. */
    static List<byte[]> payloads() {
        List<byte[]> payloads = new ArrayList<>(GoldenCapture.payloads());
        Catalogue catalogue = Catalogue.standard();
        RecordEncoder encoder = new RecordEncoder(catalogue);
        Random random = new Random(20240607L);
        for (RecordType t : catalogue.recordTypes()) {
            RecordDef def = catalogue.def(t.type());
            if (t.blockTypes().isEmpty()) {
                payloads.add(encode(encoder, t.type(), def.single, -1, random));
            } else {
                for (int b : t.blockTypes()) {
                    payloads.add(encode(encoder, t.type(), def.variant(b), b, random));
                }
            }
        }
        HexFormat hex = HexFormat.of();
        payloads.add(hex.parseHex("0000270f" + "00000002" + "beef")); // unknown type
        payloads.add(hex.parseHex("00000047" + "00000010" + "0000")); // malformed length
        payloads.add(new byte[3]); // no header
        return payloads;
    }

    private static byte[] encode(RecordEncoder encoder, int type, Layout layout, int blockType, Random random) {
        Map<String, Object> values = new HashMap<>();
        generate(layout, random, values);
        if (blockType >= 0) {
            values.put("blockType", blockType);
        }
        return encoder.encode(type, values, random.nextBoolean(), random.nextLong() & 0xFFFFFFFFL);
    }

    private static void generate(Layout l, Random random, Map<String, Object> values) {
        for (Step s : l.steps()) {
            String name = s.name();
            boolean zero = random.nextInt(4) == 0; // all-zero values have shortcuts in the renderers
            switch (s.kind()) {
                case U8 -> values.put(name, zero ? 0L : (long) random.nextInt(256));
                case U16 -> values.put(name, zero ? 0L : (long) random.nextInt(65536));
                case U32 -> values.put(name, zero ? 0L : random.nextLong() & 0xFFFFFFFFL);
                case U64 -> values.put(name, zero ? 0L : random.nextBoolean() ? random.nextLong() : -1L);
                case IPV4 -> values.put(name, Primitives.ipv4(bytes(random, 4, zero), 0));
                case IPV6 -> values.put(name, Primitives.ipv6(ipv6Bytes(random), 0));
                case UUID -> values.put(name, Primitives.uuid(bytes(random, 16, zero), 0));
                case MAC -> values.put(name, Primitives.mac(bytes(random, 6, zero), 0));
                case HEX -> values.put(name, Primitives.hex(bytes(random, s.size(), zero), 0, s.size()));
                case STRING, TEXT -> values.put(name, text(random));
                case BLOB, BYTES -> {
                    byte[] b = bytes(random, random.nextInt(24), zero);
                    values.put(name, Primitives.hex(b, 0, b.length));
                }
                case MERGED -> generate(s.nested(), random, values);
                default -> {
                    // SKIP carries no value
                }
            }
        }
    }

    private static byte[] bytes(Random random, int n, boolean zero) {
        byte[] b = new byte[n];
        if (!zero) {
            random.nextBytes(b);
        }
        return b;
    }

    private static byte[] ipv6Bytes(Random random) {
        byte[] b = bytes(random, 16, false);
        switch (random.nextInt(5)) {
            case 0 -> java.util.Arrays.fill(b, 0, 10, (byte) 0);
            case 1 -> java.util.Arrays.fill(b, 0, 16, (byte) 0);
            case 2 -> java.util.Arrays.fill(b, 4, 12, (byte) 0);
            case 3 -> java.util.Arrays.fill(b, 0, 12, (byte) 0);
            default -> { }
        }
        if (b[0] == 0 && b[9] == 0 && random.nextBoolean()) {
            b[10] = (byte) 0xFF;
            b[11] = (byte) 0xFF;
        }
        return b;
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        int points = TEXT_ALPHABET.codePointCount(0, TEXT_ALPHABET.length());
        for (int i = 0, n = random.nextInt(40); i < n; i++) {
            s.appendCodePoint(TEXT_ALPHABET.codePointAt(TEXT_ALPHABET.offsetByCodePoints(0, random.nextInt(points))));
        }
        return s.toString();
    }
}
