package dev.estreamer.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads whole frames from a stream, bounded by a maximum payload length.
 *
 * <p>Nothing is handed out until a frame is complete. Bytes already read survive an
 * {@link java.net.SocketTimeoutException} (or any interrupted read): the next {@link #read()}
 * resumes where the last one stopped, so a read timeout never desynchronises the stream.
 */
public final class FrameReader {
    private final InputStream in;
    private final int maxPayloadLength;
    private final byte[] header = new byte[Frame.HEADER_LENGTH];
    private int headerFilled;
    private byte[] payload;
    private int payloadFilled;
    private int type;
    private long bytesRead;

    public FrameReader(InputStream in, int maxPayloadLength) {
        if (maxPayloadLength < 0) {
            throw new IllegalArgumentException("maxPayloadLength must be >= 0");
        }
        this.in = in;
        this.maxPayloadLength = maxPayloadLength;
    }

    /**
     * The next frame, or null at end of stream on a frame boundary.
     *
     * @throws EOFException      the stream ended inside a frame
     * @throws ProtocolException bad header version or a length over the limit
     */
    public Frame read() throws IOException {
        while (headerFilled < Frame.HEADER_LENGTH) {
            int n = in.read(header, headerFilled, Frame.HEADER_LENGTH - headerFilled);
            if (n < 0) {
                if (headerFilled == 0) {
                    return null;
                }
                throw new EOFException("stream ended after " + headerFilled + " of 8 header bytes");
            }
            headerFilled += n;
            bytesRead += n;
            if (headerFilled == Frame.HEADER_LENGTH) {
                startPayload();
            }
        }
        while (payloadFilled < payload.length) {
            int n = in.read(payload, payloadFilled, payload.length - payloadFilled);
            if (n < 0) {
                throw new EOFException("stream ended after " + payloadFilled + " of " + payload.length
                        + " payload bytes of a " + MessageType.name(type) + " message");
            }
            payloadFilled += n;
            bytesRead += n;
        }
        Frame frame = new Frame(type, payload);
        headerFilled = 0;
        payloadFilled = 0;
        payload = null;
        return frame;
    }

    private void startPayload() {
        int version = (header[0] & 0xff) << 8 | (header[1] & 0xff);
        type = (header[2] & 0xff) << 8 | (header[3] & 0xff);
        long length = ((long) (header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16)
                | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
        if (version != Frame.VERSION) {
            byte[] copy = header.clone();
            headerFilled = 0;
            throw new ProtocolException("message header version " + version + " (expected 1)"
                    + (version == 0 ? "" : "; some FMC 6.1.0.3-6.2 builds send this (Cisco bug CSCve44987)"),
                    copy);
        }
        if (length > maxPayloadLength) {
            byte[] copy = header.clone();
            headerFilled = 0;
            throw new ProtocolException("message length " + length + " exceeds the limit of "
                    + maxPayloadLength + " bytes (maxMessageLength)", copy);
        }
        payload = new byte[(int) length];
        payloadFilled = 0;
    }

    /** Total bytes consumed from the stream. */
    public long bytesRead() {
        return bytesRead;
    }

    /** Whether a frame has been started but not finished. */
    public boolean midFrame() {
        return headerFilled > 0;
    }
}
