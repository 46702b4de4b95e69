package dev.estreamer.sim;

import java.util.Set;

/** Record types an FMC generates itself (metadata): no archive timestamp, sent only with metadata v4. */
final class MetadataTypes {
    // protocol.md 10 and 11.10; the capture sends every one of these with the 8-byte header
    private static final Set<Integer> TYPES = Set.of(
            4, 54, 55, 57, 58, 59, 60, 61, 62, 63, 66, 67, 69, 70, 90, 91, 96, 98, 109, 111,
            115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 127, 128, 129, 130, 131, 132,
            145, 146, 147, 161, 260, 270, 280, 281, 282, 300, 301, 302, 320, 321, 322, 350,
            510, 511, 515, 516, 517, 518, 519, 520, 600, 601, 602, 603, 604, 605, 606, 607, 608, 613, 700);

    private MetadataTypes() {
    }

    static boolean contains(int recordType) {
        return TYPES.contains(recordType);
    }
}
