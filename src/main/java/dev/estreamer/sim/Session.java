package dev.estreamer.sim;

import dev.estreamer.wire.ErrorMessage;
import dev.estreamer.wire.EventStreamRequest;
import dev.estreamer.wire.EventVersion;
import dev.estreamer.wire.Frame;
import dev.estreamer.wire.FrameReader;
import dev.estreamer.wire.FrameWriter;
import dev.estreamer.wire.Hex;
import dev.estreamer.wire.MessageBundle;
import dev.estreamer.wire.MessageType;
import dev.estreamer.wire.ProtocolException;
import dev.estreamer.wire.StreamingInformation;
import dev.estreamer.wire.StreamingRequest;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FMC side of one client connection: handshake, request, then streaming with flow control,
 * keep-alives and injected faults. One thread writes (this one); a second only reads the client's
 * Nulls, so a client that stops reading cannot stop the simulator from noticing acknowledgements.
 */
final class Session implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    private static final int INVALID_REQUEST = -1;

    private final Simulator simulator;
    private final SimulatorConfig config;
    private final Socket socket;
    private final long connectionId;
    private final Faults.Pending faults;
    private final String remote;
    private final Object lock = new Object();

    private static final long LINGER_MILLIS = 2000;

    private FrameWriter writer;
    private volatile boolean acksRunning;
    private OutputStream out;
    private volatile boolean open = true;
    private volatile EventStreamRequest request;
    private volatile List<EventVersion> versions = List.of();
    private volatile long recordsSent;
    private volatile long bundlesSent;
    // guarded by lock
    private long unitsSent;
    private long unitsAcked;
    private long nullsReceived;
    private long lastWriteNanos;
    private long lastArchiveTimestamp;

    Session(Simulator simulator, Socket socket, long connectionId, Faults.Pending faults) {
        this.simulator = simulator;
        this.config = simulator.config();
        this.socket = socket;
        this.connectionId = connectionId;
        this.faults = faults;
        InetSocketAddress peer = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.remote = peer == null ? "?" : peer.getAddress().getHostAddress() + ":" + peer.getPort();
    }

    long connectionId() {
        return connectionId;
    }

    SessionInfo info() {
        EventStreamRequest r = request;
        synchronized (lock) {
            return new SessionInfo(connectionId, remote, r == null ? null : r.flags(),
                    r == null ? 0 : r.initialTimestamp(), versions, recordsSent, bundlesSent, nullsReceived, open);
        }
    }

    @Override
    public void run() {
        try {
            serve();
        } catch (IOException e) {
            if (open) {
                LOG.info("Connection {} from {} ended: {}", connectionId, remote, e.toString());
            }
        } catch (RuntimeException e) {
            LOG.warn("Connection {} from {} failed", connectionId, remote, e);
        } finally {
            close(); // the session stays in the simulator's map so its counters outlive the connection
        }
    }

    /** Closes the socket and wakes the writer; safe from any thread. */
    void close() {
        synchronized (lock) {
            open = false;
            lock.notifyAll();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void serve() throws IOException {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, config.handshakeTimeout().toMillis()));
        if (socket instanceof SSLSocket tls) {
            tls.startHandshake();
            var failure = PeerCheck.verify(config.peerCheck(), tls.getSession(), socket.getInetAddress());
            if (failure.isPresent()) {
                // an FMC says nothing to a client that fails the post-connection check
                LOG.warn("Closing connection from {}: {}", remote, failure.get());
                return;
            }
        }
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        writer = new FrameWriter(out);
        FrameReader reader = new FrameReader(new BufferedInputStream(socket.getInputStream()), config.maxClientMessage());
        Subscription subscription = handshake(reader);
        if (subscription == null) {
            return;
        }
        socket.setSoTimeout(0);
        Thread acks = new Thread(() -> readAcks(reader), "sim-acks-" + connectionId);
        acks.setDaemon(true);
        acksRunning = true;
        acks.start();
        stream(subscription);
    }

    /** Reads the Event Stream Request (and the extended handshake); null when the session must end. */
    private Subscription handshake(FrameReader reader) throws IOException {
        EventStreamRequest esr;
        try {
            Frame first = reader.read();
            if (first == null) {
                return null;
            }
            if (first.type() != MessageType.EVENT_STREAM_REQUEST) {
                return refuse("expected an Event Stream Request first, got " + MessageType.name(first.type()));
            }
            esr = EventStreamRequest.decode(first.payload());
        } catch (ProtocolException e) {
            return refuse(e.getMessage());
        }
        request = esr;
        LOG.info("Accepted connection {} from {}, request flags {} {} initial timestamp {}", connectionId, remote,
                esr.flags().hex(), esr.flags().fmcWording(), esr.initialTimestamp());
        long now = System.currentTimeMillis() / 1000;
        if (!esr.flags().has(dev.estreamer.wire.RequestFlags.EXTENDED)) {
            return Subscription.of(esr.initialTimestamp(), esr.flags(), now);
        }
        writer.write(StreamingInformation.fmcDefault().toFrame());
        while (true) {
            Frame frame;
            try {
                frame = reader.read();
            } catch (ProtocolException e) {
                return refuse(e.getMessage());
            }
            if (frame == null) {
                return null;
            }
            if (frame.type() == MessageType.NULL) {
                continue; // eNcore acknowledges the Streaming Information too
            }
            if (frame.type() != MessageType.STREAMING_REQUEST) {
                return refuse("expected a Streaming Request, got " + MessageType.name(frame.type()));
            }
            StreamingRequest sr;
            try {
                sr = StreamingRequest.decode(frame.payload());
            } catch (ProtocolException e) {
                return refuse(e.getMessage());
            }
            if (sr.serviceId() != StreamingRequest.ESTREAMER_SERVICE) {
                return refuse("Streaming Request for unknown service " + sr.serviceId());
            }
            if (sr.flags().value() != esr.flags().value() || sr.initialTimestamp() != esr.initialTimestamp()) {
                LOG.info("Connection {}: Streaming Request flags {} / timestamp {} differ from the Event Stream"
                        + " Request's; using the Streaming Request's", connectionId, sr.flags(), sr.initialTimestamp());
            }
            request = new EventStreamRequest(sr.initialTimestamp(), sr.flags());
            versions = sr.events();
            LOG.info("Connection {} streaming request: {}", connectionId,
                    sr.events().stream().map(EventVersion::toString).collect(Collectors.joining(", ")));
            return new Subscription(sr.initialTimestamp(), sr.flags(), sr.events(), now);
        }
    }

    private Subscription refuse(String why) throws IOException {
        LOG.warn("Connection {} from {}: invalid request: {}", connectionId, remote, why);
        writer.write(new ErrorMessage(INVALID_REQUEST, "Invalid request").toFrame());
        linger();
        return null;
    }

    private void readAcks(FrameReader reader) {
        try {
            while (open) {
                Frame frame = reader.read();
                if (frame == null) {
                    break;
                }
                if (frame.type() == MessageType.NULL) {
                    synchronized (lock) {
                        nullsReceived++;
                        // one Null acknowledges one bundle; surplus Nulls (eNcore acks everything) are harmless
                        unitsAcked = Math.min(unitsAcked + 1, unitsSent);
                        lock.notifyAll();
                    }
                } else if (frame.type() == MessageType.ERROR) {
                    ErrorMessage error = ErrorMessage.decode(frame.payload());
                    LOG.info("Connection {}: client sent error {} \"{}\"; closing", connectionId, error.code(), error.text());
                    break;
                } else {
                    LOG.info("Connection {}: ignoring unexpected {} from the client", connectionId,
                            MessageType.name(frame.type()));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (open) {
                LOG.info("Connection {}: client stream ended: {}", connectionId, e.toString());
            }
        }
        close();
    }

    private void stream(Subscription subscription) throws IOException {
        EventSource.Cursor cursor = config.source().open(subscription);
        boolean bundled = subscription.extended();
        long window = bundled ? config.ackWindow() : (long) config.ackWindow() * config.recordsPerBundle();
        boolean archive = subscription.wantsArchiveTimestamps();
        synchronized (lock) {
            lastWriteNanos = System.nanoTime();
        }
        long sent = 0;
        while (open) {
            for (Fault fault : faults.claim(sent)) {
                LOG.info("Connection {}: injecting fault {}", connectionId, fault);
                if (!fire(fault, bundled, archive)) {
                    return;
                }
            }
            long room = awaitWindow(window);
            if (room <= 0) {
                return;
            }
            long limit = Math.min(config.recordsPerBundle(), faults.nextBoundary(sent) - sent);
            if (!bundled) {
                limit = Math.min(limit, room);
            }
            List<byte[]> batch = new ArrayList<>();
            while (batch.size() < limit && cursor.hasNext() && cursor.nanosUntilNext() <= 0) {
                SourceRecord record = cursor.next();
                if (!record.metadata()) {
                    lastArchiveTimestamp = record.archiveTimestamp();
                }
                batch.add(record.payload(archive, config.netmapId()));
            }
            if (!batch.isEmpty()) {
                send(batch, bundled);
                sent += batch.size();
                continue;
            }
            long waitNanos = cursor.hasNext() ? Math.max(1, cursor.nanosUntilNext()) : Long.MAX_VALUE;
            idle(waitNanos);
        }
    }

    /** Sends {@code batch} as one bundle, or as plain EventData messages. */
    private void send(List<byte[]> batch, boolean bundled) throws IOException {
        if (bundled) {
            long sequence = bundlesSent + 1;
            Frame frame = new MessageBundle(connectionId, sequence, batch).toFrame(config.itemFraming() == ItemFraming.GUIDE);
            write(frame.encode(), 1);
            bundlesSent = sequence;
            simulator.countBundle();
        } else {
            for (byte[] payload : batch) {
                write(new Frame(MessageType.EVENT_DATA, payload).encode(), 1);
            }
        }
        recordsSent += batch.size();
        simulator.countRecords(batch.size());
    }

    /** Writes raw message bytes; {@code units} is what the client owes Nulls for. */
    private void write(byte[] bytes, int units) throws IOException {
        synchronized (lock) {
            unitsSent += units;
        }
        out.write(bytes);
        out.flush();
        synchronized (lock) {
            lastWriteNanos = System.nanoTime();
        }
    }

    /** Waits until fewer than {@code window} units are unacknowledged; the room left, or 0 if closed. */
    private long awaitWindow(long window) throws IOException {
        while (true) {
            long keepAliveIn;
            synchronized (lock) {
                if (!open) {
                    return 0;
                }
                long inFlight = unitsSent - unitsAcked;
                if (inFlight < window) {
                    return window - inFlight;
                }
                keepAliveIn = keepAliveIn();
                if (keepAliveIn > 0) {
                    waitNanos(keepAliveIn);
                    continue;
                }
            }
            keepAlive();
        }
    }

    /** Nothing to send for up to {@code nanos}: waits, sending a Null whenever the keep-alive is due. */
    private void idle(long nanos) throws IOException {
        long deadline = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + nanos;
        while (open) {
            long keepAliveIn;
            synchronized (lock) {
                keepAliveIn = keepAliveIn();
                long remaining = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                if (keepAliveIn > 0) {
                    waitNanos(Math.min(remaining, keepAliveIn));
                    if (deadline != Long.MAX_VALUE && deadline - System.nanoTime() <= 0) {
                        return;
                    }
                    continue;
                }
            }
            keepAlive();
        }
    }

    private long keepAliveIn() {
        return lastWriteNanos + config.keepAlive().toNanos() - System.nanoTime();
    }

    private void keepAlive() throws IOException {
        writer.write(Frame.nullMessage());
        synchronized (lock) {
            lastWriteNanos = System.nanoTime();
        }
    }

    /** Caller holds {@code lock}. */
    private void waitNanos(long nanos) {
        try {
            long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos));
            lock.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
    }

    /**
     * Ends our side gracefully and waits (briefly) for the client to close: closing a socket with
     * unread client Nulls sends a reset, which can destroy the last message before the client reads it.
     */
    private void linger() {
        try {
            if (!(socket instanceof SSLSocket)) {
                socket.shutdownOutput();
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
            if (acksRunning) {
                synchronized (lock) {
                    while (open && deadline - System.nanoTime() > 0) {
                        waitNanos(deadline - System.nanoTime());
                    }
                }
                return;
            }
            socket.setSoTimeout((int) LINGER_MILLIS);
            byte[] sink = new byte[4096];
            while (deadline - System.nanoTime() > 0 && socket.getInputStream().read(sink) >= 0) {
                // discard what the client still sends until it closes
            }
        } catch (IOException e) {
            // the client is gone already
        }
    }

    /** Injects {@code fault}; false when the session ends with it. */
    private boolean fire(Fault fault, boolean bundled, boolean archive) throws IOException {
        simulator.countFault();
        switch (fault.kind()) {
            case DROP -> {
                // no Error message, mid-stream, like a crashed FMC process; not a TCP reset, which would
                // destroy records already on their way and make "after N records" untestable
                linger();
                return false;
            }
            case ERROR -> {
                writer.write(new ErrorMessage(fault.errorCode(), fault.errorText()).toFrame());
                linger();
                return false;
            }
            case STALL -> {
                long deadline = System.nanoTime() + fault.stall().toNanos();
                synchronized (lock) {
                    while (open && deadline - System.nanoTime() > 0) {
                        waitNanos(deadline - System.nanoTime());
                    }
                    lastWriteNanos = System.nanoTime();
                }
                return open;
            }
            case CORRUPT -> {
                write(corrupt(fault.corruption(), bundled, archive), 1);
                if (bundled) {
                    bundlesSent++;
                    simulator.countBundle();
                }
                return true;
            }
            case BAD_VERSION -> {
                out.write(Hex.parse("0002 0000 00000000"));
                out.flush();
                linger();
                return false;
            }
            case OVERLONG_LENGTH -> {
                out.write(Hex.parse("0001 0fa2 7ffffff0"));
                out.flush();
                linger();
                return false;
            }
            default -> throw new IllegalStateException(fault.kind().toString());
        }
    }

    /** A well-framed message carrying one broken record. */
    private byte[] corrupt(Fault.Corruption corruption, boolean bundled, boolean archive) {
        long ts = lastArchiveTimestamp;
        byte[] item;
        switch (corruption) {
            case IMPOSSIBLE_RECORD_LENGTH -> {
                ByteBuffer b = ByteBuffer.allocate(archive ? 32 : 24);
                b.putInt(Subscription.CONNECTION_RECORD).putInt(0xFFFFFF00);
                if (archive) {
                    b.putInt((int) ts).putInt(0);
                }
                item = b.array();
            }
            case GARBAGE -> {
                byte[] body = new byte[120];
                new Random(connectionId).nextBytes(body);
                // a block header no decoder can honour where the connection block should start
                ByteBuffer.wrap(body).putInt(56, 160).putInt(60, 0x7FFFFFFF);
                item = new SourceRecord(Subscription.CONNECTION_RECORD, ts, false, true, body).payload(archive, 0);
            }
            case TRUNCATED_ITEM -> {
                if (!bundled) {
                    return new Frame(MessageType.EVENT_DATA, new byte[] {0, 0, 0, 71, 0}).encode();
                }
                // the item header claims 1000 bytes, the bundle (whose own length is right) holds 24
                ByteBuffer b = ByteBuffer.allocate(8 + 8 + 24);
                b.putInt((int) connectionId).putInt((int) (bundlesSent + 1));
                b.putInt(MessageType.EVENT_DATA).putInt(1000).put(new byte[24]);
                return new Frame(MessageType.MESSAGE_BUNDLE, b.array()).encode();
            }
            default -> throw new IllegalStateException(corruption.toString());
        }
        if (!bundled) {
            return new Frame(MessageType.EVENT_DATA, item).encode();
        }
        return new MessageBundle(connectionId, bundlesSent + 1, List.of(item))
                .toFrame(config.itemFraming() == ItemFraming.GUIDE).encode();
    }
}
