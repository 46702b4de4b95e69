package dev.estreamer.decode;

/**
 * One compiled field of a layout.
 *
 * @param slot    value index relative to the layout's base (-1 for SKIP)
 * @param size    byte size of fixed kinds (HEX, SKIP and primitives)
 * @param lenSlot for TEXT/BYTES, the slot of the length field
 * @param nested  for BLOCK/LIST/MERGED, the block layout
 */
record Step(Kind kind, String name, int slot, int size, int lenSlot, Layout nested) {
}
