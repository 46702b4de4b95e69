package dev.estreamer.config;

import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;
import java.util.List;

/** Every problem found in one configuration file, each naming its key path; one per line in the message. */
public final class ConfigException extends EstreamerException {
    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(Stage.CONFIG, render(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** The individual problems, e.g. {@code subscription.servers[0].port: expected an integer 1-65535, got "abc"}. */
    public List<String> problems() {
        return problems;
    }

    private static String render(String source, List<String> problems) {
        String header = problems.size() == 1
                ? "Invalid configuration " + source + ":"
                : "Invalid configuration " + source + " (" + problems.size() + " problems):";
        return header + "\n  " + String.join("\n  ", problems);
    }
}
