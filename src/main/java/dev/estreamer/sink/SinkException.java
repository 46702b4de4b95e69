package dev.estreamer.sink;

import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;

/** A sink failure: bad sink settings, or the cause handed to {@link Batch#retry}. */
public class SinkException extends EstreamerException {

    public SinkException(String message) {
        super(Stage.SINK, message);
    }

    public SinkException(String message, Throwable cause) {
        super(Stage.SINK, message, cause);
    }
}
