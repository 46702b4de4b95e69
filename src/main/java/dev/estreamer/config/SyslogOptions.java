package dev.estreamer.config;

import java.nio.file.Path;

/**
 * Syslog settings of an outputter ({@code handler.outputters[].stream.options.*}, used by udp, tcp and tls streams).
 *
 * @param rfc5424 RFC 5424 header (else RFC 3164)
 * @param hostname the header's HOSTNAME; null = this machine's name
 * @param octetCounting RFC 6587 octet counting on tcp (else LF); tls always counts octets
 * @param caFile absolute path of the receiver's CA (tls), or null
 * @param clientPkcs12 absolute path of a client certificate PKCS#12 (tls), or null
 * @param clientPkcs12PasswordEnv environment variable with the PKCS#12 password
 */
public record SyslogOptions(boolean rfc5424, int facility, int severity, String hostname, String appName,
                            boolean octetCounting, int maxDatagramSize, Path caFile, Path clientPkcs12,
                            String clientPkcs12PasswordEnv, int replayBytes) {
}
