package dev.estreamer.config;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where an outputter writes, parsed from eNcore's stream URI syntax.
 *
 * <ul>
 *   <li>{@code file:///abs/dir/name{0}.ext} — files in an absolute directory;</li>
 *   <li>{@code relfile:///rel/dir/name{0}.ext} — the directory is relative to the configuration
 *       file's directory (eNcore: its working directory, which is where its estreamer.conf lives);</li>
 *   <li>{@code stdout://}, {@code udp://host:port}, {@code tcp://host:port}, {@code tls://host:port} (syslog);</li>
 *   <li>{@code elasticsearch://} — bulk indexing; hosts and credentials under {@code elasticsearch.*}.</li>
 * </ul>
 * In file names {@code {0}} stands for the epoch second at which the file is opened.
 *
 * @param text the URI as configured
 * @param directory absolute directory for file schemes, else null
 * @param fileName file name pattern for file schemes (eNcore's default {@code log{0}} when the URI has none), else null
 * @param host peer host for udp/tcp, else null
 * @param port peer port for udp/tcp, else 0
 */
public record StreamUri(Scheme scheme, String text, Path directory, String fileName, String host, int port) {

    /** The transports estreamer supports. */
    public enum Scheme { FILE, RELFILE, STDOUT, UDP, TCP, TLS, ELASTICSEARCH }

    /** A syslog transport: udp, tcp or tls. */
    public boolean isSyslog() {
        return scheme == Scheme.UDP || scheme == Scheme.TCP || scheme == Scheme.TLS;
    }

    public boolean isFile() {
        return scheme == Scheme.FILE || scheme == Scheme.RELFILE;
    }

    /** The file name for a file opened at {@code epochSecond}. */
    public String fileNameAt(long epochSecond) {
        return fileName.replace("{0}", Long.toString(epochSecond));
    }

    /**
     * Parses a URI; {@code baseDirectory} anchors {@code relfile}.
     *
     * @throws IllegalArgumentException with a message fit to follow "key: "
     */
    static StreamUri parse(String text, Path baseDirectory) {
        int sep = text.indexOf("://");
        int colon = text.indexOf(':');
        if (sep < 0 || colon < sep) {
            throw new IllegalArgumentException("expected scheme://..., e.g. \"relfile:///data/json/estreamer.{0}.json\", got \""
                    + text + "\" (\"//\" must follow the scheme)");
        }
        String scheme = text.substring(0, sep).toLowerCase(Locale.ROOT);
        String rest = text.substring(sep + 3);
        return switch (scheme) {
            case "file" -> file(Scheme.FILE, text, rest, baseDirectory);
            case "relfile" -> file(Scheme.RELFILE, text, rest, baseDirectory);
            case "stdout" -> {
                if (!rest.isEmpty() && !rest.equals("/")) {
                    throw new IllegalArgumentException("stdout:// takes nothing after the scheme, got \"" + text + "\"");
                }
                yield new StreamUri(Scheme.STDOUT, text, null, null, null, 0);
            }
            case "elasticsearch" -> {
                if (!rest.isEmpty() && !rest.equals("/")) {
                    throw new IllegalArgumentException("elasticsearch:// takes nothing after the scheme (set the hosts in "
                            + "elasticsearch.hosts), got \"" + text + "\"");
                }
                yield new StreamUri(Scheme.ELASTICSEARCH, text, null, null, null, 0);
            }
            case "udp" -> peer(Scheme.UDP, text, rest);
            case "tcp" -> peer(Scheme.TCP, text, rest);
            case "tls" -> peer(Scheme.TLS, text, rest);
            case "scp" -> throw new IllegalArgumentException("scp:// is not supported by estreamer; write with file:// "
                    + "and copy the rotated files with your own tool, got \"" + text + "\"");
            default -> throw new IllegalArgumentException("unsupported scheme \"" + scheme
                    + "\"; expected file, relfile, stdout, udp, tcp, tls or elasticsearch, got \"" + text + "\"");
        };
    }

    private static StreamUri file(Scheme scheme, String text, String rest, Path baseDirectory) {
        if (!rest.startsWith("/")) {
            throw new IllegalArgumentException("expected " + scheme.name().toLowerCase(Locale.ROOT)
                    + ":///dir/name{0}.ext (three slashes), got \"" + text + "\"");
        }
        int slash = rest.lastIndexOf('/');
        String dir = rest.substring(0, slash);
        String name = rest.substring(slash + 1);
        if (name.isEmpty()) {
            name = "log{0}";
        }
        Path directory = scheme == Scheme.FILE
                ? Path.of(dir.isEmpty() ? "/" : dir)
                : baseDirectory.resolve(dir.replaceFirst("^/+", ""));
        return new StreamUri(scheme, text, directory.toAbsolutePath().normalize(), name, null, 0);
    }

    private static StreamUri peer(Scheme scheme, String text, String rest) {
        String hostPort = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? "" : hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = -1;
        try {
            port = colon < 0 ? -1 : Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (host.isEmpty() || host.contains("/") || port < 1 || port > 65535) {
            throw new IllegalArgumentException("expected " + scheme.name().toLowerCase(Locale.ROOT)
                    + "://host:port with a port 1-65535, got \"" + text + "\"");
        }
        return new StreamUri(scheme, text, null, null, host, port);
    }
}
