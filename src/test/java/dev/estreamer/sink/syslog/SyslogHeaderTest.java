package dev.estreamer.sink.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.estreamer.sink.syslog.SyslogSinkConfig.HeaderFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SyslogHeaderTest {
    private static String at(SyslogHeader h, String instant) {
        return new String(h.at(Instant.parse(instant)), StandardCharsets.US_ASCII);
    }

    @Test
    void rfc5424InUtcWithMillisecondsAndNilFields() {
        SyslogHeader h = new SyslogHeader(HeaderFormat.RFC5424, 1, 5, "fw-1", "estreamer", ZoneId.of("Europe/Paris"));
        assertThat(at(h, "2025-01-31T12:00:00.123456Z")).isEqualTo("<13>1 2025-01-31T12:00:00.123Z fw-1 estreamer - - - ");
    }

    @Test
    void rfc3164InTheConfiguredZoneWithASpacePaddedDay() {
        SyslogHeader h = new SyslogHeader(HeaderFormat.RFC3164, 16, 6, "fw-1", "estreamer", ZoneId.of("Europe/Paris"));
        assertThat(at(h, "2025-02-05T23:04:05Z")).isEqualTo("<134>Feb  6 00:04:05 fw-1 estreamer: ");
    }

    @Test
    void configuredNamesCannotBreakTheHeader() {
        SyslogHeader h5424 = new SyslogHeader(HeaderFormat.RFC5424, 1, 5, "my host\nx", "app name", ZoneId.of("UTC"));
        assertThat(at(h5424, "2025-01-01T00:00:00Z")).isEqualTo("<13>1 2025-01-01T00:00:00.000Z my_host_x app_name - - - ");
        SyslogHeader h3164 = new SyslogHeader(HeaderFormat.RFC3164, 1, 5, "", "a:b c", ZoneId.of("UTC"));
        assertThat(at(h3164, "2025-01-01T00:00:00Z")).isEqualTo("<13>Jan  1 00:00:00 - abc: ");
    }
}
