package dev.estreamer.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A Message Bundle (type 4002): {@code u32 connection id, u32 sequence}, then EventData items.
 *
 * <p>Real FMCs frame each item as {@code u32 type (4), u32 length, record}; the integration guide
 * describes a full 8-byte message header ({@code u16 version 1, u16 type 4, u32 length}). Both are
 * accepted: they differ in the first four bytes ({@code 00000004} vs {@code 00010004}).
 */
public record MessageBundle(long connectionId, long sequence, List<byte[]> items) {
    public MessageBundle {
        items = List.copyOf(items);
    }

    public static MessageBundle decode(byte[] payload) {
        if (payload.length < 8) {
            throw new ProtocolException("Message Bundle shorter than its 8-byte preamble", payload);
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        long connection = Integer.toUnsignedLong(b.getInt());
        long sequence = Integer.toUnsignedLong(b.getInt());
        List<byte[]> items = new ArrayList<>();
        while (b.remaining() > 0) {
            int at = b.position();
            if (b.remaining() < 8) {
                throw new ProtocolException("Message Bundle " + sequence + " ends inside an item header at offset " + at, payload);
            }
            int word = b.getInt();
            if (word != MessageType.EVENT_DATA && word != (Frame.VERSION << 16 | MessageType.EVENT_DATA)) {
                throw new ProtocolException("Message Bundle " + sequence + " item at offset " + at
                        + " is not EventData (first word " + String.format("0x%08x", word) + ")", payload);
            }
            long length = Integer.toUnsignedLong(b.getInt());
            if (length > b.remaining()) {
                throw new ProtocolException("Message Bundle " + sequence + " item at offset " + at + " claims "
                        + length + " bytes but " + b.remaining() + " remain", payload);
            }
            byte[] item = new byte[(int) length];
            b.get(item);
            items.add(item);
        }
        return new MessageBundle(connection, sequence, items);
    }

    /** Encodes with the FMC's 4+4 item framing, or the guide's full header when asked. */
    public Frame toFrame(boolean guideFraming) {
        int size = 8 + items.stream().mapToInt(i -> 8 + i.length).sum();
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putInt((int) connectionId).putInt((int) sequence);
        for (byte[] item : items) {
            if (guideFraming) {
                b.putShort((short) Frame.VERSION).putShort((short) MessageType.EVENT_DATA);
            } else {
                b.putInt(MessageType.EVENT_DATA);
            }
            b.putInt(item.length).put(item);
        }
        return new Frame(MessageType.MESSAGE_BUNDLE, b.array());
    }

    public Frame toFrame() {
        return toFrame(false);
    }
}
