package dev.estreamer.config;

/** Where the first request of a session starts (eNcore {@code start}: 0, 1 or 2). */
public enum StartMode {
    /** Timestamp 0: everything the FMC still holds. */
    GENESIS(0),
    /** Timestamp 0xFFFFFFFF: only events from now on. */
    NOW(1),
    /** The saved bookmark, or genesis when there is none yet. */
    BOOKMARK(2);

    private final int code;

    StartMode(int code) {
        this.code = code;
    }

    /** The number used in the configuration file. */
    public int code() {
        return code;
    }

    static StartMode of(int code) {
        for (StartMode m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        throw new IllegalArgumentException("start must be 0, 1 or 2, got " + code);
    }
}
