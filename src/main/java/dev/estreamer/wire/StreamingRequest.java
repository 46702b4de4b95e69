package dev.estreamer.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's answer to Streaming Information (type 2049): service 6667 with the flags, the
 * initial timestamp and the (event type, version) pairs wanted, terminated by 0/0.
 *
 * <pre>
 * +0  u32 service id (6667)     +4  u32 service length (inclusive of id and length, as Cisco's client sends)
 * +8  u32 flags                 +12 u32 initial timestamp
 * +16 u16 version, u16 type ... u16 0, u16 0
 * </pre>
 * Decoding accepts both the inclusive and the exclusive service length (protocol.md 5.5).
 */
public record StreamingRequest(int serviceId, RequestFlags flags, long initialTimestamp, List<EventVersion> events) {
    public static final int ESTREAMER_SERVICE = 6667;

    public StreamingRequest {
        events = List.copyOf(events);
    }

    /**
     * Versions covering FMC 6.x and 7.x; the FMC answers with a layout it supports and the decoder
     * dispatches on the block type it finds.
     */
    public static List<EventVersion> defaultEvents() {
        return List.of(
                new EventVersion(EventVersion.INTRUSION, 11),
                new EventVersion(EventVersion.METADATA, 4),
                new EventVersion(EventVersion.CORRELATION, 9),
                new EventVersion(EventVersion.DISCOVERY, 11),
                new EventVersion(EventVersion.CONNECTION, 17),
                new EventVersion(EventVersion.USER, 7),
                new EventVersion(EventVersion.MALWARE, 8),
                new EventVersion(EventVersion.FILE, 7),
                new EventVersion(EventVersion.IMPACT, 2));
    }

    public Frame toFrame() {
        int length = 16 + 4 * events.size() + 4;
        ByteBuffer b = ByteBuffer.allocate(length);
        b.putInt(serviceId).putInt(length).putInt(flags.value()).putInt((int) initialTimestamp);
        for (EventVersion e : events) {
            b.putShort((short) e.version()).putShort((short) e.eventType());
        }
        b.putInt(0);
        return new Frame(MessageType.STREAMING_REQUEST, b.array());
    }

    public static StreamingRequest decode(byte[] payload) {
        if (payload.length < 16) {
            throw new ProtocolException("Streaming Request shorter than 16 bytes", payload);
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        int service = b.getInt();
        long serviceLength = Integer.toUnsignedLong(b.getInt());
        if (serviceLength != payload.length && serviceLength != payload.length - 8L) {
            throw new ProtocolException("Streaming Request service length " + serviceLength
                    + " matches neither the inclusive (" + payload.length + ") nor the exclusive ("
                    + (payload.length - 8) + ") form", payload);
        }
        RequestFlags flags = new RequestFlags(b.getInt());
        long timestamp = Integer.toUnsignedLong(b.getInt());
        List<EventVersion> events = new ArrayList<>();
        while (true) {
            if (b.remaining() < 4) {
                throw new ProtocolException("Streaming Request event list has no 0/0 terminator", payload);
            }
            int version = b.getShort() & 0xffff;
            int type = b.getShort() & 0xffff;
            if (version == 0 && type == 0) {
                break;
            }
            events.add(new EventVersion(type, version));
        }
        return new StreamingRequest(service, flags, timestamp, events);
    }
}
