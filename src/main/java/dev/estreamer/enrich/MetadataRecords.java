package dev.estreamer.enrich;

import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;

import java.util.Map;

/**
 * Which metadata record fills which cache table with which key and value (eNcore's AUTOMAP plus its special
 * cases). A record lacking a key or value field stores nothing.
 */
final class MetadataRecords {
    private MetadataRecords() {
    }

    /** Where an id → name record goes: table, key field, value field (a string or a string block). */
    private record Simple(String table, String key, String value) {
    }

    private static final Map<Integer, Simple> SIMPLE = Map.ofEntries(
            Map.entry(4, new Simple(Tables.PRIORITIES, "id", "name")),
            Map.entry(55, new Simple(Tables.CLIENT_APPS, "id", "name")),
            Map.entry(59, new Simple(Tables.NETWORK_PROTOCOLS, "id", "name")),
            Map.entry(60, new Simple(Tables.ATTRIBUTES, "id", "name")),
            Map.entry(62, new Simple(Tables.SYSTEM_USERS, "id", "name")),
            Map.entry(63, new Simple(Tables.APP_PROTOCOLS, "id", "name")),
            Map.entry(69, new Simple(Tables.POLICIES, "id", "name")),
            Map.entry(90, new Simple(Tables.SOURCE_TYPES, "id", "name")),
            Map.entry(91, new Simple(Tables.SOURCE_APPS, "id", "name")),
            Map.entry(96, new Simple(Tables.SOURCE_DETECTORS, "id", "name")),
            // eNcore 3.5.3's reading of record 98 (series-2 block 57); 3.8.4's offset hack lost the name
            Map.entry(98, new Simple(Tables.USERS, "id", "name")),
            Map.entry(109, new Simple(Tables.PAYLOADS, "id", "name")),
            Map.entry(111, new Simple(Tables.XDATA_TYPES, "type", "name")),
            Map.entry(115, new Simple(Tables.SECURITY_ZONES, "uuid", "name")),
            Map.entry(116, new Simple(Tables.INTERFACES, "uuid", "name")),
            Map.entry(118, new Simple(Tables.POLICIES, "uuid", "name")),
            Map.entry(120, new Simple(Tables.FIREWALL_RULE_ACTIONS, "id", "name")),
            Map.entry(121, new Simple(Tables.URL_CATEGORIES, "id", "name")),
            Map.entry(122, new Simple(Tables.URL_REPUTATIONS, "id", "name")),
            Map.entry(123, new Simple(Tables.DEVICES, "id", "name")),
            Map.entry(124, new Simple(Tables.FIREWALL_RULE_REASONS, "id", "description")),
            Map.entry(127, new Simple(Tables.CLOUDS, "uuid", "name")),
            Map.entry(128, new Simple(Tables.MALWARE_EVENT_TYPES, "id", "name")),
            Map.entry(129, new Simple(Tables.FIREAMP_SUBTYPES, "id", "name")),
            Map.entry(130, new Simple(Tables.FIREAMP_DETECTORS, "id", "name")),
            Map.entry(131, new Simple(Tables.FILE_TYPES, "id", "name")),
            Map.entry(270, new Simple(Tables.ICMP_CODES, "code", "description")),
            Map.entry(281, new Simple(Tables.SI_SRC_DESTS, "id", "name")),
            Map.entry(282, new Simple(Tables.SI_GENERAL, "id", "name")),
            Map.entry(300, new Simple(Tables.REALMS, "id", "name")),
            Map.entry(302, new Simple(Tables.SECURITY_GROUPS, "id", "name")),
            Map.entry(322, new Simple(Tables.SINKHOLES, "uuid", "name")),
            // our catalogue decodes 350 as id/length/name; the record header's netmap id refers to this id
            Map.entry(350, new Simple(Tables.NETMAP_DOMAINS, "id", "name")),
            Map.entry(510, new Simple(Tables.FILE_TYPES, "id", "name")),
            Map.entry(511, new Simple(Tables.FILE_SHAS, "shaHash", "fileName")),
            Map.entry(515, new Simple(Tables.FILE_STORAGES, "id", "name")),
            Map.entry(516, new Simple(Tables.FILE_SANDBOXES, "id", "name")),
            Map.entry(517, new Simple(Tables.FILE_DISPOSITIONS, "id", "name")),
            Map.entry(518, new Simple(Tables.ARCHIVE_FILE_STATUS, "id", "name")),
            Map.entry(519, new Simple(Tables.FILE_STATIC_ANALYSES, "id", "name")),
            Map.entry(520, new Simple(Tables.GEOLOCATIONS, "countryCode", "country")),
            Map.entry(530, new Simple(Tables.POLICIES, "uuid", "name")),
            Map.entry(602, new Simple(Tables.SSL_CIPHER_SUITES, "id", "name")),
            Map.entry(604, new Simple(Tables.SSL_VERSIONS, "id", "name")),
            Map.entry(605, new Simple(Tables.SSL_CERT_STATUSES, "id", "name")),
            Map.entry(606, new Simple(Tables.SSL_ACTIONS, "id", "name")),
            Map.entry(607, new Simple(Tables.SSL_ACTIONS, "id", "name")),
            Map.entry(608, new Simple(Tables.SSL_FLOW_STATUSES, "id", "name")),
            Map.entry(613, new Simple(Tables.SSL_URL_CATEGORIES, "id", "name")),
            Map.entry(700, new Simple(Tables.POLICIES, "uuid", "name")));

    /** Record types that feed the cache. */
    static boolean isMetadata(int recordType) {
        return recordType >= 0 && recordType < METADATA.length && METADATA[recordType];
    }

    // every record passes isMetadata: an array read instead of boxing the type for a map lookup
    private static final boolean[] METADATA = metadataTypes();

    private static boolean[] metadataTypes() {
        boolean[] types = new boolean[1 << 16];
        SIMPLE.keySet().forEach(t -> types[t] = true);
        for (int t : new int[] {54, 66, 67, 70, 117, 119, 145, 146, 147, 161, 260, 280, 320, 321}) {
            types[t] = true;
        }
        return types;
    }

    /** Stores what the record says into the cache; returns whether anything changed. */
    static boolean store(Record record, MetadataCache cache) {
        Fields f = record.fields();
        int type = record.recordType();
        Simple simple = SIMPLE.get(type);
        if (simple != null) {
            return cache.put(simple.table(), f.get(simple.key()), text(f, simple.value()));
        }
        return switch (type) {
            case 54 -> cache.put(Tables.OS_FINGERPRINTS, f.get("uuid"),
                    names("os", text(f, "name"), "vendor", text(f, "vendor"), "ver", text(f, "version")));
            case 66 -> cache.put(Tables.IDS_RULES, f.get("generatorId"), f.get("ruleId"), text(f, "message"))
                    | cache.put(Tables.IDS_RULES_RENDERED, f.get("generatorId"), f.get("ruleId"), f.get("signatureId"));
            case 67 -> cache.put(Tables.CLASSIFICATIONS, f.get("id"),
                    names("name", text(f, "name"), "desc", text(f, "description")));
            case 70 -> cache.put(Tables.CORRELATION_RULES, f.get("id"),
                    names("name", text(f, "name"), "desc", text(f, "description"), "type", text(f, "eventType")));
            // eNcore keys the default action by the string "0", which no integer rule id ever matches; we use 0
            case 117 -> cache.put(Tables.POLICIES, f.get("uuid"), text(f, "name"))
                    | cache.put(Tables.FIREWALL_RULES, f.get("uuid"), 0L, "Default Action");
            case 119 -> cache.put(Tables.FIREWALL_RULES, f.get("uuid"), f.get("id"), text(f, "name"));
            case 145, 146, 147 -> cache.put(Tables.AC_POLICIES, f.get("sensorId"), f.get("uuid"), text(f, "name"));
            case 161 -> cache.put(Tables.IOC, f.get("id"),
                    names("category", text(f, "category"), "eventType", text(f, "eventType")));
            case 260 -> cache.put(Tables.ICMP_TYPES, f.get("protocol"), f.get("type"), text(f, "description"));
            case 280 -> cache.put(Tables.SI_DISCOVERY, f.get("id"), f.get("accessControlPolicyUuid"), text(f, "name"));
            case 320 -> cache.put(Tables.DNS_RECORDS, f.get("id"),
                    names("name", text(f, "name"), "description", text(f, "description")));
            case 321 -> cache.put(Tables.DNS_RESPONSES, f.get("id"),
                    names("name", text(f, "name"), "description", text(f, "description")));
            default -> false;
        };
    }

    /** A text field, whether decoded as a plain string or as a string block ({@code {blockType, blockLength, data}}). */
    static String text(Fields f, String name) {
        Object v = f.get(name);
        if (v instanceof Fields block) {
            v = block.get("data");
        }
        return v instanceof String s ? s : null;
    }

    /** A small name map; null when any part is missing, so nothing half-known is stored. */
    private static Map<String, String> names(String... keysAndValues) {
        for (int i = 1; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i] == null) {
                return null;
            }
        }
        return switch (keysAndValues.length) {
            case 4 -> Map.of(keysAndValues[0], keysAndValues[1], keysAndValues[2], keysAndValues[3]);
            case 6 -> Map.of(keysAndValues[0], keysAndValues[1], keysAndValues[2], keysAndValues[3],
                    keysAndValues[4], keysAndValues[5]);
            default -> throw new IllegalArgumentException("names() takes two or three pairs");
        };
    }
}
