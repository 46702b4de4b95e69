package dev.estreamer.wire;

import java.nio.ByteBuffer;

/** One eStreamer message: its type and the payload that follows the 8-byte header. */
public record Frame(int type, byte[] payload) {
    public static final int HEADER_LENGTH = 8;
    public static final int VERSION = 1;
    private static final Frame NULL = new Frame(MessageType.NULL, new byte[0]);

    public Frame {
        if (type < 0 || type > 0xffff) {
            throw new IllegalArgumentException("message type out of range: " + type);
        }
    }

    /** The keep-alive / acknowledgement message {@code 0001 0000 00000000}. */
    public static Frame nullMessage() {
        return NULL;
    }

    /** Header plus payload, as sent on the wire. */
    public byte[] encode() {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_LENGTH + payload.length);
        buffer.putShort((short) VERSION).putShort((short) type).putInt(payload.length).put(payload);
        return buffer.array();
    }

    @Override
    public String toString() {
        return MessageType.name(type) + " length " + payload.length;
    }
}
