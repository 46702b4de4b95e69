package dev.estreamer.decode;

import dev.estreamer.record.FieldNames;

/**
 * A compiled field layout: a block (with its 8-byte header in slots 0 and 1) or a record body.
 *
 * @param id          "1:160", "2:56", or "record 71/160" — used in logs and counters
 * @param series      1 or 2 for blocks, 0 for record bodies
 * @param blockType   the block type, or -1 for record bodies
 * @param hasHeader   true for blocks: slots 0 and 1 are blockType and blockLength
 * @param names       field names shared by every decoded instance
 * @param steps       fields after the header, in wire order
 * @param lengthOwner per slot, the step index of the TEXT/BYTES field whose length it holds, else -1
 */
record Layout(String id, int series, int blockType, boolean hasHeader, FieldNames names, Step[] steps,
              int[] lengthOwner) {

    /** Byte size when every field is fixed, else -1. */
    int fixedSize() {
        int size = hasHeader ? 8 : 0;
        for (Step s : steps) {
            int n = switch (s.kind()) {
                case U8, U16, U32, U64, IPV4, IPV6, UUID, MAC, HEX, SKIP -> s.size();
                default -> -1;
            };
            if (n < 0) {
                return -1;
            }
            size += n;
        }
        return size;
    }
}
