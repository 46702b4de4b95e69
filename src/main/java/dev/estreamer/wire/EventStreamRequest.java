package dev.estreamer.wire;

import java.nio.ByteBuffer;

/** The first message of every session: where to start and what to send (protocol.md 4). */
public record EventStreamRequest(long initialTimestamp, RequestFlags flags) {
    /** Start from the oldest data the FMC holds. */
    public static final long GENESIS = 0L;
    /** Start from the moment of the request. */
    public static final long NOW = 0xFFFFFFFFL;

    public EventStreamRequest {
        if (initialTimestamp < 0 || initialTimestamp > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("initial timestamp out of u32 range: " + initialTimestamp);
        }
    }

    public Frame toFrame() {
        ByteBuffer b = ByteBuffer.allocate(8);
        b.putInt((int) initialTimestamp).putInt(flags.value());
        return new Frame(MessageType.EVENT_STREAM_REQUEST, b.array());
    }

    public static EventStreamRequest decode(byte[] payload) {
        if (payload.length != 8) {
            throw new ProtocolException("Event Stream Request payload must be 8 bytes, got " + payload.length, payload);
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        return new EventStreamRequest(Integer.toUnsignedLong(b.getInt()), new RequestFlags(b.getInt()));
    }
}
