package dev.estreamer.sink.syslog;

import dev.estreamer.sink.Batch;
import dev.estreamer.sink.Framing;
import dev.estreamer.sink.Observer;
import dev.estreamer.sink.SinkException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syslog over TCP (LF or octet-counting framing) or TLS (RFC 5425: octet counting, the receiver's certificate
 * checked against the configured CA and its name against the configured host).
 *
 * <p>A batch is acknowledged once all its bytes were written and flushed to the socket. A broken connection
 * (write error, or the receiver closing it, which a watcher thread notices at once) hands the batch back for
 * retry; the next publish reconnects (the pipeline paces the attempts with its growing back-off). Because TCP
 * gives no receipt, the last {@code replayBytes} written on the broken connection are sent again first on the
 * new one: the receiver may see duplicates, never a gap. A receiver that stops reading blocks the write, which
 * is back-pressure all the way to the FMC socket.
 */
final class StreamSyslogSink implements SyslogSink {
    private static final Logger log = LoggerFactory.getLogger(StreamSyslogSink.class);
    private final SyslogSinkConfig config;
    private final SyslogHeader header;
    private final Framing framing;
    private final AtomicLong connections = new AtomicLong();
    private final ArrayDeque<byte[]> recent = new ArrayDeque<>();
    private long recentBytes;
    private volatile Observer observer = Observer.NONE;
    private volatile Connection connection;
    private boolean replayPending;
    private volatile boolean closed;

    StreamSyslogSink(SyslogSinkConfig config) {
        this.config = config;
        this.header = new SyslogHeader(config.header(), config.facility(), config.severity(), config.hostname(),
                config.appName(), config.zone());
        this.framing = config.transport() == SyslogSinkConfig.Transport.TLS ? Framing.OCTET_COUNTING : config.framing();
    }

    @Override
    public SyslogSink observedBy(Observer o) {
        this.observer = o;
        return this;
    }

    @Override
    public synchronized void publish(Batch batch) {
        int n = batch.payloads().size();
        observer.accepted(n);
        if (closed) {
            batch.retry(batch.payloads(), new SinkException(this + " is closed"));
            observer.retried(n);
            return;
        }
        if (n == 0) {
            batch.acknowledge();
            return;
        }
        long bytes = 0;
        try {
            if (connection != null && connection.broken) {
                log.info("{}: the receiver closed the connection; reconnecting", this);
                drop();
            }
            if (connection == null) {
                connection = connect();
                if (replayPending && !recent.isEmpty()) {
                    log.info("{}: resending the last {} message(s) written before the connection broke", this,
                            recent.size());
                    for (byte[] framed : recent) {
                        connection.out.write(framed);
                    }
                }
                replayPending = false;
            }
            byte[] prefix = header.at(config.clock().instant());
            for (int i = 0; i < n; i++) {
                byte[] payload = batch.payloads().get(i).bytes();
                byte[] message = new byte[prefix.length + payload.length];
                System.arraycopy(prefix, 0, message, 0, prefix.length);
                System.arraycopy(payload, 0, message, prefix.length, payload.length);
                byte[] framed = framing.frame(message);
                connection.out.write(framed);
                remember(framed);
                bytes += framed.length;
            }
            connection.out.flush();
        } catch (IOException | RuntimeException e) {
            drop();
            batch.retry(batch.payloads(), new SinkException("cannot write to " + this + ": " + e.getMessage(), e));
            observer.retried(n);
            return;
        }
        observer.bytes(bytes);
        batch.acknowledge();
        observer.acknowledged(n);
    }

    private void remember(byte[] framed) {
        if (config.replayBytes() == 0) {
            return;
        }
        recent.addLast(framed);
        recentBytes += framed.length;
        while (recentBytes > config.replayBytes() && !recent.isEmpty()) {
            recentBytes -= recent.removeFirst().length;
        }
    }

    private Connection connect() throws IOException {
        Socket socket = config.transport() == SyslogSinkConfig.Transport.TLS
                ? config.tls().getSocketFactory().createSocket() : new Socket();
        try {
            int timeout = (int) Math.max(1, config.connectTimeout().toMillis());
            socket.connect(new InetSocketAddress(config.host(), config.port()), timeout);
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            if (socket instanceof SSLSocket tls) {
                SSLParameters p = tls.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name config.host()
                tls.setSSLParameters(p);
                tls.setSoTimeout(timeout);
                tls.startHandshake();
                tls.setSoTimeout(0);
            }
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        connections.incrementAndGet();
        Connection c = new Connection(socket);
        c.watch(toString());
        log.info("{}: connected", this);
        return c;
    }

    /** Closes the current connection (if any) and arranges for the recent bytes to be sent again. */
    private void drop() {
        if (connection != null) {
            connection.close();
            connection = null;
            replayPending = true;
        }
    }

    @Override
    public long truncated() {
        return 0;
    }

    @Override
    public long connections() {
        return connections.get();
    }

    /** Not synchronized: closing the socket also frees a publish blocked on a receiver that stopped reading. */
    @Override
    public void close() {
        closed = true;
        Connection c = connection;
        if (c != null) {
            c.close(); // every batch ended flushed, so nothing acknowledged is lost here
        }
    }

    @Override
    public String toString() {
        return "syslog " + config.transport().name().toLowerCase(java.util.Locale.ROOT) + "://" + config.host() + ":"
                + config.port();
    }

    /** One socket with a thread that notices when the receiver closes or resets it. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private volatile boolean broken;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        }

        void watch(String name) throws IOException {
            InputStream in = socket.getInputStream();
            Thread t = new Thread(() -> {
                byte[] discard = new byte[512];
                try {
                    while (in.read(discard) >= 0) {
                        // syslog receivers send nothing; anything read is ignored
                    }
                } catch (IOException e) {
                    // reset, or closed by us
                }
                broken = true;
            }, name + " watcher");
            t.setDaemon(true);
            t.start();
        }

        void close() {
            broken = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken socket may fail; it is gone either way
            }
        }
    }
}
