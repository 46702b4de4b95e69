package dev.estreamer.filter;

import dev.estreamer.config.HandlerRecords;
import dev.estreamer.record.Family;
import dev.estreamer.record.Record;
import java.util.Set;

/**
 * Decides whether a record is written. {@code exclude} wins over {@code include}, which wins over
 * the family switches; records of unknown type are always written (as raw hex) so nothing is lost.
 */
public final class RecordFilter {
    private final HandlerRecords switches;
    private final Set<Integer> include;
    private final Set<Integer> exclude;

    public RecordFilter(HandlerRecords switches) {
        this.switches = switches;
        this.include = Set.copyOf(switches.include());
        this.exclude = Set.copyOf(switches.exclude());
    }

    /** Everything is written. */
    public static RecordFilter all() {
        return new RecordFilter(new HandlerRecords(true, true, true, true, true, true, true,
                java.util.List.of(), java.util.List.of()));
    }

    public boolean accepts(Record record) {
        int type = record.recordType();
        if (exclude.contains(type)) {
            return false;
        }
        if (include.contains(type)) {
            return true;
        }
        return familyWanted(record.family());
    }

    private boolean familyWanted(Family family) {
        return switch (family) {
            case PACKET -> switches.packets();
            case INTRUSION -> switches.intrusion();
            case CONNECTION -> switches.connections();
            case DISCOVERY -> switches.rna();
            case USER -> switches.rua();
            case METADATA -> switches.metadata();
            case EXTRA_DATA, IMPACT, FILE, MALWARE, CORRELATION -> switches.core();
            // eNcore always writes VPN records; unknown records are kept as hex rather than lost.
            case VPN, UNKNOWN -> true;
        };
    }
}
