package dev.estreamer.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** An Error message (type 1): signed code, u16 text length, UTF-8 text (NULs stripped). */
public record ErrorMessage(int code, String text) {
    /** The code clients use for their own errors. */
    public static final int CLIENT_ERROR = -1;

    public static ErrorMessage decode(byte[] payload) {
        if (payload.length < 6) {
            throw new ProtocolException("Error message shorter than 6 bytes", payload);
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        int code = b.getInt();
        int length = b.getShort() & 0xffff;
        if (6 + length != payload.length) {
            throw new ProtocolException("Error message text length " + length + " needs "
                    + (6 + length) + " bytes but the message has " + payload.length, payload);
        }
        String text = new String(payload, 6, length, StandardCharsets.UTF_8).replace("\u0000", "");
        return new ErrorMessage(code, text);
    }

    public Frame toFrame() {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, 0xffff);
        ByteBuffer b = ByteBuffer.allocate(6 + length);
        b.putInt(code).putShort((short) length).put(bytes, 0, length);
        return new Frame(MessageType.ERROR, b.array());
    }
}
