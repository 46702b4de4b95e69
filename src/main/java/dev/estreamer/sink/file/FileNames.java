package dev.estreamer.sink.file;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The eNcore file name pattern: {@code {0}} becomes the epoch second at which the file is opened.
 * When that name is taken, {@code -N} (N = 1, 2, ...) is inserted right after the timestamp, so
 * {@code encore.{0}.log} yields {@code encore.1700000000-1.log} and still matches a {@code *.log}
 * monitor. A pattern without {@code {0}} gets {@code -N} at the end of the name.
 */
final class FileNames {
    static final String PLACEHOLDER = "{0}";

    private final String prefix;
    private final String suffix;
    private final boolean timestamped;
    private final Pattern ordered;

    FileNames(String pattern) {
        int at = pattern.indexOf(PLACEHOLDER);
        timestamped = at >= 0;
        prefix = timestamped ? pattern.substring(0, at) : pattern;
        suffix = timestamped ? pattern.substring(at + PLACEHOLDER.length()) : "";
        ordered = Pattern.compile(Pattern.quote(prefix) + "(\\d+)(?:-(\\d+))?" + Pattern.quote(suffix));
    }

    /** The name for a file opened at {@code epochSecond}; {@code attempt} 0 has no suffix. */
    String name(long epochSecond, int attempt) {
        String collision = attempt == 0 ? "" : "-" + attempt;
        return timestamped ? prefix + epochSecond + collision + suffix : prefix + collision;
    }

    /**
     * For a name this pattern produces, its position in creation order: (epoch second, attempt).
     * Empty for other names and for patterns without {@code {0}}.
     */
    Optional<long[]> order(String fileName) {
        if (!timestamped) {
            return Optional.empty();
        }
        Matcher m = ordered.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long attempt = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            return Optional.of(new long[] {Long.parseLong(m.group(1)), attempt});
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }

    boolean timestamped() {
        return timestamped;
    }
}
