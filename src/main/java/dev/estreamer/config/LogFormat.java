package dev.estreamer.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Translates eNcore's Python {@code logging} format into a Logback pattern, so old files keep their log layout. */
final class LogFormat {
    private static final Pattern FIELD = Pattern.compile("%\\((\\w+)\\)(-?\\d*)(?:\\.\\d+)?[sdf]|%%");
    private static final Map<String, String> CONVERSIONS = Map.of(
            "asctime", "d{\"yyyy-MM-dd HH:mm:ss,SSS\"}",
            "name", "logger",
            "levelname", "level",
            "message", "msg",
            "thread", "thread",
            "threadName", "thread",
            "lineno", "line",
            "filename", "file",
            "funcName", "method");

    private LogFormat() {
    }

    /** The Logback pattern, ending in a newline; unknown Python fields are kept as literal text. */
    static String toLogback(String python) {
        StringBuilder out = new StringBuilder();
        Matcher m = FIELD.matcher(python);
        int last = 0;
        while (m.find()) {
            out.append(literal(python.substring(last, m.start())));
            String conversion = m.group().equals("%%") ? null : CONVERSIONS.get(m.group(1));
            if (m.group().equals("%%")) {
                out.append("\\%");
            } else if (conversion == null) {
                out.append(literal(m.group()));
            } else {
                out.append('%').append(m.group(2)).append(conversion);
            }
            last = m.end();
        }
        return out.append(literal(python.substring(last))).append("%n").toString();
    }

    /** Logback treats %, ( and ) specially; escape them in plain text. */
    private static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("(", "\\(").replace(")", "\\)");
    }
}
