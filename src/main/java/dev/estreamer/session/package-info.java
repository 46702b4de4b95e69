/**
 * The client side of an eStreamer session: TLS from the FMC's PKCS#12, connect, the Event Stream
 * Request and the extended handshake, the receive loop with Null acknowledgements, and reconnection
 * with exponential backoff. It yields EventData payloads and knows nothing of record layouts.
 *
 * <p>Threads: {@link dev.estreamer.session.FmcSession#run()} is the session's only reader thread.
 * It reads frames, hands each EventData payload to the listener (which may block: that is how
 * backpressure reaches the FMC through TCP flow control) and acknowledges each bundle with a Null
 * once its records were handed over. {@link dev.estreamer.session.FmcSession#stop()} may be called
 * from any thread and unblocks the reader by closing the socket.
 */
package dev.estreamer.session;
