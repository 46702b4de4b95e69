package dev.estreamer.session;

import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;
import dev.estreamer.wire.ErrorMessage;

/** The FMC sent an Error message; the connection is over. */
public final class FmcErrorException extends EstreamerException {
    private final transient ErrorMessage error;

    public FmcErrorException(ErrorMessage error) {
        super(Stage.SESSION, "FMC error " + error.code() + ": " + error.text());
        this.error = error;
    }

    public ErrorMessage error() {
        return error;
    }
}
