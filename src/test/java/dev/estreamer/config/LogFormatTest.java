package dev.estreamer.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** eNcore's Python log formats become equivalent Logback patterns. */
@Timeout(10)
class LogFormatTest {
    @Test
    void encoreDefaultFormat() {
        assertThat(LogFormat.toLogback("%(asctime)s %(name)-12s %(levelname)-8s %(message)s"))
                .isEqualTo("%d{\"yyyy-MM-dd HH:mm:ss,SSS\"} %-12logger %-8level %msg%n");
    }

    @Test
    void unknownFieldsAndSpecialCharactersStayLiteral() {
        assertThat(LogFormat.toLogback("[%(process)d] (%(message)s) 100%%"))
                .isEqualTo("[\\%\\(process\\)d] \\(%msg\\) 100\\%%n");
    }
}
