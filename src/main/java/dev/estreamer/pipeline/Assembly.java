package dev.estreamer.pipeline;

import dev.estreamer.config.Adapter;
import dev.estreamer.config.ConfigException;
import dev.estreamer.config.EstreamerConfig;
import dev.estreamer.config.EventVersionOverride;
import dev.estreamer.config.Outputter;
import dev.estreamer.config.Server;
import dev.estreamer.config.StartMode;
import dev.estreamer.config.StreamUri;
import dev.estreamer.config.SyslogOptions;
import dev.estreamer.config.SubscriptionRecords;
import dev.estreamer.config.TlsVersion;
import dev.estreamer.decode.RecordDecoder;
import dev.estreamer.filter.RecordFilter;
import dev.estreamer.format.EcsFormatter;
import dev.estreamer.format.Formatter;
import dev.estreamer.format.CefFormatter;
import dev.estreamer.format.CefOptions;
import dev.estreamer.format.JsonFormatter;
import dev.estreamer.format.KvFormatter;
import dev.estreamer.session.Connector;
import dev.estreamer.session.Pkcs12Credentials;
import dev.estreamer.session.SessionSettings;
import dev.estreamer.session.TlsContexts;
import dev.estreamer.sink.Framing;
import dev.estreamer.sink.Sink;
import dev.estreamer.sink.SinkException;
import dev.estreamer.sink.syslog.SyslogHeader;
import dev.estreamer.sink.syslog.SyslogSink;
import dev.estreamer.sink.syslog.SyslogSinkConfig;
import dev.estreamer.sink.syslog.SyslogTls;
import dev.estreamer.sink.file.FileSinkConfig;
import dev.estreamer.sink.file.FlushPolicy;
import dev.estreamer.sink.file.StdoutSink;
import dev.estreamer.wire.EventVersion;
import dev.estreamer.wire.RequestFlags;
import dev.estreamer.wire.StreamingRequest;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps a validated configuration onto running pipelines: one per configured FMC. */
public final class Assembly {
    private static final Logger log = LoggerFactory.getLogger(Assembly.class);
    /** A session with neither data nor keep-alive for this long is presumed dead and reconnected. */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

    private Assembly() {
    }

    /** The request flags a configuration produces (eNcore's computation, bit for bit). */
    public static RequestFlags flags(SubscriptionRecords r) {
        return RequestFlags.of(r.packetData(), r.impactEventAlerts(), r.intrusion(), r.metadata(),
                r.archiveTimestamps(), r.eventExtraData(), r.extended());
    }

    /** The (event type, version) pairs of the Streaming Request. */
    public static List<EventVersion> events(List<EventVersionOverride> overrides) {
        if (overrides.isEmpty()) {
            return StreamingRequest.defaultEvents();
        }
        return overrides.stream().map(o -> new EventVersion(o.eventType(), o.version())).toList();
    }

    /**
     * Builds (does not start) the pipelines of every configured server.
     *
     * @param passwords the PKCS#12 password of a server (resolved by the caller: env, file or prompt)
     */
    public static List<FmcPipeline> build(EstreamerConfig config, Function<Server, char[]> passwords) {
        List<Server> servers = config.subscription().servers();
        Sink sharedStdout = null;
        List<FmcPipeline> pipelines = new ArrayList<>();
        for (Server server : servers) {
            Pkcs12Credentials credentials = Pkcs12Credentials.load(server.pkcs12File(), passwords.apply(server));
            SSLContext tls = TlsContexts.client(credentials, server.verifyServerCertificate());
            Connector connector = tlsConnector(tls, server);
            List<Output> outputs = new ArrayList<>();
            List<Outputter> outputters = config.handler().enabledOutputters();
            for (int i = 0; i < outputters.size(); i++) {
                Outputter o = outputters.get(i);
                String key = "handler.outputters[" + config.handler().outputters().indexOf(o) + "]";
                Formatter formatter = formatter(o, key);
                Sink sink;
                if (o.uri().scheme() == StreamUri.Scheme.ELASTICSEARCH) {
                    formatter = new ElasticRouting(new EcsFormatter(o.elasticsearch().namespace()),
                            server.host() + ":" + server.port());
                    sink = ElasticOutputs.sink(o.elasticsearch(), key, config.dataDirectory(), o.name());
                } else if (o.uri().scheme() == StreamUri.Scheme.STDOUT) {
                    if (sharedStdout == null) {
                        sharedStdout = new StdoutSink();
                    }
                    sink = sharedStdout;
                } else if (o.uri().isSyslog()) {
                    sink = syslogSink(o, key);
                } else {
                    sink = fileSink(o, key, servers.size() > 1 ? server.fileStem() : null);
                }
                outputs.add(new Output(o.name(), formatter, sink));
            }
            pipelines.add(pipeline(config, server, connector, outputs));
        }
        return pipelines;
    }

    /** One pipeline for {@code server} with the given connector and outputs (the demo and tests use this too). */
    public static FmcPipeline pipeline(EstreamerConfig config, Server server, Connector connector, List<Output> outputs) {
        SessionSettings settings = new SessionSettings(server.host(), server.port(),
                flags(config.subscription().records()), events(config.subscription().events()),
                config.connectTimeout(), config.responseTimeout(), IDLE_TIMEOUT, config.maxMessageLength(),
                positive(config.reconnect().initialDelay()), max(config.reconnect().maxDelay(),
                        positive(config.reconnect().initialDelay())), config.reconnect().healthyAfter());
        BookmarkStore bookmarks = new BookmarkStore(
                BookmarkStore.fileFor(config.dataDirectory(), server.host(), server.port()));
        List<Outputter> enabled = config.handler().enabledOutputters();
        int batch = ElasticOutputs.batchSize(enabled, config.queues().batchSize());
        int capacity = Math.max(batch * 2, config.queues().queueSize() * config.queues().batchSize());
        return new FmcPipeline(server.name(), settings, connector, new RecordDecoder(),
                new RecordFilter(config.handler().records()), outputs, bookmarks, start(config.start()),
                batch, capacity, (long) config.queues().queueMegabytes() << 20, Duration.ofSeconds(1),
                enrichment(config, server), ElasticOutputs.batchWait(enabled));
    }

    private static Enrichment enrichment(EstreamerConfig config, Server server) {
        Enrichment e = Enrichment.persistent(Enrichment.fileFor(config.dataDirectory(), server.host(), server.port()));
        return config.enrich().hold() ? e.holdLateEvents(config.enrich().holdTime(), config.enrich().holdMax()) : e;
    }

    static FmcPipeline.Start start(StartMode mode) {
        return switch (mode) {
            case GENESIS -> FmcPipeline.Start.GENESIS;
            case NOW -> FmcPipeline.Start.NOW;
            case BOOKMARK -> FmcPipeline.Start.BOOKMARK;
        };
    }

    /** Opens a TCP connection and completes the TLS handshake within the connect timeout. */
    public static Connector tlsConnector(SSLContext tls, Server server) {
        return (host, port, timeout) -> {
            if (!server.verifyServerCertificate()) {
                log.warn("Connecting to {} WITHOUT verifying its certificate (verifyServerCertificate is false): "
                        + "anyone on the path can impersonate the FMC", server.name());
            }
            SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket();
            try {
                socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                // "auto" and "1.2" both mean TLS 1.2 or, when the FMC offers it, 1.3.
                TlsContexts.configure(socket, server.tlsVersion() == TlsVersion.TLS_1_3 ? "1.3" : "1.2");
                socket.setSoTimeout((int) timeout.toMillis());
                socket.startHandshake();
                return socket;
            } catch (java.io.IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        };
    }

    static Formatter formatter(Outputter o, String key) {
        if (o.adapter() == Adapter.CEF) {
            return new CefFormatter(new CefOptions(o.cef().deviceVersion(), o.cef().encoreCompatible(),
                    o.cef().ipv6InSourceDestination()));
        }
        return formatter(o.adapter(), key);
    }

    /** The formatter of an adapter without per-outputter options ({@code key} names it in errors). */
    public static Formatter formatter(Adapter adapter, String key) {
        if (adapter == Adapter.JSON) {
            return new JsonFormatter();
        }
        if (adapter == Adapter.SPLUNK) {
            return new KvFormatter();
        }
        if (adapter == Adapter.ECS) {
            return new EcsFormatter();
        }
        if (adapter == Adapter.CEF) {
            return new CefFormatter();
        }
        throw new ConfigException("configuration", List.of(key + ".adapter: \"" + adapter.word()
                + "\" is not a known output format; use json, splunk, cef or ecs"));
    }

    static Sink fileSink(Outputter o, String key, String serverDirectory) {
        StreamUri uri = o.uri();
        if (!uri.isFile()) {
            throw new ConfigException("configuration", List.of(key + ".stream.uri: " + uri.scheme().name().toLowerCase()
                    + ":// output is not available for this outputter; use file://, relfile://, stdout://, udp://, tcp://, tls:// or elasticsearch://"));
        }
        Path dir = serverDirectory == null ? uri.directory() : uri.directory().resolve(serverDirectory);
        FlushPolicy flush = switch (o.options().flush()) {
            case LINE -> FlushPolicy.LINE;
            case BATCH, INTERVAL -> FlushPolicy.BATCH;
        };
        return FileSinkConfig.defaults(dir).withFileName(uri.fileName())
                .withRotation(o.options().rotate(), o.options().maxLogs())
                .withFlush(flush).withFsync(o.options().fsync()).validate().build();
    }

    /** The syslog sink of a udp://, tcp:// or tls:// outputter. */
    public static SyslogSink syslogSink(Outputter o, String key) {
        StreamUri uri = o.uri();
        SyslogOptions opt = o.syslog();
        SyslogSinkConfig.Transport transport = switch (uri.scheme()) {
            case UDP -> SyslogSinkConfig.Transport.UDP;
            case TCP -> SyslogSinkConfig.Transport.TCP;
            case TLS -> SyslogSinkConfig.Transport.TLS;
            default -> throw new IllegalArgumentException(uri.text());
        };
        SyslogSinkConfig config = SyslogSinkConfig.defaults(transport, uri.host(), uri.port())
                .withHeader(opt.rfc5424() ? SyslogSinkConfig.HeaderFormat.RFC5424 : SyslogSinkConfig.HeaderFormat.RFC3164)
                .withPriority(opt.facility(), opt.severity())
                .withNames(opt.hostname() != null ? opt.hostname() : SyslogHeader.localHostName(), opt.appName())
                .withFraming(transport == SyslogSinkConfig.Transport.TLS || opt.octetCounting()
                        ? Framing.OCTET_COUNTING : Framing.NEWLINE)
                .withMaxDatagramSize(opt.maxDatagramSize()).withReplayBytes(opt.replayBytes());
        if (transport == SyslogSinkConfig.Transport.TLS) {
            char[] password = new char[0];
            if (opt.clientPkcs12() != null) {
                String value = System.getenv(opt.clientPkcs12PasswordEnv());
                if (value == null) {
                    throw new ConfigException("configuration", List.of(key + ".stream.options.clientPkcs12PasswordEnv: "
                            + "environment variable " + opt.clientPkcs12PasswordEnv() + " is not set (it holds the password of "
                            + opt.clientPkcs12() + ")"));
                }
                password = value.toCharArray();
            }
            try {
                config = config.withTls(SyslogTls.context(opt.caFile(), opt.clientPkcs12(), password));
            } catch (SinkException e) {
                throw new ConfigException("configuration", List.of(key + ".stream.options: " + e.getMessage()));
            }
        }
        try {
            return config.build();
        } catch (SinkException e) {
            throw new ConfigException("configuration", List.of(key + ".stream: " + e.getMessage()));
        }
    }

    private static Duration positive(Duration d) {
        return d.isZero() || d.isNegative() ? Duration.ofMillis(1) : d;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
