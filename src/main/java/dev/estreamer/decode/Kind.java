package dev.estreamer.decode;

/** Wire encodings a catalogue field can have. */
enum Kind {
    U8(1), U16(2), U32(4), U64(8), IPV4(4, true), IPV6(16, true), UUID(16, true), MAC(6, true),
    /** fixed-size raw bytes rendered as hex; size from the catalogue */
    HEX(-1, true),
    /** bytes consumed without a field */
    SKIP(-1),
    /** series-1 string block (type 0): header + text */
    STRING(-1),
    /** series-1 blob block (type 10): header + bytes as hex */
    BLOB(-1),
    /** text whose byte length is a previously decoded sibling field */
    TEXT(-1),
    /** raw bytes (hex) whose length is a previously decoded sibling field */
    BYTES(-1, true),
    /** a named nested block of a fixed type */
    BLOCK(-1),
    /** a list block whose items are blocks of one type */
    LIST(-1),
    /** the record's block, merged into the enclosing field slots */
    MERGED(-1),
    /** every byte left in the enclosing block or body, as hex (a block known by its length only) */
    REST(-1, true);

    final int fixedSize;
    /** Rendered by {@link Primitives} as printable ASCII without quotes or backslashes (addresses, UUIDs, hex). */
    final boolean asciiText;

    Kind(int fixedSize) {
        this(fixedSize, false);
    }

    Kind(int fixedSize, boolean asciiText) {
        this.fixedSize = fixedSize;
        this.asciiText = asciiText;
    }
}
