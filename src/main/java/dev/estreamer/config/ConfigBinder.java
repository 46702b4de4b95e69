package dev.estreamer.config;

import static dev.estreamer.config.Keys.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a syntactically valid configuration tree into records, reporting problems and collecting notes. */
final class ConfigBinder {
    private final Path source;
    private final Path base;
    private final FileCheck fileCheck;
    private final Problems problems;
    private final List<String> notes = new ArrayList<>();

    ConfigBinder(Path source, FileCheck fileCheck, Problems problems) {
        this.source = source;
        this.base = source.getParent();
        this.fileCheck = fileCheck;
        this.problems = problems;
    }

    EstreamerConfig bind(JsonNode root) {
        Section top = new Section(root, "", "", problems);
        noteIgnored(top);
        String dataDir = top.get(DATA_DIRECTORY);
        Integer start = top.get(START);
        return new EstreamerConfig(source, top.get(ENABLED), StartMode.of(start),
                top.get(CONNECT_TIMEOUT), top.get(RESPONSE_TIMEOUT),
                dataDir == null ? base : resolve(dataDir), top.get(MAX_MESSAGE_LENGTH),
                reconnect(top), new Queues(top.get(BATCH_SIZE), top.get(QUEUE_SIZE), top.get(QUEUE_MEGABYTES)),
                new Monitor(top.get(MONITOR_PERIOD), top.get(MONITOR_HANDLED), top.get(MONITOR_BOOKMARK),
                        top.get(MONITOR_DETAILS)),
                logging(top), subscription(top), handler(top),
                new Enrich("hold".equals(top.get(ENRICH_LATE_METADATA)),
                        java.time.Duration.ofMillis(top.get(ENRICH_HOLD_MILLIS)), top.get(ENRICH_HOLD_MAX)),
                notes);
    }

    /** One note per ignored eNcore key present anywhere in the file, so nothing is dropped silently. */
    private void noteIgnored(Section top) {
        List<Section> scopes = new ArrayList<>(List.of(top));
        scopes.addAll(top.elements(SERVERS));
        scopes.addAll(top.elements(OUTPUTTERS));
        for (Section s : scopes) {
            for (Key<?> key : Keys.all()) {
                if (key.ignoredBecause() != null && inScope(s, key) && s.has(key)) {
                    s.get(key); // still type-checked
                    notes.add(s.path(key) + "=" + Section.show(s.raw(key)) + " ignored: " + key.ignoredBecause());
                }
            }
        }
    }

    private static boolean inScope(Section s, Key<?> key) {
        try {
            s.path(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Reconnect reconnect(Section top) {
        Reconnect r = new Reconnect(top.get(RECONNECT_INITIAL_DELAY), top.get(RECONNECT_MAX_DELAY),
                top.get(RECONNECT_HEALTHY_AFTER));
        if (r.maxDelay().compareTo(r.initialDelay()) < 0) {
            top.problem(RECONNECT_MAX_DELAY, "must be at least reconnect.initialDelay ("
                    + r.initialDelay().toMillis() / 1000.0 + " s), got " + r.maxDelay().toMillis() / 1000.0 + " s");
        }
        return r;
    }

    private Logging logging(Section top) {
        String file = top.get(LOGGING_FILEPATH);
        return new Logging(file.isBlank() ? null : resolve(file), LogLevel.of(top.get(LOGGING_LEVEL)),
                top.get(LOGGING_FORMAT), top.get(LOGGING_STDOUT), top.get(LOGGING_STDERR));
    }

    private Subscription subscription(Section top) {
        List<Section> serverSections = top.elements(SERVERS);
        if (top.has(SERVERS) && top.raw(SERVERS).isArray() && top.raw(SERVERS).isEmpty()) {
            top.problem(SERVERS, "list at least one FMC");
        }
        List<Server> servers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Section s : serverSections) {
            Server server = server(s);
            if (server.host() != null && !seen.add(server.fileStem())) {
                s.problem(SERVER_HOST, "duplicate server " + server.host() + ":" + server.port()
                        + " (both would share one bookmark)");
            }
            servers.add(server);
        }
        SubscriptionRecords records = new SubscriptionRecords(top.get(SUB_PACKET_DATA), top.get(SUB_IMPACT),
                top.get(SUB_INTRUSION), top.get(SUB_METADATA), top.get(SUB_ARCHIVE_TIMESTAMPS),
                top.get(SUB_EXTRA_DATA), top.get(SUB_EXTENDED), PacketEncoding.of(top.get(SUB_PACKET_ENCODING)),
                top.get(SUB_ORIGINAL_PACKET));
        if (!records.extended()) {
            notes.add("subscription.records.extended=false: the FMC will send legacy record layouts and ignore subscription.events");
        }
        return new Subscription(servers, records, events(top));
    }

    private Server server(Section s) {
        String host = s.get(SERVER_HOST);
        int port = s.get(SERVER_PORT);
        String name = s.get(SERVER_NAME);
        String tls = s.get(SERVER_TLS_VERSION);
        TlsVersion version = switch (tls) {
            case "1.3" -> TlsVersion.TLS_1_3;
            case "1.2" -> TlsVersion.TLS_1_2;
            case "auto" -> TlsVersion.AUTO;
            default -> {
                notes.add(s.path(SERVER_TLS_VERSION) + "=" + tls
                        + " treated as auto: Java 17 disables TLS 1.0 and 1.1, so TLS 1.3 or 1.2 is negotiated");
                yield TlsVersion.AUTO;
            }
        };
        String passwordFile = s.get(SERVER_PASSWORD_FILE);
        return new Server(name != null ? name : host + ":" + port, host, port,
                existing(s, SERVER_PKCS12, s.get(SERVER_PKCS12)), s.get(SERVER_PASSWORD_ENV),
                passwordFile == null ? null : existing(s, SERVER_PASSWORD_FILE, passwordFile),
                version, s.get(SERVER_VERIFY));
    }

    private List<EventVersionOverride> events(Section top) {
        List<EventVersionOverride> events = new ArrayList<>();
        Set<Integer> types = new HashSet<>();
        for (Section e : top.elements(EVENTS)) {
            Integer type = e.get(EVENT_TYPE);
            Integer version = e.get(EVENT_VERSION);
            if (type != null && !types.add(type)) {
                e.problem(EVENT_TYPE, "event type " + type + " is listed twice");
            }
            if (type != null && version != null) {
                events.add(new EventVersionOverride(type, version));
            }
        }
        return events;
    }

    private Handler handler(Section top) {
        HandlerRecords records = new HandlerRecords(top.get(H_CORE), top.get(H_METADATA), top.get(H_CONNECTIONS),
                top.get(H_PACKETS), top.get(H_INTRUSION), top.get(H_RNA), top.get(H_RUA),
                top.get(H_INCLUDE), top.get(H_EXCLUDE), top.get(H_INCLUDE_DEVICES), top.get(H_EXCLUDE_DEVICES),
                top.get(H_INCLUDE_DOMAINS), top.get(H_EXCLUDE_DOMAINS));
        List<Outputter> outputters = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        List<Section> sections = top.elements(OUTPUTTERS);
        for (int i = 0; i < sections.size(); i++) {
            Outputter o = outputter(sections.get(i), i, names);
            if (o != null) {
                outputters.add(o);
            }
        }
        return new Handler(records, outputters);
    }

    private Outputter outputter(Section s, int index, Map<String, Integer> names) {
        String adapterWord = s.get(OUT_ADAPTER);
        boolean enabled = s.get(OUT_ENABLED);
        String uriText = s.get(OUT_URI);
        StreamOptions options = new StreamOptions(s.get(OUT_ROTATE), s.get(OUT_MAX_LOGS),
                Flush.valueOf(s.get(OUT_FLUSH).toUpperCase(java.util.Locale.ROOT)), s.get(OUT_FSYNC));
        StreamUri uri = null;
        if (uriText != null) {
            try {
                uri = StreamUri.parse(uriText, base);
            } catch (IllegalArgumentException e) {
                s.problem(OUT_URI, e.getMessage());
            }
        }
        if (adapterWord == null || uri == null) {
            return null;
        }
        Adapter adapter = Adapter.of(adapterWord);
        String name = s.get(OUT_NAME);
        if (name == null) {
            name = names.merge(adapter.word(), 1, Integer::sum) == 1 ? adapter.word() : adapter.word() + "-" + index;
        }
        ElasticOutput elastic = uri.scheme() == StreamUri.Scheme.ELASTICSEARCH ? elastic(s, name) : null;
        if (elastic != null && adapter != Adapter.ECS) {
            s.problem(OUT_ADAPTER, "elasticsearch:// takes ECS documents; set adapter to \"ecs\"");
        }
        return new Outputter(name, adapter, enabled, uri, options, syslog(s, uri),
                new CefSettings(s.get(OUT_CEF_COMPAT), s.get(OUT_CEF_IPV6), s.get(OUT_CEF_DEVICE_VERSION)), elastic);
    }

    private ElasticOutput elastic(Section s, String name) {
        String namespace = s.get(ES_NAMESPACE);
        if (!namespace.matches("[a-z0-9_]{1,100}")) {
            s.problem(ES_NAMESPACE, "must be 1-100 characters of a-z, 0-9 and _ (no '-'), got \"" + namespace + "\"");
        }
        List<String> hosts = s.get(ES_HOSTS);
        for (String h : hosts) {
            if (!h.matches("https?://[^/\\s]+/?")) { // no path: requests go to the host's root (/_bulk)
                s.problem(ES_HOSTS, "expected http://host:port or https://host:port (no path), got \"" + h + "\"");
            }
        }
        for (Key<String> secret : List.of(ES_API_KEY, ES_PASSWORD)) {
            String ref = s.get(secret);
            if (ref != null && !ref.startsWith("env:") && !ref.startsWith("file:")) {
                s.problem(secret, "must be env:VARIABLE or file:PATH so the secret stays out of the configuration");
            }
        }
        if ((s.get(ES_USERNAME) == null) != (s.get(ES_PASSWORD) == null)) {
            s.problem(ES_USERNAME, "username and password go together");
        }
        String retention = s.get(ES_RETENTION);
        if (!retention.matches("[0-9]+(d|h|m|s)")) {
            s.problem(ES_RETENTION, "expected a number and a unit (d, h, m or s), e.g. 30d, got \"" + retention + "\"");
        }
        String ca = s.get(ES_CA_FILE);
        String dead = s.get(ES_DEAD_LETTER);
        return new ElasticOutput(hosts, s.get(ES_CLOUD_ID), namespace, s.get(ES_API_KEY), s.get(ES_USERNAME),
                s.get(ES_PASSWORD), ca == null ? null : existing(s, ES_CA_FILE, ca), s.get(ES_CA_FINGERPRINT),
                s.get(ES_BULK_MAX_SIZE), s.get(ES_BULK_MAX_BYTES), s.get(ES_WORKERS), s.get(ES_COMPRESSION),
                s.get(ES_TIMEOUT), s.get(ES_SETUP), retention,
                dead == null ? null : resolve(dead), s.get(ES_FLUSH_TIMEOUT));
    }

    private SyslogOptions syslog(Section s, StreamUri uri) {
        String ca = s.get(OUT_SYSLOG_CA);
        String client = s.get(OUT_SYSLOG_CLIENT_PKCS12);
        boolean tls = uri.scheme() == StreamUri.Scheme.TLS;
        if (tls && ca == null) {
            s.problem(OUT_SYSLOG_CA, "tls:// needs the PEM file of the CA that signed the syslog receiver's certificate");
        }
        return new SyslogOptions("rfc5424".equals(s.get(OUT_SYSLOG_HEADER)), s.get(OUT_SYSLOG_FACILITY),
                s.get(OUT_SYSLOG_SEVERITY), s.get(OUT_SYSLOG_HOSTNAME), s.get(OUT_SYSLOG_APP),
                "octet-counting".equals(s.get(OUT_SYSLOG_FRAMING)), s.get(OUT_SYSLOG_MAX_DATAGRAM),
                ca == null ? null : (tls ? existing(s, OUT_SYSLOG_CA, ca) : resolve(ca)),
                client == null ? null : (tls ? existing(s, OUT_SYSLOG_CLIENT_PKCS12, client) : resolve(client)),
                s.get(OUT_SYSLOG_CLIENT_PASSWORD_ENV), s.get(OUT_SYSLOG_REPLAY));
    }

    /** Resolves a path against the configuration directory and, when asked, checks that the file exists. */
    private Path existing(Section s, Key<String> key, String value) {
        Path path = resolve(value);
        if (fileCheck == FileCheck.REQUIRE_EXISTING && !Files.isRegularFile(path)) {
            s.problem(key, "file not found: " + path);
        } else if (fileCheck == FileCheck.REQUIRE_EXISTING && !Files.isReadable(path)) {
            s.problem(key, "file is not readable: " + path);
        }
        return path;
    }

    private Path resolve(String value) {
        return base.resolve(value).toAbsolutePath().normalize();
    }
}
