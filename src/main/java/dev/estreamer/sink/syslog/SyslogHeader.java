package dev.estreamer.sink.syslog;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The syslog header put before each payload.
 *
 * <ul>
 *   <li>RFC 5424: {@code <PRI>1 2025-01-31T12:00:00.123Z HOSTNAME APP-NAME - - - MSG} (UTC, milliseconds; no
 *       PROCID, MSGID or structured data);</li>
 *   <li>RFC 3164: {@code <PRI>Mmm dd hh:mm:ss HOSTNAME TAG: MSG} in the configured zone, the day padded with a
 *       space as the RFC says (eNcore padded with a zero).</li>
 * </ul>
 * Header fields are reduced to what the RFCs allow (printable ASCII without spaces, bounded lengths), so a
 * configured name cannot break the header either.
 */
public final class SyslogHeader {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private final SyslogSinkConfig.HeaderFormat format;
    private final String pri;
    private final String hostname;
    private final String appName;
    private final ZoneId zone;

    public SyslogHeader(SyslogSinkConfig.HeaderFormat format, int facility, int severity, String hostname,
            String appName, ZoneId zone) {
        this.format = format;
        this.pri = "<" + (facility * 8 + severity) + ">";
        this.hostname = token(hostname == null ? localHostName() : hostname, 255, "-");
        this.appName = format == SyslogSinkConfig.HeaderFormat.RFC5424 ? token(appName, 48, "-")
                : tag(appName);
        this.zone = zone;
    }

    /** The header for a message sent at {@code now}, ready to be followed by the payload. */
    public byte[] at(Instant now) {
        StringBuilder s = new StringBuilder(80).append(pri);
        if (format == SyslogSinkConfig.HeaderFormat.RFC5424) {
            LocalDateTime t = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
            s.append("1 ");
            s.append(String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", t.getYear(), t.getMonthValue(),
                    t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000));
            s.append(' ').append(hostname).append(' ').append(appName).append(" - - - ");
        } else {
            LocalDateTime t = LocalDateTime.ofInstant(now, zone);
            s.append(MONTHS[t.getMonthValue() - 1]).append(' ');
            s.append(String.format(Locale.ROOT, "%2d %02d:%02d:%02d", t.getDayOfMonth(), t.getHour(), t.getMinute(),
                    t.getSecond()));
            s.append(' ').append(hostname).append(' ').append(appName).append(": ");
        }
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** This machine's name, or "localhost" when it has none. */
    public static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Printable US-ASCII without spaces (RFC 5424 PRINTUSASCII), at most {@code max} characters. */
    static String token(String s, int max, String empty) {
        if (s == null || s.isEmpty()) {
            return empty;
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            out.append(c > 32 && c < 127 ? c : '_');
        }
        return out.toString();
    }

    /** RFC 3164 TAG: alphanumerics only, at most 32. */
    static String tag(String s) {
        if (s == null || s.isEmpty()) {
            return "estreamer";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < 32; i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                out.append(c);
            }
        }
        return out.isEmpty() ? "estreamer" : out.toString();
    }
}
