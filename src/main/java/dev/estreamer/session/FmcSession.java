package dev.estreamer.session;

import dev.estreamer.wire.ErrorMessage;
import dev.estreamer.wire.EventStreamRequest;
import dev.estreamer.wire.Frame;
import dev.estreamer.wire.FrameReader;
import dev.estreamer.wire.FrameWriter;
import dev.estreamer.wire.Hex;
import dev.estreamer.wire.MessageBundle;
import dev.estreamer.wire.MessageType;
import dev.estreamer.wire.ProtocolException;
import dev.estreamer.wire.RequestFlags;
import dev.estreamer.wire.StreamingInformation;
import dev.estreamer.wire.StreamingRequest;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FMC, one session at a time, reconnecting forever until {@link #stop()}.
 *
 * <p>Each connection: Event Stream Request (initial timestamp from the supplier, so a reconnect
 * resumes from the bookmark), then, with the extended bit, Streaming Information answered by a
 * Streaming Request, then EventData and Message Bundles, each acknowledged with a Null after its
 * records were handed to the listener. Errors, protocol violations and dropped connections end
 * the connection, never the session.
 */
public final class FmcSession implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(FmcSession.class);

    private final SessionSettings settings;
    private final Connector connector;
    private final LongSupplier initialTimestamp;
    private final SessionListener listener;
    private final SessionStats stats;
    private final Backoff backoff;
    private final Set<Integer> unexpectedTypesLogged = new HashSet<>();
    private volatile boolean stopped;
    private volatile Socket socket;
    private volatile Thread runner;

    public FmcSession(SessionSettings settings, Connector connector, LongSupplier initialTimestamp,
            SessionListener listener, SessionStats stats) {
        this.settings = settings;
        this.connector = connector;
        this.initialTimestamp = initialTimestamp;
        this.listener = listener;
        this.stats = stats;
        this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax(), settings.healthyAfter(),
                RandomGenerator.getDefault());
    }

    @Override
    public void run() {
        runner = Thread.currentThread();
        while (!stopped) {
            long started = System.nanoTime();
            Throwable cause = null;
            try {
                connectAndStream();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception | StackOverflowError e) {
                cause = e;
            }
            closeSocket();
            if (stopped) {
                break;
            }
            stats.disconnects.incrementAndGet();
            backoff.connectionLasted(Duration.ofNanos(System.nanoTime() - started));
            Duration delay = backoff.next();
            describeDisconnect(cause, delay);
            listener.onDisconnected(cause, delay);
            if (!sleep(delay)) {
                break;
            }
        }
        closeSocket();
    }

    /** Ends the session from any thread; the reader thread returns from {@link #run()} promptly. */
    public void stop() {
        stopped = true;
        closeSocket();
        Thread t = runner;
        if (t != null) {
            t.interrupt();
        }
    }

    public boolean stopped() {
        return stopped;
    }

    private void connectAndStream() throws IOException, InterruptedException {
        Socket s = connector.connect(settings.host(), settings.port(), settings.connectTimeout());
        socket = s;
        if (stopped) {
            return;
        }
        s.setSoTimeout((int) Math.max(1, settings.readTimeout().toMillis()));
        s.setKeepAlive(true);
        InputStream rawIn = s.getInputStream();
        FrameReader reader = new FrameReader(new BufferedInputStream(rawIn, 64 * 1024), settings.maxMessageLength());
        FrameWriter writer = new FrameWriter(new BufferedOutputStream(s.getOutputStream(), 256));
        long timestamp = initialTimestamp.getAsLong();
        RequestFlags flags = settings.flags();
        writer.write(new EventStreamRequest(timestamp, flags).toFrame());
        boolean extended = flags.has(RequestFlags.EXTENDED);
        stats.connects.incrementAndGet();
        String protocol = s instanceof SSLSocket ssl ? ssl.getSession().getProtocol() : "plain";
        String cipher = s instanceof SSLSocket ssl ? ssl.getSession().getCipherSuite() : "none";
        ConnectionInfo info = new ConnectionInfo(settings.server(), protocol, cipher,
                String.valueOf(s.getLocalSocketAddress()), timestamp, flags, extended);
        log.info("Connected to {} ({} {}), requested {} from {} with flags {}", settings.server(), protocol, cipher,
                extended ? "extended stream" : "event stream", describeTimestamp(timestamp), flags);
        if (!extended) {
            listener.onConnected(info);
        }
        long lastData = System.nanoTime();
        while (!stopped) {
            Frame frame;
            try {
                frame = reader.read();
            } catch (SocketTimeoutException e) {
                checkIdle(lastData);
                continue;
            }
            if (frame == null) {
                throw new EOFException("the FMC closed the connection");
            }
            lastData = System.nanoTime();
            if (log.isTraceEnabled()) {
                log.trace("received {} from {}: {}", MessageType.name(frame.type()), settings.server(),
                        Hex.prefix(frame.payload(), 4096));
            }
            stats.bytes.addAndGet(Frame.HEADER_LENGTH + frame.payload().length);
            stats.socketBacklog.set(rawIn.available());
            switch (frame.type()) {
                case MessageType.STREAMING_INFORMATION -> {
                    StreamingInformation offered = StreamingInformation.decode(frame.payload());
                    if (!offered.offers(StreamingRequest.ESTREAMER_SERVICE)) {
                        throw new ProtocolException("the FMC's Streaming Information does not offer service 6667",
                                frame.payload());
                    }
                    writer.write(new StreamingRequest(StreamingRequest.ESTREAMER_SERVICE, flags, timestamp,
                            settings.events()).toFrame());
                    log.debug("Sent Streaming Request for {}", settings.events());
                    listener.onConnected(info);
                }
                case MessageType.NULL -> {
                    stats.keepAlives.incrementAndGet();
                    writer.write(Frame.nullMessage());
                }
                case MessageType.ERROR -> {
                    ErrorMessage error = ErrorMessage.decode(frame.payload());
                    stats.serverErrors.incrementAndGet();
                    listener.onServerError(error);
                    throw new FmcErrorException(error);
                }
                case MessageType.EVENT_DATA -> {
                    stats.records.incrementAndGet();
                    listener.onRecord(frame.payload());
                    writer.write(Frame.nullMessage());
                }
                case MessageType.MESSAGE_BUNDLE -> {
                    MessageBundle bundle = MessageBundle.decode(frame.payload());
                    stats.bundles.incrementAndGet();
                    for (byte[] item : bundle.items()) {
                        stats.records.incrementAndGet();
                        listener.onRecord(item);
                    }
                    writer.write(Frame.nullMessage());
                }
                default -> {
                    if (unexpectedTypesLogged.add(frame.type())) {
                        log.warn("Skipping unexpected {} from {} (logged once per type): {}",
                                MessageType.name(frame.type()), settings.server(), Hex.prefix(frame.payload(), 64));
                    }
                    writer.write(Frame.nullMessage());
                }
            }
        }
    }

    private void checkIdle(long lastData) throws IOException {
        Duration idle = settings.idleTimeout();
        if (!idle.isZero() && System.nanoTime() - lastData > idle.toNanos()) {
            throw new SocketTimeoutException("no data or keep-alive from the FMC for " + idle.toSeconds()
                    + " s (idleTimeout)");
        }
    }

    private void describeDisconnect(Throwable cause, Duration delay) {
        String retry = String.format("reconnecting in %.1f s", delay.toMillis() / 1000.0);
        if (cause instanceof ProtocolException) {
            stats.protocolErrors.incrementAndGet();
            log.error("Protocol error from {}: {}; dropping the connection, {}", settings.server(), cause.getMessage(), retry);
        } else if (cause instanceof FmcErrorException e) {
            log.error("The FMC {} sent error {}: {}; {}", settings.server(), e.error().code(), e.error().text(), retry);
        } else if (cause instanceof javax.net.ssl.SSLHandshakeException) {
            log.error("TLS handshake with {} failed: {}. Check that the PKCS#12 was issued by this FMC and not "
                    + "revoked, and run `estreamer test`; {}", settings.server(), cause.getMessage(), retry);
        } else if (cause instanceof EOFException && cause.getMessage() != null
                && cause.getMessage().startsWith("the FMC closed")) {
            log.warn("{} closed the connection (if this happens right after connecting, the FMC may reject the "
                    + "client certificate or the source address: see `estreamer test`); {}", settings.server(), retry);
        } else if (cause != null) {
            log.warn("Connection to {} lost: {}; {}", settings.server(), cause.toString(), retry);
        } else {
            log.warn("Connection to {} ended; {}", settings.server(), retry);
        }
    }

    private static String describeTimestamp(long t) {
        if (t == EventStreamRequest.GENESIS) {
            return "the oldest data (0)";
        }
        if (t == EventStreamRequest.NOW) {
            return "now (0xFFFFFFFF)";
        }
        return t + " (" + java.time.Instant.ofEpochSecond(t) + ")";
    }

    private boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return !stopped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void closeSocket() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a broken socket: nothing to do
            }
        }
    }
}
