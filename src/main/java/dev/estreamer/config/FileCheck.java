package dev.estreamer.config;

/** Whether the loader insists that referenced files (PKCS#12, password file) exist. */
public enum FileCheck {
    /** For commands that connect: a missing file is a configuration error. */
    REQUIRE_EXISTING,
    /** For offline commands such as {@code decode}, which never open them. */
    SKIP
}
