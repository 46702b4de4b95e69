package dev.estreamer.wire;

import java.io.IOException;
import java.io.OutputStream;

/** Writes whole frames; one lock serialises writers so frames never interleave. */
public final class FrameWriter {
    private final OutputStream out;

    public FrameWriter(OutputStream out) {
        this.out = out;
    }

    public synchronized void write(Frame frame) throws IOException {
        out.write(frame.encode());
        out.flush();
    }
}
