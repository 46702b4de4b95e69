package dev.estreamer.config;

/** eNcore's log levels and the SLF4J level each one maps to. */
public enum LogLevel {
    FATAL("ERROR"), ERROR("ERROR"), WARNING("WARN"), INFO("INFO"), DEBUG("DEBUG"), VERBOSE("TRACE"), TRACE("TRACE");

    private final String slf4j;

    LogLevel(String slf4j) {
        this.slf4j = slf4j;
    }

    /** The SLF4J / Logback level name. */
    public String slf4jLevel() {
        return slf4j;
    }

    static LogLevel of(String word) {
        return word.equals("WARN") ? WARNING : valueOf(word);
    }
}
