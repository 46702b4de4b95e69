package dev.estreamer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every line the modular input puts on stderr starts with a level word splunkd knows, in its own event's level. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SplunkStderrTest {
    private static final String LEVELED = "^(DEBUG|INFO|WARN|ERROR|FATAL) .*";

    private static List<String> layout(Level level, String message, Throwable thrown) {
        Logger logger = new LoggerContext().getLogger("dev.estreamer.pipeline.FmcPipeline");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, message, thrown, null);
        return new SplunkStderr.Layout().doLayout(event).lines().toList();
    }

    @Test
    void multiLineMessagesAndStackTracesKeepTheirEventsLevelOnEveryLine() {
        Exception cause = new IllegalStateException("FMC said:\nbad things\r\nhappened");
        List<String> error = layout(Level.ERROR, "connection lost\nretrying", new RuntimeException("wrapped", cause));
        assertThat(error.get(0)).isEqualTo("ERROR FmcPipeline - connection lost");
        assertThat(error.get(1)).isEqualTo("ERROR retrying");
        assertThat(error).hasSizeGreaterThan(6).allMatch(l -> l.startsWith("ERROR "))
                .anyMatch(l -> l.contains("at dev.estreamer.cli.SplunkStderrTest"))
                .anyMatch(l -> l.contains("Caused by: java.lang.IllegalStateException: FMC said:"));
        assertThat(layout(Level.WARN, "slow\nFMC", new IOException("x"))).allMatch(l -> l.startsWith("WARN "));
        assertThat(layout(Level.INFO, "a\rb", null)).containsExactly("INFO FmcPipeline - a", "INFO b");
        assertThat(layout(Level.TRACE, "frame", null)).containsExactly("DEBUG FmcPipeline - frame");
        assertThat(layout(Level.DEBUG, "d", null)).containsExactly("DEBUG FmcPipeline - d");
    }

    @Test
    void strayPrintsGetALevelAndLeveledLinesAreLeftAlone() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream err = SplunkStderr.prefixing(sink, "ERROR");
        PrintStream out = new PrintStream(SplunkStderr.prefixing(sink, "INFO"), true, StandardCharsets.UTF_8);
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        errors.println("estreamer: something failed");
        errors.print("WARN already leveled\r\nINFOrmal is not a level\n");
        new Exception("printed\ntrace").printStackTrace(errors);
        out.println("monitor: 10 events");
        out.print("FATAL stays\nDEBUG stays too\n");
        errors.print("no newline at the end");
        errors.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8)).doesNotContain("no newline");
        errors.close();
        List<String> lines = sink.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).allMatch(l -> l.matches(LEVELED));
        assertThat(lines).startsWith("ERROR estreamer: something failed", "WARN already leveled",
                "ERROR INFOrmal is not a level", "ERROR java.lang.Exception: printed", "ERROR trace");
        assertThat(lines).contains("INFO monitor: 10 events", "FATAL stays", "DEBUG stays too")
                .endsWith("ERROR no newline at the end");
        assertThat(lines).filteredOn(l -> l.contains("at dev.estreamer")).isNotEmpty()
                .allMatch(l -> l.startsWith("ERROR \tat "));
    }
}
