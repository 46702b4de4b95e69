package dev.estreamer.sim;

import dev.estreamer.wire.ErrorMessage;
import dev.estreamer.wire.EventStreamRequest;
import dev.estreamer.wire.EventVersion;
import dev.estreamer.wire.Frame;
import dev.estreamer.wire.FrameReader;
import dev.estreamer.wire.FrameWriter;
import dev.estreamer.wire.MessageBundle;
import dev.estreamer.wire.MessageType;
import dev.estreamer.wire.RequestFlags;
import dev.estreamer.wire.StreamingInformation;
import dev.estreamer.wire.StreamingRequest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** A bare eStreamer client for tests, built only on the wire package: no session logic of ours. */
final class RawClient implements AutoCloseable {
    /** One record as received: where it came from and how its header looked. */
    record Received(long bundleSequence, int typeWord, int headerLength, long archiveTimestamp, byte[] payload) {
        int recordType() {
            return typeWord & 0xFFFF;
        }

        int netmapId() {
            return (typeWord >>> 16) & 0x7FFF;
        }

        byte[] body() {
            return java.util.Arrays.copyOfRange(payload, headerLength, payload.length);
        }

        static Received parse(long sequence, byte[] payload) {
            ByteBuffer b = ByteBuffer.wrap(payload);
            int word = b.getInt();
            long length = Integer.toUnsignedLong(b.getInt());
            int header = payload.length == 16 + length ? 16 : payload.length == 8 + length ? 8 : -1;
            long ts = header == 16 ? Integer.toUnsignedLong(b.getInt()) : 0;
            return new Received(sequence, word, header, ts, payload);
        }
    }

    private final Socket socket;
    private final FrameReader reader;
    private final FrameWriter writer;
    final List<Long> bundleSequences = new ArrayList<>();
    final List<Long> connectionIds = new ArrayList<>();
    int nullsReceived;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(5000);
        this.reader = new FrameReader(new BufferedInputStream(socket.getInputStream()), 16 * 1024 * 1024);
        this.writer = new FrameWriter(socket.getOutputStream());
    }

    static RawClient connect(int port) throws IOException {
        return new RawClient(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    static RawClient connect(int port, SSLContext context) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        s.startHandshake();
        return new RawClient(s);
    }

    /** A client TLS context from an FMC-style PKCS#12 and the CA certificate, with the JDK alone. */
    static SSLContext tls(Path clientP12, char[] password, Path caCertificate) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(clientP12)) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caCertificate)) {
            trust.setCertificateEntry("ca", (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    void timeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    void send(Frame frame) throws IOException {
        writer.write(frame);
    }

    void sendRaw(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    void ack() throws IOException {
        send(Frame.nullMessage());
    }

    /** Next frame; null on EOF; throws SocketTimeoutException when nothing comes in time. */
    Frame read() throws IOException {
        return reader.read();
    }

    /** Sends the Event Stream Request and, for extended flags, answers the Streaming Information like eNcore. */
    void request(long initialTimestamp, RequestFlags flags) throws IOException {
        request(initialTimestamp, flags, StreamingRequest.defaultEvents());
    }

    void request(long initialTimestamp, RequestFlags flags, List<EventVersion> events) throws IOException {
        send(new EventStreamRequest(initialTimestamp, flags).toFrame());
        if (flags.has(RequestFlags.EXTENDED)) {
            Frame info = read();
            if (info == null || info.type() != MessageType.STREAMING_INFORMATION) {
                throw new IOException("expected Streaming Information, got " + info);
            }
            if (!StreamingInformation.decode(info.payload()).offers(StreamingRequest.ESTREAMER_SERVICE)) {
                throw new IOException("service 6667 not offered");
            }
            ack(); // eNcore acknowledges every message, this one included
            send(new StreamingRequest(StreamingRequest.ESTREAMER_SERVICE, flags, initialTimestamp, events).toFrame());
        }
    }

    /**
     * Reads until {@code expected} records arrived or nothing came for {@code quiet}; acks each
     * bundle (or message) when {@code ack}. Errors and EOF end the read.
     */
    List<Received> records(int expected, Duration quiet, boolean ack) throws IOException {
        List<Received> out = new ArrayList<>();
        timeout(quiet);
        // keep-alive Nulls do not count as activity: stop once no record came for {@code quiet}
        long deadline = System.nanoTime() + quiet.toNanos();
        while (out.size() < expected && deadline - System.nanoTime() > 0) {
            Frame frame;
            try {
                frame = read();
            } catch (SocketTimeoutException e) {
                break;
            } catch (java.net.SocketException e) {
                reset = true; // an abrupt close: what arrived before it still counts
                break;
            }
            if (frame == null) {
                break;
            }
            int before = out.size();
            try {
                if (!collect(frame, out, ack)) {
                    break;
                }
            } catch (java.net.SocketException e) {
                reset = true; // the ack hit a reset connection; the records are still ours
                break;
            }
            if (out.size() > before) {
                deadline = System.nanoTime() + quiet.toNanos();
            }
        }
        return out;
    }

    /** Adds the records of {@code frame}; false on an Error message. */
    boolean collect(Frame frame, List<Received> out, boolean ack) throws IOException {
        switch (frame.type()) {
            case MessageType.MESSAGE_BUNDLE -> {
                MessageBundle bundle = MessageBundle.decode(frame.payload());
                bundleSequences.add(bundle.sequence());
                connectionIds.add(bundle.connectionId());
                bundle.items().forEach(i -> out.add(Received.parse(bundle.sequence(), i)));
                if (ack) {
                    ack();
                }
            }
            case MessageType.EVENT_DATA -> {
                out.add(Received.parse(0, frame.payload()));
                if (ack) {
                    ack();
                }
            }
            case MessageType.NULL -> nullsReceived++;
            case MessageType.ERROR -> {
                lastError = ErrorMessage.decode(frame.payload());
                return false;
            }
            default -> throw new IOException("unexpected " + frame);
        }
        return true;
    }

    ErrorMessage lastError;
    /** Whether a read saw the connection reset. */
    boolean reset;

    /** Whether the server closed the connection (EOF or reset) within {@code wait}. */
    boolean closedWithin(Duration wait) throws IOException {
        if (reset) {
            return true;
        }
        timeout(wait);
        try {
            while (true) {
                Frame f = read();
                if (f == null) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset, or EOF inside a frame
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
