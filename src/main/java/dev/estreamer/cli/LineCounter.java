package dev.estreamer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A trivial syslog TCP receiver for the benchmark: accepts connections on loopback and counts the LF-terminated
 * messages and bytes it reads, discarding them. One thread per connection (the client reconnects, at most a few).
 */
final class LineCounter implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    private LineCounter(ServerSocket server) {
        this.server = server;
    }

    static LineCounter start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        LineCounter c = new LineCounter(s);
        Thread t = new Thread(c::accept, "bench syslog receiver");
        t.setDaemon(true);
        t.start();
        return c;
    }

    int port() {
        return server.getLocalPort();
    }

    long lines() {
        return lines.get();
    }

    long bytes() {
        return bytes.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> read(socket), "bench syslog connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void read(Socket socket) {
        byte[] buffer = new byte[256 * 1024];
        try (socket; InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
                lines.addAndGet(count);
                bytes.addAndGet(n);
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
