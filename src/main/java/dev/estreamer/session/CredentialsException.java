package dev.estreamer.session;

import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;

/** The client credentials (PKCS#12 file or its password) cannot be used; the message names cause and fix. */
public final class CredentialsException extends EstreamerException {
    public CredentialsException(String message) {
        super(Stage.SESSION, message);
    }

    public CredentialsException(String message, Throwable cause) {
        super(Stage.SESSION, message, cause);
    }
}
