package dev.estreamer.config;

/**
 * One output: a format and where its lines go ({@code handler.outputters[]}).
 *
 * @param elasticsearch the elasticsearch.* options for an elasticsearch:// stream, else null
 * @param name label for logs and metrics; the adapter word (plus the index when repeated) if not configured
 * @param syslog syslog settings (used by udp, tcp and tls streams)
 * @param cef CEF settings (used by the cef adapter)
 */
public record Outputter(String name, Adapter adapter, boolean enabled, StreamUri uri, StreamOptions options,
                        SyslogOptions syslog, CefSettings cef, ElasticOutput elasticsearch) {
}
