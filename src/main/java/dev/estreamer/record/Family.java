package dev.estreamer.record;

/** Event family of a record type, used by filters and sinks to route records. */
public enum Family {
    PACKET, INTRUSION, EXTRA_DATA, IMPACT, CONNECTION, FILE, MALWARE, CORRELATION,
    DISCOVERY, USER, VPN, METADATA, UNKNOWN
}
