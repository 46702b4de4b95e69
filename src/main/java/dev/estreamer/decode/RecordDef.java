package dev.estreamer.decode;

/**
 * Compiled decoding plan of one record type: either one body layout, or a fixed-size prefix followed
 * by one block whose type on the wire picks the layout.
 */
final class RecordDef {
    final RecordType type;
    /** body layout when the record has no block to choose, else null */
    final Layout single;
    /** offset of the chosen block's type word from the body start */
    final int mergeOffset;
    final int[] variantTypes;
    final Layout[] variants;

    RecordDef(RecordType type, Layout single, int mergeOffset, int[] variantTypes, Layout[] variants) {
        this.type = type;
        this.single = single;
        this.mergeOffset = mergeOffset;
        this.variantTypes = variantTypes;
        this.variants = variants;
    }

    /** The body layout for a block type, or null when the catalogue does not know that block here. */
    Layout variant(long blockType) {
        for (int i = 0; i < variantTypes.length; i++) {
            if (variantTypes[i] == blockType) {
                return variants[i];
            }
        }
        return null;
    }
}
