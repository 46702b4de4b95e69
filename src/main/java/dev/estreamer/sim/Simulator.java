package dev.estreamer.sim;

import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated FMC eStreamer service: listens, serves each client on its own thread with its own
 * connection id, and counts what it sent. {@link #stop()} closes everything and unblocks every thread.
 */
public final class Simulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    private final SimulatorConfig config;
    private final Faults.Ledger faults;
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicLong lastConnectionId = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong bundles = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong faultsFired = new AtomicLong();
    private final AtomicInteger threads = new AtomicInteger();
    private volatile ServerSocket server;
    private volatile ExecutorService pool;
    private volatile boolean running;

    public Simulator(SimulatorConfig config) {
        this.config = config;
        this.faults = config.faults().ledger();
    }

    /** Binds and starts accepting; returns this for chaining. */
    public synchronized Simulator start() {
        if (server != null) {
            throw new IllegalStateException("simulator already started");
        }
        try {
            ServerSocket socket = config.tls()
                    ? ServerTls.configure((SSLServerSocket) config.sslContext().getServerSocketFactory().createServerSocket())
                    : new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(config.bindAddress(), config.port()), 50);
            server = socket;
        } catch (IOException e) {
            throw new EstreamerException(Stage.SIMULATOR, "cannot listen on " + config.bindAddress().getHostAddress()
                    + ":" + config.port() + ": " + e.getMessage(), e);
        }
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sim-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
        pool.execute(this::accept);
        LOG.info("eStreamer simulator listening on {}:{} ({})", config.bindAddress().getHostAddress(), port(),
                config.tls() ? "mutual TLS, peer check " + config.peerCheck() : "plain TCP");
        return this;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        ServerSocket s = server;
        if (s == null) {
            throw new IllegalStateException("simulator not started");
        }
        return s.getLocalPort();
    }

    /** Stops listening, closes every connection and waits briefly for the threads to finish. */
    public void stop() {
        running = false;
        ServerSocket s = server;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        sessions.values().forEach(Session::close);
        ExecutorService p = pool;
        if (p != null) {
            p.shutdownNow();
            try {
                p.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    public SimulatorConfig config() {
        return config;
    }

    /** Connections accepted since start. */
    public long connections() {
        return connections.get();
    }

    /** Message Bundles sent, all connections together (corrupt-record bundles included). */
    public long bundlesSent() {
        return bundles.get();
    }

    /** Records sent, all connections together (injected corrupt records excluded). */
    public long recordsSent() {
        return records.get();
    }

    /** Faults injected so far. */
    public long faultsFired() {
        return faultsFired.get();
    }

    /** Records sent per connection id, oldest connection first. */
    public Map<Long, Long> recordsPerConnection() {
        Map<Long, Long> out = new LinkedHashMap<>();
        sessions().forEach(s -> out.put(s.connectionId(), s.recordsSent()));
        return out;
    }

    /** Snapshots of every connection seen since start, oldest first. */
    public List<SessionInfo> sessions() {
        List<SessionInfo> out = new ArrayList<>();
        sessions.values().forEach(s -> out.add(s.info()));
        out.sort(Comparator.comparingLong(SessionInfo::connectionId));
        return out;
    }

    private void accept() {
        while (running) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (SocketException e) {
                break; // closed by stop()
            } catch (IOException e) {
                if (running) {
                    LOG.warn("accept failed: {}", e.toString());
                }
                continue;
            }
            connections.incrementAndGet();
            long now = System.currentTimeMillis() / 1000;
            // like the FMC, the Unix second of the session start, kept unique for parallel clients
            long id = lastConnectionId.accumulateAndGet(now, (last, n) -> Math.max(last + 1, n)) & 0xFFFFFFFFL;
            Session session = new Session(this, socket, id, faults.forConnection());
            sessions.put(id, session);
            try {
                pool.execute(session);
            } catch (RuntimeException e) {
                session.close();
                break;
            }
            if (!running) {
                session.close();
            }
        }
    }

    void countBundle() {
        bundles.incrementAndGet();
    }

    void countRecords(int n) {
        records.addAndGet(n);
    }

    void countFault() {
        faultsFired.incrementAndGet();
    }
}
