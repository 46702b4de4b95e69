package dev.estreamer.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * stderr of the modular input, which splunkd copies line by line into splunkd.log (component ExecProcessor),
 * taking the level from the start of each line: {@code DEBUG}, {@code INFO}, {@code WARN}, {@code ERROR} or
 * {@code FATAL} (a line without one counts as ERROR). {@link Layout} gives every line of a log event,
 * continuation lines and stack traces included, its event's level; {@link #prefixing} catches whatever else
 * reaches {@code System.err} or {@code System.out} (a library's print, the CLI's last-resort message).
 */
final class SplunkStderr {
    static final List<String> LEVELS = List.of("DEBUG", "INFO", "WARN", "ERROR", "FATAL");

    private SplunkStderr() {
    }

    /** The word splunkd understands for a Logback level (TRACE, which splunkd has not, becomes DEBUG). */
    static String level(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> "ERROR";
            case Level.WARN_INT -> "WARN";
            case Level.INFO_INT -> "INFO";
            default -> "DEBUG";
        };
    }

    /** {@code LEVEL logger - message}, each further line of the message or stack trace also led by LEVEL. */
    static final class Layout extends LayoutBase<ILoggingEvent> {
        @Override
        public String doLayout(ILoggingEvent event) {
            String level = level(event.getLevel());
            String logger = event.getLoggerName();
            StringBuilder text = new StringBuilder(128).append(logger.substring(logger.lastIndexOf('.') + 1))
                    .append(" - ").append(event.getFormattedMessage());
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                text.append('\n').append(ThrowableProxyUtil.asString(thrown));
            }
            StringBuilder out = new StringBuilder(text.length() + 32);
            for (String line : text.toString().split("\r\n|\r|\n")) {
                out.append(level).append(' ').append(line).append('\n');
            }
            return out.toString();
        }
    }

    /** A stream that writes whole lines to {@code out}, putting {@code level} before any line that has none. */
    static OutputStream prefixing(OutputStream out, String level) {
        return new Prefixing(out, (level + " ").getBytes(StandardCharsets.US_ASCII));
    }

    private static final class Prefixing extends OutputStream {
        private final OutputStream out;
        private final byte[] prefix;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

        Prefixing(OutputStream out, byte[] prefix) {
            this.out = out;
            this.prefix = prefix;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (b == '\n') {
                emit();
            } else if (b != '\r') {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        private void emit() throws IOException {
            byte[] bytes = line.toByteArray();
            line.reset();
            int start = leveled(bytes) ? 0 : prefix.length;
            byte[] whole = new byte[start + bytes.length + 1];
            System.arraycopy(prefix, 0, whole, 0, start);
            System.arraycopy(bytes, 0, whole, start, bytes.length);
            whole[whole.length - 1] = '\n';
            out.write(whole); // one write per line: lines of System.out and System.err never mix
            out.flush();
        }

        private static boolean leveled(byte[] bytes) {
            for (String level : LEVELS) {
                int n = level.length();
                if (bytes.length > n && bytes[n] == ' '
                        && new String(bytes, 0, n, StandardCharsets.US_ASCII).equals(level)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush(); // a partial line waits for its end, so it is prefixed once
        }

        @Override
        public synchronized void close() throws IOException {
            if (line.size() > 0) {
                emit();
            }
            out.flush();
        }
    }
}
