package dev.estreamer.sink.syslog;

import dev.estreamer.sink.Framing;
import dev.estreamer.sink.SinkException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Settings of a syslog sink.
 *
 * @param transport UDP, TCP or TLS
 * @param host receiver host; for TLS also the name its certificate must carry
 * @param header RFC 5424 or RFC 3164 header before each payload
 * @param facility 0-23 (1 = user, eNcore's)
 * @param severity 0-7 (5 = notice, eNcore's)
 * @param hostname the HOSTNAME field (this machine's name by default)
 * @param appName the APP-NAME (RFC 5424) or TAG (RFC 3164)
 * @param framing TCP framing, {@link Framing#NEWLINE} or {@link Framing#OCTET_COUNTING}; TLS always counts octets
 *        (RFC 5425) and UDP needs none
 * @param maxDatagramSize UDP only: longest datagram in bytes; longer messages are cut at a field boundary
 * @param tls TLS only: the context that verifies the receiver (and may present a client certificate)
 * @param connectTimeout TCP/TLS connect and handshake limit
 * @param replayBytes TCP/TLS: how many of the last bytes written on a connection are sent again after it breaks
 *        (TCP gives no delivery receipt, so what sat in socket buffers when the receiver went away is resent;
 *        duplicates, never loss); 0 turns this off
 * @param clock time source of the header timestamps
 * @param zone time zone of RFC 3164 timestamps (RFC 5424 always writes UTC)
 */
public record SyslogSinkConfig(Transport transport, String host, int port, HeaderFormat header, int facility,
                               int severity, String hostname, String appName, Framing framing, int maxDatagramSize,
                               SSLContext tls, Duration connectTimeout, int replayBytes, Clock clock, ZoneId zone) {

    /** Syslog transports. */
    public enum Transport { UDP, TCP, TLS }

    /** Syslog header layouts. */
    public enum HeaderFormat { RFC5424, RFC3164 }

    /** Largest UDP payload over IPv4 with a 1500-byte MTU (1500 - 20 IP - 8 UDP): no IP fragmentation. */
    public static final int DEFAULT_MAX_DATAGRAM = 1472;
    public static final int DEFAULT_REPLAY_BYTES = 256 * 1024;

    public SyslogSinkConfig {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** UDP to host:port, RFC 5424, user.notice, this machine's name, app "estreamer". */
    public static SyslogSinkConfig defaults(Transport transport, String host, int port) {
        return new SyslogSinkConfig(transport, host, port, HeaderFormat.RFC5424, 1, 5, SyslogHeader.localHostName(),
                "estreamer", transport == Transport.TLS ? Framing.OCTET_COUNTING : Framing.NEWLINE,
                DEFAULT_MAX_DATAGRAM, null, Duration.ofSeconds(10), DEFAULT_REPLAY_BYTES, Clock.systemUTC(),
                ZoneId.systemDefault());
    }

    public SyslogSinkConfig withHeader(HeaderFormat h) {
        return new SyslogSinkConfig(transport, host, port, h, facility, severity, hostname, appName, framing,
                maxDatagramSize, tls, connectTimeout, replayBytes, clock, zone);
    }

    public SyslogSinkConfig withPriority(int fac, int sev) {
        return new SyslogSinkConfig(transport, host, port, header, fac, sev, hostname, appName, framing,
                maxDatagramSize, tls, connectTimeout, replayBytes, clock, zone);
    }

    public SyslogSinkConfig withNames(String hostName, String app) {
        return new SyslogSinkConfig(transport, host, port, header, facility, severity, hostName, app, framing,
                maxDatagramSize, tls, connectTimeout, replayBytes, clock, zone);
    }

    public SyslogSinkConfig withFraming(Framing f) {
        return new SyslogSinkConfig(transport, host, port, header, facility, severity, hostname, appName, f,
                maxDatagramSize, tls, connectTimeout, replayBytes, clock, zone);
    }

    public SyslogSinkConfig withMaxDatagramSize(int max) {
        return new SyslogSinkConfig(transport, host, port, header, facility, severity, hostname, appName, framing,
                max, tls, connectTimeout, replayBytes, clock, zone);
    }

    public SyslogSinkConfig withTls(SSLContext context) {
        return new SyslogSinkConfig(transport, host, port, header, facility, severity, hostname, appName, framing,
                maxDatagramSize, context, connectTimeout, replayBytes, clock, zone);
    }

    public SyslogSinkConfig withConnectTimeout(Duration timeout) {
        return new SyslogSinkConfig(transport, host, port, header, facility, severity, hostname, appName, framing,
                maxDatagramSize, tls, timeout, replayBytes, clock, zone);
    }

    public SyslogSinkConfig withReplayBytes(int bytes) {
        return new SyslogSinkConfig(transport, host, port, header, facility, severity, hostname, appName, framing,
                maxDatagramSize, tls, connectTimeout, bytes, clock, zone);
    }

    public SyslogSinkConfig withClock(Clock c, ZoneId z) {
        return new SyslogSinkConfig(transport, host, port, header, facility, severity, hostname, appName, framing,
                maxDatagramSize, tls, connectTimeout, replayBytes, c, z);
    }

    /**
     * Checks the settings and returns them; the message names the setting.
     *
     * @throws SinkException for an impossible combination
     */
    public SyslogSinkConfig validate() {
        if (host == null || host.isBlank()) {
            throw new SinkException("syslog host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new SinkException("syslog port must be 1-65535, got " + port);
        }
        if (facility < 0 || facility > 23) {
            throw new SinkException("syslog facility must be 0-23, got " + facility);
        }
        if (severity < 0 || severity > 7) {
            throw new SinkException("syslog severity must be 0-7, got " + severity);
        }
        if (transport == Transport.UDP && (maxDatagramSize < 480 || maxDatagramSize > 65507)) {
            throw new SinkException("syslog maximum datagram size must be 480-65507 bytes, got " + maxDatagramSize);
        }
        if (transport == Transport.TLS && tls == null) {
            throw new SinkException("syslog over TLS needs a TLS context (the CA that signed the receiver's certificate)");
        }
        if (transport == Transport.TLS && framing != Framing.OCTET_COUNTING) {
            throw new SinkException("syslog over TLS always uses octet counting (RFC 5425), not " + framing);
        }
        if (transport == Transport.TCP && framing == Framing.NONE) {
            throw new SinkException("syslog over TCP needs newline or octet-counting framing");
        }
        if (replayBytes < 0) {
            throw new SinkException("syslog replay bytes must be >= 0, got " + replayBytes);
        }
        return this;
    }

    /** The sink these settings describe. */
    public SyslogSink build() {
        validate();
        return transport == Transport.UDP ? new UdpSyslogSink(this) : new StreamSyslogSink(this);
    }
}
