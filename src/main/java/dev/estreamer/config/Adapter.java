package dev.estreamer.config;

/** The output format of an outputter ({@code handler.outputters[].adapter}). */
public enum Adapter {
    JSON("json"),
    /** Splunk key=value, eNcore's "splunk" adapter; "kv" is accepted as a synonym. */
    SPLUNK("splunk"),
    CEF("cef"),
    /** Elastic Common Schema documents. */
    ECS("ecs");

    private final String word;

    Adapter(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The adapter a configuration or a --format option names; IllegalArgumentException for an unknown word. */
    public static Adapter of(String word) {
        if (word.equals("kv")) {
            return SPLUNK;
        }
        for (Adapter a : values()) {
            if (a.word.equals(word)) {
                return a;
            }
        }
        throw new IllegalArgumentException(word);
    }
}
