package dev.estreamer.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The FMC's service advertisement (type 2051), answered by a Streaming Request.
 *
 * <p>Each service is {@code u32 id, u32 length, length bytes}; the FMC sends length 8 (flags and
 * timestamp, both zero). Services other than 6667 are advertised too and ignored.
 */
public record StreamingInformation(List<StreamingService> services) {
    public StreamingInformation {
        services = List.copyOf(services);
    }

    /** What a real FMC advertises: 5001, 5000 and 6667 (protocol.md 5.6). */
    public static StreamingInformation fmcDefault() {
        return new StreamingInformation(List.of(
                new StreamingService(5001, new byte[8]),
                new StreamingService(5000, new byte[8]),
                new StreamingService(StreamingRequest.ESTREAMER_SERVICE, new byte[8])));
    }

    public boolean offers(int serviceId) {
        return services.stream().anyMatch(s -> s.serviceId() == serviceId);
    }

    public static StreamingInformation decode(byte[] payload) {
        List<StreamingService> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(payload);
        while (b.remaining() > 0) {
            if (b.remaining() < 8) {
                throw new ProtocolException("Streaming Information ends inside a service header", payload);
            }
            int id = b.getInt();
            long length = Integer.toUnsignedLong(b.getInt());
            if (length > b.remaining()) {
                throw new ProtocolException("Streaming Information service " + id + " claims " + length
                        + " bytes but " + b.remaining() + " remain", payload);
            }
            byte[] body = new byte[(int) length];
            b.get(body);
            out.add(new StreamingService(id, body));
        }
        return new StreamingInformation(out);
    }

    public Frame toFrame() {
        int size = services.stream().mapToInt(s -> 8 + s.body().length).sum();
        ByteBuffer b = ByteBuffer.allocate(size);
        for (StreamingService s : services) {
            b.putInt(s.serviceId()).putInt(s.body().length).put(s.body());
        }
        return new Frame(MessageType.STREAMING_INFORMATION, b.array());
    }
}
