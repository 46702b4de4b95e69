package dev.estreamer.session;

import dev.estreamer.wire.ErrorMessage;

/** What a session reports; called on the session's reader thread. */
public interface SessionListener {
    /** The handshake is done and events may follow. */
    default void onConnected(ConnectionInfo info) {
    }

    /**
     * One EventData payload (record header and body). May block when downstream is full; the
     * session then stops reading and TCP pushes back on the FMC.
     */
    void onRecord(byte[] eventDataPayload) throws InterruptedException;

    /** The FMC sent an Error message; the session reconnects after it. */
    default void onServerError(ErrorMessage error) {
    }

    /** The connection ended (cause may be null for a clean end of stream); a reconnect follows after the delay. */
    default void onDisconnected(Throwable cause, java.time.Duration nextAttemptIn) {
    }
}
