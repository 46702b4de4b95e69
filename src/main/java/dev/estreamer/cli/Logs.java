package dev.estreamer.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import dev.estreamer.config.Logging;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/** Applies the configuration's {@code logging} section to Logback. */
final class Logs {
    private Logs() {
    }

    static void setRootLevel(String level) {
        root().setLevel(Level.toLevel(level, Level.INFO));
    }

    /**
     * Everything to stderr, each line (stack traces included) starting with its level (DEBUG, INFO, WARN, ERROR)
     * as splunkd expects of a modular input; splunkd adds its own time stamp in splunkd.log.
     */
    static void splunkStderr() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = root();
        root.detachAndStopAllAppenders();
        SplunkStderr.Layout layout = new SplunkStderr.Layout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("splunkd");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        root.addAppender(console);
        root.setLevel(Level.INFO);
    }

    /** Replaces the default appenders with what {@code logging} asks for. */
    static void configure(Logging logging) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = root();
        root.detachAndStopAllAppenders();
        String pattern = logging.logbackPattern();
        if (logging.stdOut()) {
            root.addAppender(console(context, pattern, "System.out"));
        }
        if (logging.stdErr()) {
            root.addAppender(console(context, pattern, "System.err"));
        }
        if (logging.file() != null) {
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setContext(context);
            file.setName("file");
            file.setFile(logging.file().toString());
            file.setAppend(true);
            file.setEncoder(encoder(context, pattern));
            file.start();
            root.addAppender(file);
        }
        root.setLevel(Level.toLevel(logging.level().slf4jLevel(), Level.INFO));
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, String pattern, String target) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(target);
        console.setTarget(target);
        console.setEncoder(encoder(context, pattern));
        console.start();
        return console;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
