package dev.estreamer.session;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

/** Opens a connected (and, for real FMCs, TLS-handshaken) socket to the FMC. */
@FunctionalInterface
public interface Connector {
    Socket connect(String host, int port, Duration timeout) throws IOException;
}
