package dev.estreamer.config;

/** Where a configuration key comes from, so eNcore users can see what carries over. */
public enum Origin {
    /** An eNcore key with the same meaning here. */
    ENCORE("eNcore"),
    /** An eNcore key that is accepted so old files load, but has no effect (a note says so). */
    ENCORE_IGNORED("eNcore, ignored"),
    /** A key eNcore does not have. */
    ESTREAMER("estreamer");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
