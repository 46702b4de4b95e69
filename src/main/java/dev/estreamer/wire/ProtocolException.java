package dev.estreamer.wire;

import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;

/** The peer sent bytes that break the eStreamer protocol; the message quotes them in hex. */
public class ProtocolException extends EstreamerException {
    public ProtocolException(String message) {
        super(Stage.WIRE, message);
    }

    public ProtocolException(String message, byte[] offending) {
        super(Stage.WIRE, message + " [" + Hex.prefix(offending, 64) + "]");
    }
}
