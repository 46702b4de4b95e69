package dev.estreamer.testing;

import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.filter.RecordFilter;
import dev.estreamer.format.JsonFormatter;
import dev.estreamer.pipeline.BookmarkStore;
import dev.estreamer.pipeline.FmcPipeline;
import dev.estreamer.pipeline.Output;
import dev.estreamer.session.Connector;
import dev.estreamer.session.Pkcs12Credentials;
import dev.estreamer.session.SessionSettings;
import dev.estreamer.session.TlsContexts;
import dev.estreamer.sink.file.FileSinkConfig;
import dev.estreamer.wire.RequestFlags;
import dev.estreamer.wire.StreamingRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A real client pipeline (TLS from a test PKCS#12, JSON files out) against a local port, with fast backoff. */
public final class ClientHarness {
    private ClientHarness() {
    }

    public static Connector tls(TestPki pki) {
        Pkcs12Credentials creds = Pkcs12Credentials.load(pki.clientPkcs12(), TestPki.PASSWORD.toCharArray());
        SSLContext context = TlsContexts.client(creds, true);
        return (host, port, timeout) -> {
            SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket();
            s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            TlsContexts.configure(s, "1.2");
            s.startHandshake();
            return s;
        };
    }

    public static SessionSettings settings(int port, RequestFlags flags, Duration idleTimeout) {
        return new SessionSettings("127.0.0.1", port, flags, StreamingRequest.defaultEvents(), Duration.ofSeconds(5),
                Duration.ofMillis(200), idleTimeout, 16 * 1024 * 1024, Duration.ofMillis(50), Duration.ofMillis(200),
                Duration.ofSeconds(60));
    }

    public static FmcPipeline pipeline(SessionSettings settings, Connector connector, Path dataDir, Path outDir,
            FmcPipeline.Start start) {
        Output json = new Output("json", new JsonFormatter(),
                FileSinkConfig.defaults(outDir).withFileName("events.{0}.json").withRotation(true, 25).validate().build());
        return new FmcPipeline("test", settings, connector, new RecordDecoder(), RecordFilter.all(), List.of(json),
                new BookmarkStore(BookmarkStore.fileFor(dataDir, settings.host(), settings.port())), start, 10, 100,
                Duration.ofMillis(100));
    }

    /** Every complete line of every file in {@code dir} (a line still being written is left out). */
    public static List<String> lines(Path dir) {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String text = Files.readString(f);
                int end = text.lastIndexOf('\n');
                if (end >= 0) {
                    out.addAll(text.substring(0, end).lines().toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Waits until {@code condition} holds or the timeout passes; returns whether it held. */
    public static boolean await(Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
