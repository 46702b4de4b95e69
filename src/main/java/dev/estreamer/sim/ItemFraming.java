package dev.estreamer.sim;

/** How bundle items are framed (protocol.md 5.7). */
public enum ItemFraming {
    /** {@code u32 type 4, u32 length}: what real FMCs send and eNcore requires. */
    FMC,
    /** The integration guide's full 8-byte message header {@code u16 1, u16 4, u32 length}. */
    GUIDE
}
