package dev.estreamer.session;

import dev.estreamer.EstreamerException;
import dev.estreamer.config.ConfigException;
import dev.estreamer.config.ConfigLoader;
import dev.estreamer.config.EstreamerConfig;
import dev.estreamer.config.FileCheck;
import dev.estreamer.config.Server;
import dev.estreamer.config.TlsVersion;
import dev.estreamer.wire.ErrorMessage;
import dev.estreamer.wire.EventStreamRequest;
import dev.estreamer.wire.EventVersion;
import dev.estreamer.wire.Frame;
import dev.estreamer.wire.FrameReader;
import dev.estreamer.wire.FrameWriter;
import dev.estreamer.wire.MessageType;
import dev.estreamer.wire.RequestFlags;
import dev.estreamer.wire.StreamingInformation;
import dev.estreamer.wire.StreamingRequest;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The checks behind {@code estreamer test}: what a Cisco TAC engineer walks through when a client cannot
 * stream, from the configuration file to the FMC's first answer, one server at a time.
 *
 * <p>Each server's chain stops at the first failure that makes later checks meaningless (no point trying TLS
 * with a PKCS#12 that cannot be read). The connection it opens is a throw-away one: it asks for events from
 * "now", reads the first answer and closes, so it never moves a bookmark. The password is never part of a
 * check's text.
 */
public final class Diagnostics {
    /** How close to its end of validity a client certificate gets a warning. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    /** The first answer is awaited for this many response timeouts. */
    public static final int RESPONSE_ROUNDS = 5;

    /** A check's verdict: OK and WARN let the client run, FAIL does not. */
    public enum Status { OK, WARN, FAIL }

    /**
     * One line of the report.
     *
     * @param fix what to do about a WARN or FAIL; null when there is nothing to do
     */
    public record Check(String name, Status status, String detail, String fix) {
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
        }

        static Check ok(String name, String detail) {
            return new Check(name, Status.OK, detail, null);
        }

        static Check warn(String name, String detail, String fix) {
            return new Check(name, Status.WARN, detail, fix);
        }

        static Check fail(String name, String detail, String fix) {
            return new Check(name, Status.FAIL, detail, fix);
        }
    }

    /** The outcome of the configuration check: the configuration, or null when it is invalid. */
    public record Loaded(EstreamerConfig config, List<Check> checks) {
        public Loaded {
            checks = List.copyOf(checks);
        }
    }

    /** What the throw-away connection asks for and how long it waits. */
    public record Probe(RequestFlags flags, List<EventVersion> events, Duration connectTimeout,
                        Duration responseTimeout, int maxMessageLength) {
        public Probe {
            events = List.copyOf(events);
        }
    }

    private final Function<Server, char[]> passwords;
    private final Clock clock;

    /**
     * @param passwords the PKCS#12 password of a server (env, file or prompt); wiped after use
     * @param clock     the time certificates are checked against
     */
    public Diagnostics(Function<Server, char[]> passwords, Clock clock) {
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Passwords from {@link PasswordSource#system}, the system clock. */
    public static Diagnostics system() {
        return new Diagnostics(s -> PasswordSource.system(s.pkcs12PasswordEnv(), s.pkcs12PasswordFile())
                .resolve(s.pkcs12File()), Clock.systemUTC());
    }

    /** Step 1, for every server at once: the file loads, validates, and the files it names exist. */
    public static Loaded configuration(Path file) {
        String name = "configuration " + file;
        EstreamerConfig config;
        try {
            config = ConfigLoader.load(file, FileCheck.REQUIRE_EXISTING);
        } catch (ConfigException e) {
            List<Check> checks = new ArrayList<>();
            checks.add(Check.fail(name, e.problems().size() + " problem(s)", "correct each key listed below"
                    + " (docs/configuration.md describes them)"));
            for (String problem : e.problems()) {
                checks.add(Check.fail("configuration", problem, null));
            }
            return new Loaded(null, checks);
        }
        List<Check> checks = new ArrayList<>();
        int servers = config.subscription().servers().size();
        checks.add(Check.ok(name, "valid, " + servers + " server(s)"));
        if (!config.enabled()) {
            checks.add(Check.warn(name, "\"enabled\" is false, so `estreamer run` refuses to start",
                    "set \"enabled\": true once these checks pass"));
        }
        return new Loaded(config, checks);
    }

    /** Step 8: the request in the FMC's own log wording, to compare with the FMC's log line. */
    public static List<Check> request(RequestFlags flags, List<EventVersion> events) {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.ok("request flags", flags.hex() + " = " + flags.fmcWording()));
        if (flags.has(RequestFlags.EXTENDED)) {
            checks.add(Check.ok("requested event versions", events.stream().map(EventVersion::toString)
                    .collect(Collectors.joining(", "))));
        } else {
            checks.add(Check.ok("requested event versions", "none: without the extended bit the FMC picks the"
                    + " record versions from the flags"));
        }
        return checks;
    }

    /** Steps 2 to 7 for one server. */
    public List<Check> server(Server server, Probe probe) {
        List<Check> checks = new ArrayList<>();
        Pkcs12Credentials creds = credentials(server, checks);
        if (creds == null || !certificates(server, creds, checks)) {
            return checks;
        }
        sourceAddress(server, creds, checks);
        try (Socket tcp = tcpConnect(server, probe, checks)) {
            if (tcp == null) {
                return checks;
            }
            SSLSocket tls = handshake(server, creds, tcp, probe, checks);
            if (tls != null) {
                try (tls) {
                    exchange(server, tls, probe, checks);
                }
            }
        } catch (IOException e) {
            // closing the throw-away connection failed: nothing left to report
        }
        return checks;
    }

    // ---- step 2: PKCS#12 and password

    private Pkcs12Credentials credentials(Server server, List<Check> checks) {
        String name = "PKCS#12 " + server.pkcs12File();
        char[] password = null;
        try {
            password = passwords.apply(server);
            Pkcs12Credentials creds = Pkcs12Credentials.load(server.pkcs12File(), password);
            checks.add(Check.ok(name, "readable with the password from " + passwordOrigin(server)
                    + "; client certificate CN=" + creds.subjectCommonName() + ", " + creds.authorities().size()
                    + " CA certificate(s)"));
            Path file = server.pkcs12PasswordFile();
            if (file != null && PasswordSource.readableByOthers(file)) {
                checks.add(Check.warn("password file " + file, "readable by group or others, who can then use the"
                        + " client certificate", "chmod 600 " + file));
            }
            return creds;
        } catch (CredentialsException e) {
            String message = e.getMessage();
            if (message != null && message.startsWith("wrong password")) {
                checks.add(Check.fail(name, "wrong password for this PKCS#12 (the password came from "
                        + passwordOrigin(server) + ")", "use the password entered when the client was created on"
                        + " the FMC; if it is lost, " + HandshakeFailure.NEW_CLIENT));
            } else {
                checks.add(Check.fail(name, message, null));
            }
            return null;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static String passwordOrigin(Server server) {
        if (server.pkcs12PasswordFile() != null) {
            return "password file " + server.pkcs12PasswordFile();
        }
        String variable = server.pkcs12PasswordEnv() == null || server.pkcs12PasswordEnv().isBlank()
                ? PasswordSource.DEFAULT_VARIABLE : server.pkcs12PasswordEnv();
        return System.getenv(variable) != null ? "environment variable " + variable : "the terminal prompt";
    }

    // ---- step 3: validity dates and the CA

    private boolean certificates(Server server, Pkcs12Credentials creds, List<Check> checks) {
        String name = "client certificate";
        Instant now = clock.instant();
        Instant notBefore = creds.notBefore();
        Instant notAfter = creds.notAfter();
        if (now.isBefore(notBefore)) {
            checks.add(Check.fail(name, "not valid before " + notBefore + " (this host's clock says " + now + ")",
                    "correct this host's clock (NTP) or the FMC's, then run the test again"));
            return false;
        }
        if (now.isAfter(notAfter)) {
            checks.add(Check.fail(name, "expired on " + notAfter + " (this host's clock says " + now + ")",
                    HandshakeFailure.NEW_CLIENT));
            return false;
        }
        Duration left = Duration.between(now, notAfter);
        if (left.compareTo(EXPIRY_WARNING) < 0) {
            checks.add(Check.warn(name, "expires on " + notAfter + ", in " + left.toDays() + " day(s)",
                    "before then, " + HandshakeFailure.NEW_CLIENT));
        } else {
            checks.add(Check.ok(name, "CN=" + creds.subjectCommonName() + ", valid until " + notAfter));
        }
        return authority(server, creds, checks, now);
    }

    private static boolean authority(Server server, Pkcs12Credentials creds, List<Check> checks, Instant now) {
        String name = "FMC CA certificate";
        if (!server.verifyServerCertificate()) {
            checks.add(Check.warn(name, "verifyServerCertificate is false: the FMC's certificate is not checked, so"
                    + " anyone on the path could impersonate the FMC", "set verifyServerCertificate to true"));
            return true;
        }
        if (creds.authorities().isEmpty()) {
            checks.add(Check.fail(name, "the PKCS#12 holds no CA certificate, so the FMC's certificate cannot be"
                    + " verified", "use the PKCS#12 the FMC generated (it includes the FMC's internal CA), or set"
                    + " verifyServerCertificate to false"));
            return false;
        }
        X509Certificate client = creds.clientCertificate();
        X509Certificate issuer = null;
        for (X509Certificate ca : creds.authorities()) {
            if (signed(client, ca)) {
                issuer = ca;
            }
        }
        if (issuer == null) {
            checks.add(Check.warn(name, "none of the " + creds.authorities().size() + " CA certificate(s) in the"
                    + " PKCS#12 signed the client certificate", "use the PKCS#12 exactly as the FMC generated it"));
            return true;
        }
        if (now.isAfter(issuer.getNotAfter().toInstant())) {
            checks.add(Check.fail(name, "the FMC's CA " + issuer.getSubjectX500Principal().getName()
                    + " expired on " + issuer.getNotAfter().toInstant(), "renew the FMC's internal CA, then "
                    + HandshakeFailure.NEW_CLIENT));
            return false;
        }
        checks.add(Check.ok(name, issuer.getSubjectX500Principal().getName() + ", valid until "
                + issuer.getNotAfter().toInstant() + "; the FMC's certificate will be verified against it"));
        return true;
    }

    private static boolean signed(X509Certificate certificate, X509Certificate ca) {
        if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    // ---- step 4: the certificate's CN against the address the FMC will see

    private static void sourceAddress(Server server, Pkcs12Credentials creds, List<Check> checks) {
        String name = "source address";
        InetAddress local;
        try (DatagramSocket probe = new DatagramSocket()) {
            // A connected UDP socket makes the kernel pick the route and source address; nothing is sent.
            probe.connect(new InetSocketAddress(server.host(), server.port()));
            local = probe.getLocalAddress();
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            checks.add(Check.warn(name, "cannot tell which local address reaches " + target(server) + " ("
                    + HandshakeFailure.reason(e) + ")", "check the host name and this host's routes"));
            return;
        }
        if (local == null || local.isAnyLocalAddress()) {
            checks.add(Check.warn(name, "cannot tell which local address reaches " + target(server),
                    "check this host's routes to the FMC"));
            return;
        }
        String cn = creds.subjectCommonName();
        if (matches(cn, local)) {
            checks.add(Check.ok(name, "this host reaches " + target(server) + " from " + local.getHostAddress()
                    + ", the client certificate's CN (" + cn + "); behind NAT the CN must be the translated"
                    + " address instead"));
            return;
        }
        checks.add(Check.warn(name, "the client certificate's CN is " + (cn.isEmpty() ? "empty" : cn)
                        + " but this host reaches " + target(server) + " from " + local.getHostAddress()
                        + ": the FMC compares the CN with the source address it sees and closes the connection"
                        + " without a word when they differ",
                "if a NAT device translates " + local.getHostAddress() + " to " + cn + " this is expected (behind"
                        + " NAT the CN must be the post-NAT address); otherwise create a new client on the FMC"
                        + " (System > Integration > eStreamer > Create Client) with the address the FMC sees"));
    }

    /** Whether {@code cn} names {@code local}: the same IP, both loopback, or a host name resolving to it. */
    static boolean matches(String cn, InetAddress local) {
        if (cn == null || cn.isBlank()) {
            return false;
        }
        String candidate = cn.trim();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(candidate)) {
                if (a.equals(local) || (a.isLoopbackAddress() && local.isLoopbackAddress())) {
                    return true;
                }
            }
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
        return false;
    }

    // ---- step 5: TCP

    private static Socket tcpConnect(Server server, Probe probe, List<Check> checks) {
        String name = "TCP connect";
        Socket socket = new Socket();
        long started = System.nanoTime();
        try {
            socket.connect(new InetSocketAddress(server.host(), server.port()), millis(probe.connectTimeout()));
        } catch (IOException | IllegalArgumentException e) {
            close(socket);
            checks.add(Check.fail(name, "could not connect to " + target(server) + ": " + connectReason(e, probe),
                    "check the address, that TCP " + server.port() + " is allowed by firewalls, and that"
                            + " eStreamer is enabled on the FMC"));
            return null;
        }
        long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
        checks.add(Check.ok(name, "connected to " + target(server) + " from " + socket.getLocalAddress()
                .getHostAddress() + " in " + ms + " ms"));
        return socket;
    }

    private static String connectReason(Exception e, Probe probe) {
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer within " + seconds(probe.connectTimeout()) + " (a firewall dropping packets?)";
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return e.getMessage();
        }
        return HandshakeFailure.reason(e);
    }

    // ---- step 6: TLS

    private static SSLSocket handshake(Server server, Pkcs12Credentials creds, Socket tcp, Probe probe,
                                       List<Check> checks) {
        String name = "TLS handshake with " + target(server);
        SSLSocket tls;
        try {
            SSLContext context = TlsContexts.client(creds, server.verifyServerCertificate());
            tls = (SSLSocket) context.getSocketFactory().createSocket(tcp, server.host(), server.port(), true);
            TlsContexts.configure(tls, server.tlsVersion() == TlsVersion.TLS_1_3 ? "1.3" : "1.2");
        } catch (IOException | EstreamerException e) {
            checks.add(Check.fail(name, "cannot set up TLS: " + HandshakeFailure.reason(e), null));
            return null;
        }
        try {
            tls.setSoTimeout(millis(probe.connectTimeout()));
            tls.startHandshake();
        } catch (SSLHandshakeException e) {
            close(tls);
            HandshakeFailure why = HandshakeFailure.explain(e);
            checks.add(why != null ? Check.fail(name, why.cause(), why.fix())
                    : Check.fail(name, "TLS handshake failed: " + HandshakeFailure.reason(e),
                    "check that host:port is the FMC's eStreamer port, then " + HandshakeFailure.NEW_CLIENT));
            return null;
        } catch (SocketTimeoutException e) {
            close(tls);
            checks.add(Check.fail(name, "no TLS answer within " + seconds(probe.connectTimeout()),
                    "check that " + target(server) + " is the FMC's eStreamer port (8302 by default)"));
            return null;
        } catch (IOException e) {
            close(tls);
            checks.add(endedHandshake(name, e));
            return null;
        }
        SSLSession session = tls.getSession();
        String peer = "";
        try {
            if (session.getPeerCertificates()[0] instanceof X509Certificate cert) {
                peer = "; FMC certificate " + cert.getSubjectX500Principal().getName()
                        + (server.verifyServerCertificate() ? " verified against the CA in the PKCS#12"
                        : " NOT verified (verifyServerCertificate is false)");
            }
        } catch (IOException e) {
            // an anonymous peer is impossible here (server authentication is always on); report without it
        }
        checks.add(Check.ok(name, session.getProtocol() + " " + session.getCipherSuite() + peer));
        return tls;
    }

    /** The FMC's alert (or the reset after it) that ended a handshake: it refused the client certificate. */
    private static Check endedHandshake(String name, IOException e) {
        HandshakeFailure why = e instanceof SSLException ssl ? HandshakeFailure.explain(ssl) : null;
        return why != null ? Check.fail(name, why.cause(), why.fix())
                : Check.fail(name, "the FMC ended the handshake (" + HandshakeFailure.reason(e) + "): it most"
                + " likely rejected the client certificate (the client was revoked or deleted on the FMC, or the"
                + " PKCS#12 was issued by another FMC)", HandshakeFailure.NEW_CLIENT);
    }

    /**
     * How long to wait, after a TLS 1.3 handshake, for the FMC's verdict on the client certificate: in 1.3 the
     * client finishes its handshake before the server has checked that certificate, so a refusal arrives as an
     * alert afterwards (or, when the request is written first, as a broken pipe that hides it).
     */
    private static final int VERDICT_MILLIS = 300;

    /**
     * Reads the FMC's alert when it refused the client certificate after a TLS 1.3 handshake; returns the
     * failed check, or null when nothing came within {@link #VERDICT_MILLIS} (the FMC says nothing before the
     * request) or the session is TLS 1.2 (whose handshake already carried the verdict). A byte that did come is
     * pushed back for the reader.
     */
    private static Check certificateVerdict(String name, SSLSocket tls, PushbackInputStream in) throws IOException {
        if (!"TLSv1.3".equals(tls.getSession().getProtocol())) {
            return null;
        }
        tls.setSoTimeout(VERDICT_MILLIS);
        try {
            int b = in.read();
            if (b < 0) {
                return Check.fail(name, CLOSED_AFTER_HANDSHAKE, CLOSED_FIX);
            }
            in.unread(b);
            return null;
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            return endedHandshake(name, e);
        }
    }

    // ---- step 7: the Event Stream Request and the first answer

    private static final String CLOSED_AFTER_HANDSHAKE = "the FMC closed the connection right after the TLS"
            + " handshake: most often the client certificate's address does not match the source address the FMC"
            + " sees (NAT), or the client was deleted on the FMC";
    private static final String CLOSED_FIX = "compare the CN with the source address above; " + HandshakeFailure.NEW_CLIENT
            + "; the FMC's log says which check failed";

    private static void exchange(Server server, SSLSocket tls, Probe probe, List<Check> checks) {
        String name = "Event Stream Request";
        RequestFlags flags = probe.flags();
        boolean extended = flags.has(RequestFlags.EXTENDED);
        Duration wait = probe.responseTimeout().multipliedBy(RESPONSE_ROUNDS);
        Reply reply;
        FrameWriter writer;
        FrameReader reader;
        try {
            PushbackInputStream in = new PushbackInputStream(tls.getInputStream(), 1);
            Check refused = certificateVerdict(name, tls, in);
            if (refused != null) {
                checks.add(refused);
                return;
            }
            tls.setSoTimeout(millis(probe.responseTimeout()));
            reader = new FrameReader(new BufferedInputStream(in), probe.maxMessageLength());
            writer = new FrameWriter(new BufferedOutputStream(tls.getOutputStream()));
            writer.write(new EventStreamRequest(EventStreamRequest.NOW, flags).toFrame());
            reply = firstReply(reader, writer, wait, extended);
        } catch (IOException | EstreamerException e) {
            checks.add(closed(name, e, "the request"));
            return;
        }
        if (reply == null) {
            if (extended) {
                checks.add(Check.fail(name, "no answer to the request within " + seconds(wait) + " (expected"
                        + " Streaming Information)", "check the FMC's eStreamer service and its log"));
            } else {
                checks.add(Check.warn(name, "request accepted; nothing arrived within " + seconds(wait),
                        "none needed if no event newer than now exists; run again when traffic flows"));
            }
            return;
        }
        Frame frame = reply.frame();
        if (frame == null) {
            checks.add(Check.fail(name, CLOSED_AFTER_HANDSHAKE, CLOSED_FIX));
            return;
        }
        if (frame.type() == MessageType.ERROR) {
            checks.add(fmcError(name, frame));
            return;
        }
        if (!extended || frame.type() != MessageType.STREAMING_INFORMATION) {
            if (extended) {
                checks.add(Check.warn(name, "the FMC answered the extended request with "
                                + MessageType.name(frame.type()) + " instead of Streaming Information",
                        "an FMC older than 6.0 ignores the extended bit: set subscription.records.extended false"));
            } else {
                checks.add(Check.ok(name, "request " + flags.hex() + " from now accepted; the FMC sent "
                        + describe(frame)));
            }
            return;
        }
        StreamingInformation offered;
        try {
            offered = StreamingInformation.decode(frame.payload());
        } catch (EstreamerException e) {
            checks.add(Check.fail(name, "unreadable Streaming Information: " + e.getMessage(), null));
            return;
        }
        String services = offered.services().stream().map(s -> String.valueOf(s.serviceId()))
                .collect(Collectors.joining(", "));
        if (!offered.offers(StreamingRequest.ESTREAMER_SERVICE)) {
            checks.add(Check.fail(name, "the FMC's Streaming Information offers services " + services
                            + " but not 6667 (eStreamer events)",
                    "set subscription.records.extended false, or upgrade the FMC"));
            return;
        }
        checks.add(Check.ok(name, "request " + flags.hex() + " from now accepted; Streaming Information offers"
                + " services " + services));
        streamingRequest(reader, writer, probe, wait, checks);
    }

    private static void streamingRequest(FrameReader reader, FrameWriter writer, Probe probe, Duration wait,
                                         List<Check> checks) {
        String name = "Streaming Request";
        Reply reply;
        try {
            writer.write(new StreamingRequest(StreamingRequest.ESTREAMER_SERVICE, probe.flags(), EventStreamRequest.NOW,
                    probe.events()).toFrame());
            reply = firstReply(reader, writer, wait, false);
        } catch (IOException | EstreamerException e) {
            checks.add(closed(name, e, "the Streaming Request"));
            return;
        }
        if (reply == null) {
            checks.add(Check.warn(name, "sent for " + probe.events().size() + " event type(s); neither data nor a"
                            + " keep-alive arrived within " + seconds(wait),
                    "none needed if no event newer than now exists (the FMC sends keep-alives only when idle for"
                            + " a while); run again when traffic flows"));
            return;
        }
        Frame frame = reply.frame();
        if (frame == null) {
            checks.add(Check.fail(name, "the FMC closed the connection after the Streaming Request without an"
                            + " error", "remove subscription.events overrides the FMC may not support; the FMC's log"
                            + " names the cause"));
            return;
        }
        if (frame.type() == MessageType.ERROR) {
            checks.add(fmcError(name, frame));
            return;
        }
        try {
            writer.write(Frame.nullMessage());
        } catch (IOException e) {
            // the answer already proves the request was accepted; the connection is closed next anyway
        }
        checks.add(Check.ok(name, "accepted; the FMC sent " + describe(frame)));
    }

    /** The first frame that is not a keep-alive before Streaming Information; null on timeout. */
    private static Reply firstReply(FrameReader reader, FrameWriter writer, Duration wait, boolean skipNulls)
            throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                Frame frame = reader.read();
                if (frame != null && skipNulls && frame.type() == MessageType.NULL) {
                    writer.write(Frame.nullMessage());
                    continue;
                }
                return new Reply(frame);
            } catch (SocketTimeoutException e) {
                if (System.nanoTime() - deadline >= 0) {
                    return null;
                }
            }
        }
    }

    /** A frame read, or {@code frame == null} for a clean end of stream. */
    private record Reply(Frame frame) {
    }

    private static Check closed(String name, Exception e, String what) {
        if (e instanceof SSLException ssl) {
            HandshakeFailure why = HandshakeFailure.explain(ssl);
            if (why != null) {
                return Check.fail(name, why.cause(), why.fix());
            }
        }
        if (e instanceof EOFException || e instanceof SocketException || e instanceof SSLException) {
            return Check.fail(name, CLOSED_AFTER_HANDSHAKE + " (" + HandshakeFailure.reason(e) + ")", CLOSED_FIX);
        }
        return Check.fail(name, "sending " + what + " or reading the answer failed: " + HandshakeFailure.reason(e),
                null);
    }

    private static Check fmcError(String name, Frame frame) {
        try {
            ErrorMessage error = ErrorMessage.decode(frame.payload());
            return Check.fail(name, "the FMC answered with error " + error.code() + ": " + error.text(),
                    "the FMC's log (and the request flags below) tell which part of the request it refused");
        } catch (EstreamerException e) {
            return Check.fail(name, "the FMC answered with an unreadable error message: " + e.getMessage(), null);
        }
    }

    private static String describe(Frame frame) {
        if (frame.type() == MessageType.NULL) {
            return "a Null keep-alive";
        }
        return MessageType.name(frame.type()) + " (" + frame.payload().length + " bytes)";
    }

    // ---- helpers

    private static String target(Server server) {
        return server.host().contains(":") ? "[" + server.host() + "]:" + server.port()
                : server.host() + ":" + server.port();
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // a socket that failed to connect: nothing to release
        }
    }
}
