/**
 * Syslog transport: RFC 5424 or RFC 3164 headers, UDP (one message per datagram, bounded size with truncation at a
 * field boundary), TCP (LF or RFC 6587 octet-counting framing) and TLS (RFC 5425). Payloads are opaque bytes: the
 * sink never imports a format, and it takes its settings from {@link dev.estreamer.sink.syslog.SyslogSinkConfig}
 * filled in by the pipeline.
 */
package dev.estreamer.sink.syslog;
