package dev.estreamer.filter;

import dev.estreamer.config.HandlerRecords;
import dev.estreamer.record.Family;
import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a record is written. {@code exclude} wins over {@code include}, which wins over
 * the family switches; records of unknown type are always written (as raw hex) so nothing is lost.
 *
 * <p>A record the type rules let through is then checked against the device and domain selectors. A
 * selector is a device id / netmap id (decimal) or a name (compared without case) as the enrichment
 * computed it ({@code sensor} from metadata 123, {@code domain} from metadata 350), so names only match
 * once that metadata has arrived. Records without a device id ignore the device selectors; metadata
 * records ignore the domain selectors.
 */
public final class RecordFilter {
    private final HandlerRecords switches;
    private final Set<Integer> include;
    private final Set<Integer> exclude;
    private final Set<String> includeDevices;
    private final Set<String> excludeDevices;
    private final Set<String> includeDomains;
    private final Set<String> excludeDomains;

    public RecordFilter(HandlerRecords switches) {
        this.switches = switches;
        this.include = Set.copyOf(switches.include());
        this.exclude = Set.copyOf(switches.exclude());
        this.includeDevices = normalise(switches.includeDevices());
        this.excludeDevices = normalise(switches.excludeDevices());
        this.includeDomains = normalise(switches.includeDomains());
        this.excludeDomains = normalise(switches.excludeDomains());
    }

    /** Everything is written. */
    public static RecordFilter all() {
        return new RecordFilter(new HandlerRecords(true, true, true, true, true, true, true,
                List.of(), List.of()));
    }

    public boolean accepts(Record record) {
        int type = record.recordType();
        if (exclude.contains(type)) {
            return false;
        }
        if (!include.contains(type) && !familyWanted(record.family())) {
            return false;
        }
        return deviceWanted(record) && domainWanted(record);
    }

    private boolean deviceWanted(Record record) {
        if (includeDevices.isEmpty() && excludeDevices.isEmpty()) {
            return true;
        }
        Fields f = record.fields();
        Object id = f.get("deviceId");
        if (id == null) {
            id = f.get("sensorId");
        }
        if (id == null || record.family() == Family.METADATA) {
            return true;
        }
        String name = computedText(record, "sensor");
        if (matches(excludeDevices, id, name)) {
            return false;
        }
        return includeDevices.isEmpty() || matches(includeDevices, id, name);
    }

    private boolean domainWanted(Record record) {
        if ((includeDomains.isEmpty() && excludeDomains.isEmpty()) || record.family() == Family.METADATA) {
            return true;
        }
        Object id = (long) record.netmapId();
        String name = computedText(record, "domain");
        if (matches(excludeDomains, id, name)) {
            return false;
        }
        return includeDomains.isEmpty() || matches(includeDomains, id, name);
    }

    private static boolean matches(Set<String> selectors, Object id, String name) {
        return !selectors.isEmpty() && (selectors.contains(id.toString())
                || (name != null && selectors.contains(name.toLowerCase(Locale.ROOT))));
    }

    private static String computedText(Record record, String key) {
        Fields computed = record.computed();
        Object v = computed == null ? null : computed.get(key);
        return v == null ? null : v.toString();
    }

    private static Set<String> normalise(List<String> selectors) {
        return selectors.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
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
