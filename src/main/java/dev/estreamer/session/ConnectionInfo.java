package dev.estreamer.session;

import dev.estreamer.wire.RequestFlags;

/** Facts about an established session, for logs and the monitor. */
public record ConnectionInfo(String server, String tlsProtocol, String cipherSuite, String localAddress,
        long initialTimestamp, RequestFlags flags, boolean extended) {
}
