package dev.estreamer.config;

import static dev.estreamer.config.Origin.ENCORE;
import static dev.estreamer.config.Origin.ESTREAMER;
import static dev.estreamer.config.ValueType.BOOLEAN;
import static dev.estreamer.config.ValueType.OBJECTS;
import static dev.estreamer.config.ValueType.STRING;
import static dev.estreamer.config.ValueType.NAMES_OR_IDS;
import static dev.estreamer.config.ValueType.STRINGS;
import static dev.estreamer.config.ValueType.TEXT;
import static dev.estreamer.config.ValueType.choice;
import static dev.estreamer.config.ValueType.integer;
import static dev.estreamer.config.ValueType.integers;
import static dev.estreamer.config.ValueType.seconds;
import static dev.estreamer.config.ValueType.wordOrNumber;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Every configuration key, declared exactly once; the loader and docs/configuration.md both read these. */
public final class Keys {
    private Keys() {
    }

    private static final String SERVER = "subscription.servers[].";
    private static final String EVENT = "subscription.events[].";
    private static final String OUT = "handler.outputters[].";
    private static final ValueType<Integer> PORT = integer(1, 65535);
    private static final ValueType<Integer> RECORD_TYPE = integer(0, 65535);
    private static final ValueType<Integer> COUNT = integer(1, 1_000_000);

    // --- top level ---------------------------------------------------------------------------
    public static final Key<Boolean> ENABLED = Key.optional("enabled", BOOLEAN, "true", ENCORE,
            "When false, `run` refuses to start.");
    public static final Key<Integer> START = Key.optional("start", integer(0, 2), "2", ENCORE,
            "Where a session starts: 0 = genesis (all events the FMC holds), 1 = now, 2 = the saved bookmark (genesis when there is none).");
    public static final Key<Duration> CONNECT_TIMEOUT = Key.optional("connectTimeout", seconds(0.001, 3600), "10", ENCORE,
            "Seconds allowed for the TCP connect and TLS handshake.");
    public static final Key<Duration> RESPONSE_TIMEOUT = Key.optional("responseTimeout", seconds(0.001, 3600), "2", ENCORE,
            "Seconds a socket read waits before the session checks for shutdown and reads again.");
    public static final Key<Integer> WORKER_PROCESSES = Key.ignored("workerProcesses", integer(1, 64), "4",
            "eNcore's process count.", "estreamer sizes its own threads");
    public static final Key<Integer> QUEUE_SIZE = Key.optional("queueSize", COUNT, "200", ENCORE,
            "Capacity, in batches, of each bounded queue between pipeline stages.");
    public static final Key<Integer> QUEUE_MEGABYTES = Key.optional("queueMegabytes", integer(1, 65_536), "32", ESTREAMER,
            "Most megabytes of records in each bounded queue between pipeline stages (received, formatted), per FMC; with queueSize, whichever bound is reached first applies (an enriched JSON event is about 4 KB, an intrusion packet record up to 64 KB: this one bounds the memory).");
    public static final Key<Integer> BATCH_SIZE = Key.optional("batchSize", COUNT, "100", ENCORE,
            "Most records per batch handed to an outputter; unlike eNcore, a partial batch is flushed as soon as the pipeline is idle (with an elasticsearch outputter: see elasticsearch.flushTimeout).");
    public static final Key<Boolean> ALWAYS_ATTEMPT_TO_CONTINUE = Key.ignored("alwaysAttemptToContinue", BOOLEAN, "false",
            "eNcore's restart-after-error switch.", "estreamer always reconnects with backoff (see reconnect.*)");
    public static final Key<List<String>> CONDITIONS = Key.ignored("conditions", STRINGS, "[]",
            "eNcore's run conditions (\"splunk\", \"base\").", "estreamer has no run conditions");
    public static final Key<Integer> PCAP_MAX_SIZE = Key.ignored("pcapMaxSize", integer(0, Integer.MAX_VALUE), "0",
            "Read but never used by eNcore.", "unused, as in eNcore");
    public static final Key<String> PCAP_OUTPUT_FORMAT = Key.ignored("pcapOutputFormat", TEXT, "\"\"",
            "Read but never used by eNcore.", "unused, as in eNcore");
    public static final Key<String> DATA_DIRECTORY = Key.optionalNone("dataDirectory", STRING,
            "the configuration file's directory", ESTREAMER,
            "Directory for the bookmark and metadata cache files (`<host>-<port>_bookmark.dat`, ...); relative to the configuration file's directory.");
    public static final Key<Integer> MAX_MESSAGE_LENGTH = Key.optional("maxMessageLength", integer(65_536, 1 << 30), "16777216", ESTREAMER,
            "Largest eStreamer message payload accepted, in bytes; a longer length field is treated as a protocol error.");
    public static final Key<Duration> RECONNECT_INITIAL_DELAY = Key.optional("reconnect.initialDelay", seconds(0, 3600), "1", ESTREAMER,
            "Seconds to wait before the first reconnect attempt; the delay doubles after each failure.");
    public static final Key<Duration> RECONNECT_MAX_DELAY = Key.optional("reconnect.maxDelay", seconds(0, 86400), "60", ESTREAMER,
            "Longest wait between reconnect attempts, in seconds.");
    public static final Key<Duration> RECONNECT_HEALTHY_AFTER = Key.optional("reconnect.healthyAfter", seconds(0, 86400), "60", ESTREAMER,
            "Seconds a session must stay up before the reconnect delay resets to initialDelay.");

    // --- monitor -----------------------------------------------------------------------------
    public static final Key<Duration> MONITOR_PERIOD = Key.optional("monitor.period", seconds(1, 86400), "120", ENCORE,
            "Seconds between status lines in the log.");
    public static final Key<Boolean> MONITOR_HANDLED = Key.optional("monitor.handled", BOOLEAN, "true", ENCORE,
            "Include the number of handled events in the status line.");
    public static final Key<Boolean> MONITOR_BOOKMARK = Key.optional("monitor.bookmark", BOOLEAN, "false", ENCORE,
            "Include the bookmark time in the status line.");
    public static final Key<Boolean> MONITOR_DETAILS = Key.optional("monitor.details", BOOLEAN, "false", ENCORE,
            "Also log the full status (per-stage counters) every period.");
    public static final Key<Boolean> MONITOR_VELOCITY = Key.ignored("monitor.velocity", BOOLEAN, "false",
            "Parsed but unused by eNcore.", "unused, as in eNcore");
    public static final Key<Boolean> MONITOR_SUBSCRIBED = Key.ignored("monitor.subscribed", BOOLEAN, "true",
            "Parsed but unused by eNcore.", "unused, as in eNcore");

    // --- logging -----------------------------------------------------------------------------
    public static final Key<String> LOGGING_FILEPATH = Key.optional("logging.filepath", TEXT, "\"estreamer.log\"", ENCORE,
            "Log file, relative to the configuration file's directory; blank for no log file.");
    public static final Key<String> LOGGING_LEVEL = Key.optional("logging.level",
            choice("FATAL", "ERROR", "WARNING", "WARN", "INFO", "DEBUG", "VERBOSE", "TRACE"), "\"INFO\"", ENCORE,
            "Log level; VERBOSE and TRACE both mean TRACE, FATAL means ERROR.");
    public static final Key<String> LOGGING_FORMAT = Key.optional("logging.format", TEXT,
            "\"%(asctime)s %(name)-12s %(levelname)-8s %(message)s\"", ENCORE,
            "Log line format in Python logging style, as eNcore wrote it.");
    public static final Key<Boolean> LOGGING_STDOUT = Key.optional("logging.stdOut", BOOLEAN, "true", ENCORE,
            "Also log to standard output.");
    public static final Key<Boolean> LOGGING_STDERR = Key.optional("logging.stdErr", BOOLEAN, "false", ENCORE,
            "Also log to standard error.");

    // --- subscription ------------------------------------------------------------------------
    public static final Key<Integer> SERVERS = Key.required("subscription.servers", OBJECTS, ENCORE,
            "The FMCs to read from, one pipeline each (eNcore used only the first).");
    public static final Key<String> SERVER_NAME = Key.optionalNone(SERVER + "name", STRING, "\"host:port\"", ESTREAMER,
            "Label for this FMC in logs and metrics.");
    public static final Key<String> SERVER_HOST = Key.required(SERVER + "host", STRING, ENCORE,
            "FMC host name or address.");
    public static final Key<Integer> SERVER_PORT = Key.optional(SERVER + "port", PORT, "8302", ENCORE,
            "FMC eStreamer port.");
    public static final Key<String> SERVER_PKCS12 = Key.optional(SERVER + "pkcs12Filepath", STRING, "\"client.pkcs12\"", ENCORE,
            "Client PKCS#12 downloaded from the FMC, relative to the configuration file's directory.");
    public static final Key<String> SERVER_PASSWORD_ENV = Key.optional(SERVER + "pkcs12PasswordEnv", STRING,
            "\"ESTREAMER_PKCS12_PASSWORD\"", ESTREAMER,
            "Environment variable holding the PKCS#12 password (used when pkcs12PasswordFile is not set).");
    public static final Key<String> SERVER_PASSWORD_FILE = Key.optionalNone(SERVER + "pkcs12PasswordFile", STRING, "none", ESTREAMER,
            "File whose first line is the PKCS#12 password, relative to the configuration file's directory; wins over pkcs12PasswordEnv.");
    public static final Key<String> SERVER_TLS_VERSION = Key.optional(SERVER + "tlsVersion",
            wordOrNumber("auto", "1.3", "1.2", "1.1", "1.0"), "\"auto\"", ENCORE,
            "TLS version: \"1.2\", \"1.3\" or \"auto\" (1.3, else 1.2); eNcore's 1.0 and 1.1 mean auto.");
    public static final Key<Boolean> SERVER_VERIFY = Key.optional(SERVER + "verifyServerCertificate", BOOLEAN, "true", ESTREAMER,
            "Check the FMC's certificate against the CA in the PKCS#12 (eNcore never checked it).");

    public static final Key<Boolean> SUB_PACKET_DATA = Key.optional("subscription.records.packetData", BOOLEAN, "true", ENCORE,
            "Request packet data (flag bit 0).");
    public static final Key<Boolean> SUB_IMPACT = Key.optional("subscription.records.impactEventAlerts", BOOLEAN, "true", ENCORE,
            "Request impact event alerts (flag bit 5).");
    public static final Key<Boolean> SUB_INTRUSION = Key.optional("subscription.records.intrusion", BOOLEAN, "true", ENCORE,
            "Request intrusion events (flag bit 6).");
    public static final Key<Boolean> SUB_METADATA = Key.optional("subscription.records.metadata", BOOLEAN, "true", ENCORE,
            "Request metadata records, which name the ids in events (flag bit 20).");
    public static final Key<Boolean> SUB_ARCHIVE_TIMESTAMPS = Key.optional("subscription.records.archiveTimestamps", BOOLEAN, "true", ENCORE,
            "Request archive timestamps, which the bookmark needs (flag bit 23).");
    public static final Key<Boolean> SUB_EXTRA_DATA = Key.optional("subscription.records.eventExtraData", BOOLEAN, "true", ENCORE,
            "Request intrusion event extra data (flag bit 27).");
    public static final Key<Boolean> SUB_EXTENDED = Key.optional("subscription.records.extended", BOOLEAN, "true", ENCORE,
            "Use extended requests, which select the event versions (flag bit 30); keep it true.");
    public static final Key<String> SUB_PACKET_ENCODING = Key.optional("subscription.records.packetEncoding",
            choice("hex", "ascii", "utf-8"), "\"hex\"", ENCORE,
            "How packet payloads are rendered as text.");
    public static final Key<Boolean> SUB_ORIGINAL_PACKET = Key.optional("subscription.records.includeOriginalPacket", BOOLEAN, "true", ENCORE,
            "Also emit the whole captured packet with packet records.");

    public static final Key<Integer> EVENTS = Key.optional("subscription.events", OBJECTS, "[]", ESTREAMER,
            "Event versions for the Streaming Request, e.g. [{\"type\": 71, \"version\": 17}]; listed types replace the built-in versions.");
    public static final Key<Integer> EVENT_TYPE = Key.required(EVENT + "type", RECORD_TYPE, ESTREAMER,
            "Event family code (12 intrusion, 71 connection, 101 malware, 111 file, ...).");
    public static final Key<Integer> EVENT_VERSION = Key.required(EVENT + "version", integer(0, 65535), ESTREAMER,
            "Version to request for that family.");

    // --- enrichment --------------------------------------------------------------------------
    public static final Key<String> ENRICH_LATE_METADATA = Key.optional("enrich.lateMetadata", choice("emit", "hold"),
            "\"emit\"", ESTREAMER,
            "An event naming an id the metadata cache does not know yet (device, rule, policy, zone, ...): \"emit\" writes it now with the id (as eNcore); \"hold\" holds it (and, to keep the order, the events behind it) until the metadata arrives or enrich.holdMillis / enrich.holdMax is reached.");
    public static final Key<Integer> ENRICH_HOLD_MILLIS = Key.optional("enrich.holdMillis", integer(1, 600_000), "2000", ESTREAMER,
            "With lateMetadata \"hold\": longest time, in milliseconds, an event waits for its metadata before it is written with the ids.");
    public static final Key<Integer> ENRICH_HOLD_MAX = Key.optional("enrich.holdMax", COUNT, "10000", ESTREAMER,
            "With lateMetadata \"hold\": most records held per FMC; when more arrive the oldest is written with what is known.");

    // --- handler -----------------------------------------------------------------------------
    public static final Key<Boolean> H_CORE = Key.optional("handler.records.core", BOOLEAN, "true", ENCORE,
            "Write file, malware, correlation and other core events.");
    public static final Key<Boolean> H_METADATA = Key.optional("handler.records.metadata", BOOLEAN, "true", ENCORE,
            "Write metadata records (they are always cached for enrichment).");
    public static final Key<Boolean> H_CONNECTIONS = Key.optional("handler.records.connections", BOOLEAN, "true", ENCORE,
            "Write connection events (71).");
    public static final Key<Boolean> H_FLOWS = Key.ignored("handler.records.flows", BOOLEAN, "true",
            "Old name in eNcore's Operations Guide; eNcore ignores it.", "use handler.records.connections");
    public static final Key<Boolean> H_PACKETS = Key.optional("handler.records.packets", BOOLEAN, "true", ENCORE,
            "Write packet records (2).");
    public static final Key<Boolean> H_INTRUSION = Key.optional("handler.records.intrusion", BOOLEAN, "true", ENCORE,
            "Write intrusion events (400 and the legacy intrusion types).");
    public static final Key<Boolean> H_RNA = Key.optional("handler.records.rna", BOOLEAN, "true", ENCORE,
            "Write discovery (RNA) events.");
    public static final Key<Boolean> H_RUA = Key.optional("handler.records.rua", BOOLEAN, "true", ENCORE,
            "Write user activity (RUA) events.");
    public static final Key<List<Integer>> H_INCLUDE = Key.optional("handler.records.include", integers(0, 65535), "[]", ENCORE,
            "Record types written whatever the switches above say.");
    public static final Key<List<Integer>> H_EXCLUDE = Key.optional("handler.records.exclude", integers(0, 65535), "[]", ENCORE,
            "Record types never written; wins over include.");
    public static final Key<List<String>> H_INCLUDE_DEVICES = Key.optional("handler.records.includeDevices", NAMES_OR_IDS, "[]",
            ESTREAMER, "Only events from these managed devices (name from metadata record 123, or device id) are written; records without a device id are not affected; empty means all.");
    public static final Key<List<String>> H_EXCLUDE_DEVICES = Key.optional("handler.records.excludeDevices", NAMES_OR_IDS, "[]",
            ESTREAMER, "Events from these managed devices (name or device id) are never written; wins over includeDevices.");
    public static final Key<List<String>> H_INCLUDE_DOMAINS = Key.optional("handler.records.includeDomains", NAMES_OR_IDS, "[]",
            ESTREAMER, "Only events of these domains (name from metadata record 350, or netmap id; 0 = no domain) are written; metadata records are not affected; empty means all.");
    public static final Key<List<String>> H_EXCLUDE_DOMAINS = Key.optional("handler.records.excludeDomains", NAMES_OR_IDS, "[]",
            ESTREAMER, "Events of these domains (name or netmap id) are never written; wins over includeDomains.");

    public static final Key<Integer> OUTPUTTERS = Key.optional("handler.outputters", OBJECTS, "[]", ENCORE,
            "Outputs; with none enabled events are decoded and counted but not written.");
    public static final Key<String> OUT_NAME = Key.optionalNone(OUT + "name", STRING, "the adapter", ENCORE,
            "Label for this outputter in logs and metrics (eNcore ignored it).");
    public static final Key<String> OUT_ADAPTER = Key.required(OUT + "adapter", choice("json", "splunk", "kv", "cef", "ecs"), ENCORE,
            "Output format: json, splunk (key=value; kv is a synonym), cef, or ecs.");
    public static final Key<Boolean> OUT_ENABLED = Key.optional(OUT + "enabled", BOOLEAN, "true", ENCORE,
            "Whether this outputter is used.");
    public static final Key<Boolean> OUT_PASSTHRU = Key.ignored(OUT + "passthru", BOOLEAN, "false",
            "eNcore's raw-message switch for debug adapters.", "estreamer always formats decoded records");
    public static final Key<String> OUT_URI = Key.required(OUT + "stream.uri", STRING, ENCORE,
            "Destination: file:///abs/dir/name{0}.ext, relfile:///dir/name{0}.ext (relative to the configuration file's directory), stdout://, syslog to udp://host:port, tcp://host:port or tls://host:port (RFC 5425), or elasticsearch:// (with elasticsearch.*); {0} is the epoch second the file was opened.");
    public static final Key<Boolean> OUT_ROTATE = Key.optional(OUT + "stream.options.rotate", BOOLEAN, "true", ENCORE,
            "Start a new file after maxLogs lines (file streams).");
    public static final Key<Integer> OUT_MAX_LOGS = Key.optional(OUT + "stream.options.maxLogs", integer(1, Integer.MAX_VALUE), "10000", ENCORE,
            "Lines per file when rotating.");
    public static final Key<String> OUT_SCP_KEY = Key.ignored(OUT + "stream.options.scpKeyFilepath", TEXT, "\"\"",
            "SSH key for eNcore's scp streams.", "scp streams are not supported");
    public static final Key<String> OUT_FLUSH = Key.optional(OUT + "stream.options.flush", choice("line", "batch", "interval"),
            "\"batch\"", ESTREAMER,
            "When written lines are flushed: after each line, after each batch, or at most once a second.");
    public static final Key<Boolean> OUT_FSYNC = Key.optional(OUT + "stream.options.fsync", BOOLEAN, "false", ESTREAMER,
            "Force file data to disk before it is acknowledged, so the bookmark never runs ahead of the disk after a power loss.");

    private static final String ES = OUT + "elasticsearch.";
    public static final Key<List<String>> ES_HOSTS = Key.optional(ES + "hosts", STRINGS, "[\"http://localhost:9200\"]", ESTREAMER,
            "Elasticsearch base URLs (http:// or https://); requests are spread over them and a failed host is skipped.");
    public static final Key<String> ES_CLOUD_ID = Key.optionalNone(ES + "cloudId", STRING, "none", ESTREAMER,
            "Elastic Cloud deployment id (name:base64); replaces hosts.");
    public static final Key<String> ES_NAMESPACE = Key.optional(ES + "namespace", STRING, "\"default\"", ESTREAMER,
            "Data stream namespace: documents go to logs-cisco_firepower.<family>-<namespace>.");
    public static final Key<String> ES_API_KEY = Key.optionalNone(ES + "apiKey", STRING, "none", ESTREAMER,
            "API key (the base64 'encoded' form) as env:VARIABLE or file:PATH; never the key itself.");
    public static final Key<String> ES_USERNAME = Key.optionalNone(ES + "username", STRING, "none", ESTREAMER,
            "User for basic authentication (with password).");
    public static final Key<String> ES_PASSWORD = Key.optionalNone(ES + "password", STRING, "none", ESTREAMER,
            "Basic-auth password as env:VARIABLE or file:PATH; never the password itself.");
    public static final Key<String> ES_CA_FILE = Key.optionalNone(ES + "caFile", STRING, "the JVM's trust store", ESTREAMER,
            "PEM file with the CA certificate(s) that signed Elasticsearch's HTTPS certificate.");
    public static final Key<String> ES_CA_FINGERPRINT = Key.optionalNone(ES + "caFingerprint", STRING, "none", ESTREAMER,
            "SHA-256 fingerprint (hex, colons allowed) of a certificate in Elasticsearch's chain to trust, as printed at its first start.");
    public static final Key<Integer> ES_BULK_MAX_SIZE = Key.optional(ES + "bulkMaxSize", integer(1, 100_000), "1600", ESTREAMER,
            "Most documents per bulk request (Beats' bulk_max_size).");
    public static final Key<Integer> ES_BULK_MAX_BYTES = Key.optional(ES + "bulkMaxBytes", integer(1024, 100 * 1024 * 1024), "5242880", ESTREAMER,
            "Most body bytes per bulk request (before compression).");
    public static final Key<Integer> ES_WORKERS = Key.optional(ES + "workers", integer(1, 64), "1", ESTREAMER,
            "Bulk requests in flight at once.");
    public static final Key<Duration> ES_FLUSH_TIMEOUT = Key.optional(ES + "flushTimeout", seconds(0, 60), "1", ESTREAMER,
            "Seconds a partial batch waits for more events before it is sent (Beats' flush timeout); 0 sends it as soon as the pipeline is idle. With an elasticsearch outputter a batch holds up to max(batchSize, bulkMaxSize x workers) records, so a full batch keeps every worker busy.");
    public static final Key<Boolean> ES_COMPRESSION = Key.optional(ES + "compression", BOOLEAN, "false", ESTREAMER,
            "Gzip request bodies (saves bandwidth, costs shipper CPU).");
    public static final Key<Duration> ES_TIMEOUT = Key.optional(ES + "timeout", seconds(1, 3600), "90", ESTREAMER,
            "Seconds to wait for a bulk response before the whole request is retried.");
    public static final Key<Boolean> ES_SETUP = Key.optional(ES + "setup", BOOLEAN, "true", ESTREAMER,
            "Install or update the index templates (and ILM policy where available) at start.");
    public static final Key<String> ES_RETENTION = Key.optional(ES + "retention", STRING, "\"30d\"", ESTREAMER,
            "How long documents are kept (data stream lifecycle, or the ILM delete phase), e.g. 30d.");
    public static final Key<String> ES_DEAD_LETTER = Key.optionalNone(ES + "deadLetterFile", STRING,
            "<dataDirectory>/<outputter>-dead-letter.ndjson", ESTREAMER,
            "File where documents Elasticsearch refuses for good (e.g. mapping errors) are appended with the reason.");
    public static final Key<String> OUT_SYSLOG_HEADER = Key.optional(OUT + "stream.options.syslogHeader",
            choice("rfc5424", "rfc3164"), "\"rfc5424\"", ESTREAMER,
            "Syslog header before each message on udp://, tcp:// and tls:// streams: rfc5424 (UTC with milliseconds and year) or rfc3164 (BSD, local time).");
    public static final Key<Integer> OUT_SYSLOG_FACILITY = Key.optional(OUT + "stream.options.facility", integer(0, 23), "1", ESTREAMER,
            "Syslog facility number (1 = user, as eNcore).");
    public static final Key<Integer> OUT_SYSLOG_SEVERITY = Key.optional(OUT + "stream.options.severity", integer(0, 7), "5", ESTREAMER,
            "Syslog severity number (5 = notice, as eNcore).");
    public static final Key<String> OUT_SYSLOG_HOSTNAME = Key.optionalNone(OUT + "stream.options.hostname", STRING,
            "this machine's name", ESTREAMER, "HOSTNAME field of the syslog header.");
    public static final Key<String> OUT_SYSLOG_APP = Key.optional(OUT + "stream.options.appName", STRING, "\"estreamer\"", ESTREAMER,
            "APP-NAME (rfc5424) or TAG (rfc3164) of the syslog header.");
    public static final Key<String> OUT_SYSLOG_FRAMING = Key.optional(OUT + "stream.options.framing",
            choice("lf", "octet-counting"), "\"lf\"", ESTREAMER,
            "Message framing on tcp:// streams: a line feed after each message, or RFC 6587 octet counting; tls:// always counts octets (RFC 5425).");
    public static final Key<Integer> OUT_SYSLOG_MAX_DATAGRAM = Key.optional(OUT + "stream.options.maxDatagramSize",
            integer(480, 65507), "1472", ESTREAMER,
            "Largest udp:// datagram in bytes (1472 avoids IP fragmentation on a 1500-byte MTU); longer messages are cut at a field boundary and counted.");
    public static final Key<String> OUT_SYSLOG_CA = Key.optionalNone(OUT + "stream.options.caFile", STRING, "none (required for tls://)",
            ESTREAMER, "PEM file of the CA(s) that signed the syslog receiver's certificate (tls://), relative to the configuration file's directory; the certificate must also name the URI's host.");
    public static final Key<String> OUT_SYSLOG_CLIENT_PKCS12 = Key.optionalNone(OUT + "stream.options.clientPkcs12", STRING, "none",
            ESTREAMER, "PKCS#12 with a client certificate to present to the syslog receiver (tls://), relative to the configuration file's directory.");
    public static final Key<String> OUT_SYSLOG_CLIENT_PASSWORD_ENV = Key.optional(OUT + "stream.options.clientPkcs12PasswordEnv", STRING,
            "\"ESTREAMER_SYSLOG_PKCS12_PASSWORD\"", ESTREAMER, "Environment variable holding the password of clientPkcs12.");
    public static final Key<Integer> OUT_SYSLOG_REPLAY = Key.optional(OUT + "stream.options.replayBytes", integer(0, 64 * 1024 * 1024),
            "262144", ESTREAMER,
            "tcp:// and tls://: bytes of the most recent messages sent again after a broken connection (TCP has no delivery receipt; duplicates instead of loss); 0 turns it off.");
    public static final Key<Boolean> OUT_CEF_COMPAT = Key.optional(OUT + "cef.encoreCompatible", BOOLEAN, "false", ESTREAMER,
            "cef adapter: reproduce eNcore's field choices (initiator bytes as bytesOut, malware cs4Label=speroDisposition, numeric connection proto) for ArcSight parsers built on them; see docs/cef.md.");
    public static final Key<Boolean> OUT_CEF_IPV6 = Key.optional(OUT + "cef.ipv6InSourceDestination", BOOLEAN, "false", ESTREAMER,
            "cef adapter: also put IPv6 addresses in src/dst (they always go to c6a2/c6a3); only for receivers that accept IPv6 there.");
    public static final Key<String> OUT_CEF_DEVICE_VERSION = Key.optional(OUT + "cef.deviceVersion", STRING, "\"6.0\"", ESTREAMER,
            "cef adapter: the Device Version header field (eNcore always sent 6.0).");

    private static final List<Key<?>> ALL = collect();

    /** Every declared key, in declaration order. */
    public static List<Key<?>> all() {
        return ALL;
    }

    private static List<Key<?>> collect() {
        List<Key<?>> keys = new ArrayList<>();
        for (Field f : Keys.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && f.getType() == Key.class) {
                try {
                    keys.add((Key<?>) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(keys);
    }
}
