package dev.estreamer.cli;

import org.apache.commons.cli.CommandLine;

/** Typed reads of option values with a usage error that names the option. */
final class OptionValues {
    private OptionValues() {
    }

    static int intValue(CommandLine line, String option, int defaultValue, int min, int max) {
        long v = longValue(line, option, defaultValue, min, max);
        return (int) v;
    }

    static long longValue(CommandLine line, String option, long defaultValue, long min, long max) {
        String text = line.getOptionValue(option);
        if (text == null) {
            return defaultValue;
        }
        try {
            long v = Long.parseLong(text.trim().replace("_", ""));
            if (v < min || v > max) {
                throw new UsageException("--" + option + " must be between " + min + " and " + max + ", got " + text);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " expects a whole number, got \"" + text + "\"");
        }
    }
}
